import { field, stringField } from "../audit/field-diff.js";
import { monthlyCost } from "../cost/estimate.js";
import type { PriceTable } from "../cost/prices.js";
import { DEFAULT_STORAGE_GIB } from "../desire/desire.js";
import type { Repository } from "../model/documents.js";
import { resolvePack } from "../packs/resolve-pack.js";

/**
 * The monthly estimate of an environment document (today's or one from
 * history) as `desire` prices it: Fargate while it runs for its hours per
 * week, its /opt/jupyter volume (the pack's default size when it names none)
 * always. Computed without desiring the whole repository.
 */
export function environmentCost(repo: Repository, doc: unknown, prices: PriceTable): number {
  const num = (...path: string[]) => {
    const v = field(doc, "spec", ...path);
    return typeof v === "number" ? v : undefined;
  };
  const ref = stringField(doc, "spec", "domainPack");
  const pack = ref ? resolvePack(repo, ref) : undefined;
  const packStorage = pack?.ok ? pack.pack.doc.spec.defaults?.resources?.storageGiB : undefined;
  return monthlyCost(
    {
      cpu: num("resources", "cpu") ?? 0,
      memory: num("resources", "memory") ?? 0,
      storageGiB: num("resources", "storageGiB") ?? packStorage ?? DEFAULT_STORAGE_GIB,
      running: (stringField(doc, "spec", "state") ?? "running") === "running",
      hoursPerWeek: num("schedule", "hoursPerWeek") ?? 168,
    },
    prices,
  );
}
