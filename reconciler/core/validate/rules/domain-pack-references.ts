import type { Diagnostic } from "../../model/diagnostic.js";
import { parsePackReference, resolvePack } from "../../packs/resolve-pack.js";
import { finding, type Rule } from "../rule.js";

/**
 * An environment's `domainPack` range matches a published, non-yanked version;
 * a deprecated version gets a warning that says what to move to; asked-for
 * kernels exist in the pack.
 */
export const domainPackReferences: Rule = {
  name: "domain-pack-references",
  description:
    "Domain pack ranges resolve; deprecated versions warn with their redirect; kernels exist in the pack.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const r = resolvePack(repo, env.doc.spec.domainPack);
      if (!r.ok) {
        out.push(
          finding(
            env,
            ["spec", "domainPack"],
            "domain-pack",
            r.message,
            r.reason === "bad-reference"
              ? "write `<pack>@<range>`, e.g. `genomics@^1.2`"
              : "pick a range that matches a published version, or publish one",
          ),
        );
        continue;
      }
      const deprecated = r.pack.doc.spec.deprecated;
      if (deprecated) {
        out.push(
          finding(
            env,
            ["spec", "domainPack"],
            "domain-pack-deprecated",
            `${r.pack.doc.metadata.name}@${r.version} is deprecated${deprecated.reason ? `: ${deprecated.reason}` : ""}`,
            `move to \`${deprecated.use}\``,
            { severity: "warning" },
          ),
        );
      }
      const offered = new Set(r.pack.doc.spec.kernels.map((k) => k.name));
      (env.doc.spec.kernels ?? []).forEach((k, i) => {
        if (!offered.has(k)) {
          out.push(
            finding(
              env,
              ["spec", "kernels", i],
              "kernel",
              `kernel \`${k}\` is not in ${r.pack.doc.metadata.name}@${r.version}`,
              `the pack offers: ${[...offered].join(", ")}`,
            ),
          );
        }
      });
    }
    for (const pack of repo.packs.values()) {
      const use = pack.doc.spec.deprecated?.use;
      if (use && !parsePackReference(use)) {
        out.push(
          finding(
            pack,
            ["spec", "deprecated", "use"],
            "domain-pack",
            `\`${use}\` is not \`<pack>@<semver range>\``,
          ),
        );
      } else if (use && !resolvePack(repo, use).ok) {
        out.push(
          finding(
            pack,
            ["spec", "deprecated", "use"],
            "domain-pack",
            `the redirect \`${use}\` matches no published version`,
            "point the redirect at a published version",
          ),
        );
      }
    }
    return out;
  },
};
