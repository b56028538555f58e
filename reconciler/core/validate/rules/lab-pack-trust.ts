import type { Diagnostic } from "../../model/diagnostic.js";
import type { DomainPack, Lab, Repository } from "../../model/documents.js";
import { resolvePack } from "../../packs/resolve-pack.js";
import { finding, paths, type Rule } from "../rule.js";

type TrustLevel = DomainPack["spec"]["trust"];

/** The trust levels a lab's environments may use (lab.yaml `spec.packTrust`); undefined: every level. */
export function labPackTrust(lab: Lab | undefined): TrustLevel[] | undefined {
  return lab?.spec.packTrust;
}

/**
 * A lab that lists `spec.packTrust` admits only pack versions of those trust
 * levels: an environment whose `domainPack` range resolves to a version of
 * another level is refused at its `domainPack` line. The finding is the
 * environment's own, so only that environment is held back.
 */
export const labPackTrustRule: Rule = {
  name: "lab-pack-trust",
  description:
    "An environment's domain pack has a trust level its lab allows (lab.yaml `spec.packTrust`).",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const lab = env.doc.metadata.lab;
      const allowed = labPackTrust(repo.labs.get(lab)?.doc);
      if (!allowed) continue;
      const r = resolvePack(repo, env.doc.spec.domainPack);
      if (!r.ok) continue; // domain-pack-references says why
      const trust = r.pack.doc.spec.trust;
      if (allowed.includes(trust)) continue;
      const id = `${r.pack.doc.metadata.name}@${r.version}`;
      out.push(
        finding(
          env,
          ["spec", "domainPack"],
          "lab-pack-trust",
          `\`${env.doc.spec.domainPack}\` resolves to ${id}, which is \`${trust}\`; lab \`${lab}\` allows only ${allowed.map((t) => `\`${t}\``).join(", ")} packs (spec.packTrust in ${paths.lab(lab)})`,
          `choose a range that resolves to a ${allowed.join(" or ")} version, or add \`${trust}\` to \`spec.packTrust\` in ${paths.lab(lab)} if the lab accepts it`,
        ),
      );
    }
    return out;
  },
};

/** The labs (by name, sorted) whose `spec.packTrust` does not admit `trust`. */
export function labsRefusingTrust(repo: Repository, trust: TrustLevel): string[] {
  return [...repo.labs.values()]
    .filter((l) => {
      const allowed = labPackTrust(l.doc);
      return allowed !== undefined && !allowed.includes(trust);
    })
    .map((l) => l.doc.metadata.name)
    .sort();
}
