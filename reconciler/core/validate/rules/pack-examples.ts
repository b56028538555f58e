import type { Diagnostic } from "../../model/diagnostic.js";
import { packExamples } from "../../packs/pack-examples.js";
import { finding, type Rule } from "../rule.js";

/**
 * Every example notebook a pack version ships is exactly the one its `spec.examples` lists (so
 * the one its checksum and signature cover): present, bounded, a notebook, with that sha256; and
 * no notebook sits in its `examples/` unlisted.
 */
export const packExamplesRule: Rule = {
  name: "pack-examples",
  description:
    "A domain pack's example notebooks are present, at most 1 MiB, and have the sha256 its spec.examples lists.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const pack of repo.packs.values())
      for (const p of packExamples(repo, pack).problems)
        out.push(finding(pack, p.at, "pack-example", p.message, p.hint));
    return out;
  },
};
