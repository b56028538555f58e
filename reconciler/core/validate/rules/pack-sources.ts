import type { Diagnostic } from "../../model/diagnostic.js";
import { packChecksum } from "../../packs/checksum.js";
import { judgePack } from "../../packs/trust-policy.js";
import { finding, type Rule } from "../rule.js";

/**
 * Every pack version vendored from a registry (`spec.source`) is still what
 * the registry published and signed, by a key labenv.yaml trusts, at a trust
 * level the registry is trusted for. Checked offline: the registry may be gone.
 */
export const packSources: Rule = {
  name: "pack-sources",
  description:
    "Vendored domain packs match their published checksum and carry a valid signature by a trusted, unrevoked key.",
  check(repo) {
    const out: Diagnostic[] = [];
    const config = repo.config?.doc.spec;
    for (const pack of repo.packs.values()) {
      const source = pack.doc.spec.source;
      if (!source) continue;
      const verdict = judgePack(
        config,
        {
          name: pack.doc.metadata.name,
          version: pack.doc.metadata.version,
          trust: pack.doc.spec.trust,
          checksum: pack.checksum ?? packChecksum(pack.doc),
        },
        source,
      );
      if (verdict.ok) {
        for (const w of verdict.warnings)
          out.push(
            finding(pack, ["spec", "source"], "pack-unsigned", w, undefined, {
              severity: "warning",
            }),
          );
        continue;
      }
      const at =
        verdict.code === "pack-registry"
          ? ["spec", "source", "registry"]
          : verdict.code === "pack-checksum"
            ? ["spec", "source", "checksum"]
            : verdict.code === "pack-trust"
              ? ["spec", "trust"]
              : source.signature
                ? ["spec", "source", "signature"]
                : ["spec", "source"];
      out.push(finding(pack, at, verdict.code, verdict.message, verdict.hint));
    }
    return out;
  },
};
