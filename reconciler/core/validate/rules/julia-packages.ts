import type { Diagnostic } from "../../model/diagnostic.js";
import { parseJuliaVersion } from "../../lock/julia-versions.js";
import { resolvePack } from "../../packs/resolve-pack.js";
import { finding, type Rule } from "../rule.js";
import { pinnedTwice } from "./pinned-once.js";

/**
 * An environment that pins Julia packages (`spec.julia`) runs a pack with a Julia kernel whose
 * version (x.y.z) the compat ranges are checked against; each package is pinned once, IJulia
 * among them.
 */
export const juliaPackagesRule: Rule = {
  name: "julia-packages",
  description:
    "Julia packages (spec.julia) are pinned once each, IJulia among them, on a domain pack with a Julia kernel that names its version.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const julia = env.doc.spec.julia;
      if (!julia) continue;
      const pinned = pinnedTwice(env, "julia", "Julia", julia.packages);
      out.push(...pinned.findings);
      if (!pinned.names.has("IJulia"))
        out.push(
          finding(
            env,
            ["spec", "julia", "packages"],
            "julia-packages",
            "spec.julia.packages has no IJulia, the package that is the Julia kernel",
            "add IJulia==<version> (a version the registry holds)",
          ),
        );
      const p = resolvePack(repo, env.doc.spec.domainPack);
      if (!p.ok) continue; // domain-pack-references says why
      const pack = p.pack.doc;
      const kernel = pack.spec.kernels.find((k) => k.language === "julia");
      if (!kernel || !parseJuliaVersion(kernel.version ?? ""))
        out.push(
          finding(
            env,
            ["spec", "julia"],
            "julia-packages",
            `${pack.metadata.name}@${p.version} has ${kernel ? `a Julia kernel ${kernel.name} without a version x.y.z` : "no Julia kernel"}, so Julia packages cannot be installed`,
            "choose a domain pack with a Julia kernel whose version is Julia's (e.g. 1.10.4), or remove spec.julia",
          ),
        );
    }
    return out;
  },
};
