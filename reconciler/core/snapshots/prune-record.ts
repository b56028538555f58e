import type { Action } from "../model/plan.js";
import type { ObservedResource } from "../model/resources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { pruneReasonOf, scheduledIdOf } from "./prune-plan.js";

/**
 * A scheduled snapshot a keep policy pruned: when, why, and what was deleted. Its manifest stays
 * (it is the record of what was captured, and manifests stay hot and locked); readers skip a
 * pruned snapshot, and `verify` does not report its deleted parts as lost.
 */
export interface PruneRecord {
  id: string;
  prunedAt: string;
  reason: string;
  /** The volume snapshots and backups deleted: key and provider id. */
  deleted: { key: string; id: string }[];
}

export const pruneObjects = {
  prefix: "prunes/",
  record: (id: string) => `prunes/${id}.json`,
};

/** The ids of every pruned snapshot. */
export async function prunedIds(objects: ObjectStore): Promise<Set<string>> {
  return new Set(
    (await objects.list(pruneObjects.prefix))
      .filter((k) => k.endsWith(".json"))
      .map((k) => k.slice(pruneObjects.prefix.length, -".json".length)),
  );
}

/** A pruned snapshot's record, or undefined when it was not pruned (or the record is unreadable). */
export async function pruneRecordOf(
  objects: ObjectStore,
  id: string,
): Promise<PruneRecord | undefined> {
  const bytes = await objects.get(pruneObjects.record(id));
  if (!bytes) return undefined;
  try {
    const r = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<PruneRecord>;
    return r.id === id && typeof r.prunedAt === "string" ? (r as PruneRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * After an apply: a record for each scheduled snapshot whose pruning deletes the plan held are
 * done (none of its parts is still held), written once. Records follow confirmed effects only.
 */
export async function recordPrunes(
  objects: ObjectStore,
  actions: readonly Action[],
  heldNow: readonly ObservedResource[],
  now: Date,
): Promise<PruneRecord[]> {
  const still = new Set(heldNow.map((o) => o.key));
  const byId = new Map<string, Action[]>();
  for (const a of actions) {
    if (a.outcome !== "delete" || !a.observed) continue;
    const id = scheduledIdOf(a.observed);
    if (id) byId.set(id, [...(byId.get(id) ?? []), a]);
  }
  const written: PruneRecord[] = [];
  const already = await prunedIds(objects);
  for (const [id, deletes] of [...byId].sort(([a], [b]) => a.localeCompare(b))) {
    if (already.has(id) || deletes.some((a) => still.has(a.key))) continue;
    const record: PruneRecord = {
      id,
      prunedAt: now.toISOString(),
      reason: pruneReasonOf(deletes[0]!.reason),
      deleted: deletes.map((a) => ({ key: a.key, id: a.observed!.id })),
    };
    await objects.put(
      pruneObjects.record(id),
      `${JSON.stringify(record, null, 2)}\n`,
      "application/json",
    );
    written.push(record);
  }
  return written;
}
