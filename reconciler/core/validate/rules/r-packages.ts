import type { Diagnostic } from "../../model/diagnostic.js";
import { resolvePack } from "../../packs/resolve-pack.js";
import { finding, type Rule } from "../rule.js";
import { pinnedTwice } from "./pinned-once.js";

/**
 * An environment that pins R packages (`spec.r`) runs a pack with R: an R kernel, and R in its
 * image (`provides.r.R`); each package is pinned once.
 */
export const rPackagesRule: Rule = {
  name: "r-packages",
  description:
    "R packages (spec.r) are pinned once each, on a domain pack with an R kernel and R in its image (provides.r).",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const r = env.doc.spec.r;
      if (!r) continue;
      out.push(...pinnedTwice(env, "r", "R", r.packages).findings);
      const p = resolvePack(repo, env.doc.spec.domainPack);
      if (!p.ok) continue; // domain-pack-references says why
      const pack = p.pack.doc;
      const id = `${pack.metadata.name}@${p.version}`;
      if (!pack.spec.kernels.some((k) => k.language === "R") || !pack.spec.provides?.r?.R)
        out.push(
          finding(
            env,
            ["spec", "r"],
            "r-packages",
            `${id} has ${pack.spec.kernels.some((k) => k.language === "R") ? "no R version in provides.r" : "no R kernel"}, so R packages cannot be installed`,
            "choose a domain pack with an R kernel (IRkernel) whose provides.r names R's version, or remove spec.r",
          ),
        );
    }
    return out;
  },
};
