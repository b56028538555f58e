import type { Diagnostic } from "../../model/diagnostic.js";
import { parseRequirement, satisfies } from "../../pep440/index.js";
import { resolvePack } from "../../packs/resolve-pack.js";
import { finding, type Rule } from "../rule.js";

/**
 * Environment packages are valid PEP 508 requirements, name a package once,
 * are installable from an index (no direct URLs, which cannot be locked), and
 * do not contradict what the domain pack pins.
 */
export const packageRequirements: Rule = {
  name: "package-requirements",
  description:
    "Package requirements are valid PEP 508, unique, lockable, and agree with the pack's pins.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const seen = new Map<string, number>();
      const pack = resolvePack(repo, env.doc.spec.domainPack);
      (env.doc.spec.packages ?? []).forEach((text, i) => {
        const at = ["spec", "packages", i];
        const parsed = parseRequirement(text);
        if (!parsed.ok) {
          out.push(
            finding(
              env,
              at,
              "package-requirement",
              `\`${text}\` is not a valid PEP 508 requirement: ${parsed.error.message} (at character ${parsed.error.column})`,
              `expected ${parsed.error.expected}; e.g. \`scanpy>=1.10,<1.11\``,
            ),
          );
          return;
        }
        const req = parsed.value;
        if (req.url) {
          out.push(
            finding(
              env,
              at,
              "package-requirement",
              `\`${req.name}\` comes from a direct URL, which cannot be locked to a version and hash`,
              "publish it to the lab's package index and require it by version",
            ),
          );
          return;
        }
        const name = req.normalizedName;
        const before = seen.get(name);
        if (before !== undefined)
          out.push(
            finding(
              env,
              at,
              "package-requirement",
              `\`${name}\` is listed twice (also at spec.packages[${before}])`,
              "merge the two specifiers into one requirement",
            ),
          );
        seen.set(name, i);
        const pinned = pack.ok ? pack.pack.doc.spec.packages[name] : undefined;
        if (
          pack.ok &&
          pinned !== undefined &&
          req.specifier.specifiers.length > 0 &&
          !satisfies(pinned, req.specifier, { prereleases: true })
        ) {
          out.push(
            finding(
              env,
              at,
              "package-conflict",
              `\`${text}\` conflicts with the domain pack: ${pack.pack.doc.metadata.name}@${pack.version} pins ${name}==${pinned}`,
              "loosen the specifier, or pick a pack version that pins a matching version",
            ),
          );
        }
      });
    }
    return out;
  },
};
