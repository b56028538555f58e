import { envKey, type Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { decideCapture } from "./capture-decision.js";
import { decideRetention, keptHotBy, observedTiersOf, type Tier } from "./retention.js";
import {
  manifestBytes,
  parseManifest,
  snapshotObjects,
  type SnapshotManifest,
} from "./manifest.js";
import { prunedIds, pruneRecordOf } from "./prune-record.js";
import { slotOf } from "./schedule.js";

/** One snapshot as `labenv snapshot list` shows it. */
export interface SnapshotRow {
  id: string;
  /**
   * `captured`, `requested` (waiting, and why), `failed` (why); `kept` when git no longer asks for
   * it but its data is kept; `scheduled` for a scheduled snapshot captured (kept by its
   * schedule's keep policy); `pruned` for one the keep policy pruned (when and why).
   */
  state: "captured" | "requested" | "failed" | "kept" | "scheduled" | "pruned";
  reason?: string;
  capturedAt?: string;
  digest?: string;
  files?: number;
  bytes?: number;
  keepUntil?: string;
  legalHold?: boolean;
  /** For captured data: where it lives now, and what a restore from there waits for. */
  tier?: Tier;
  /** Whether AWS reports the tier (`provider`) or labenv's schedule says it (`schedule`), and how. */
  tierFrom?: "provider" | "schedule";
  tierWhy?: string;
  restoreWait?: string;
  deletable?: boolean;
  /** Who asked for it and why, as the manifest recorded (for a kept snapshot, whose document is gone). */
  request?: { requestedBy: string; reason: string };
}

/**
 * Every readable manifest in the object store, or only those of one environment (`lab/env`).
 * A manifest that cannot be read is left out here; `labenv snapshot verify` names it. A pruned
 * snapshot's manifest is left out too: its data is gone, nothing can be restored from it.
 */
export async function readManifests(
  objects: ObjectStore,
  environment?: string,
): Promise<SnapshotManifest[]> {
  const out: SnapshotManifest[] = [];
  for (const id of await storedManifestIds(objects, environment)) {
    const bytes = await objects.get(snapshotObjects.manifest(id));
    const parsed = bytes && parseManifest(bytes);
    if (parsed && "manifest" in parsed) out.push(parsed.manifest);
  }
  return out;
}

/**
 * The id of every manifest in the object store (of one environment, when given), except those
 * pruned by decision, sorted — whether or not its bytes parse: a manifest that no longer reads is
 * still a captured snapshot, which `verify` must report, not skip.
 */
export async function storedManifestIds(
  objects: ObjectStore,
  environment?: string,
): Promise<string[]> {
  const prefix = `${snapshotObjects.prefix}${environment ? `${environment}/` : ""}`;
  const pruned = await prunedIds(objects);
  return (await objects.list(prefix))
    .filter((k) => k.endsWith("/manifest.json"))
    .map((k) => k.slice(snapshotObjects.prefix.length, -"/manifest.json".length))
    .filter((id) => !pruned.has(id))
    .sort();
}

/** Each environment's newest captured snapshot (by capture time), from the manifests themselves. */
export async function newestManifests(
  objects: ObjectStore,
  environment?: string,
): Promise<Map<string, SnapshotManifest>> {
  const newest = new Map<string, SnapshotManifest>();
  for (const m of await readManifests(objects, environment)) {
    const env = m.id.split("/").slice(0, 2).join("/");
    const seen = newest.get(env);
    if (!seen || m.capturedAt > seen.capturedAt) newest.set(env, m);
  }
  return newest;
}

/** Every Snapshot document's state, and every manifest whose document is gone (its data is kept). */
export async function listSnapshots(
  repository: Repository,
  observed: readonly ObservedResource[],
  objects: ObjectStore,
  today: string,
): Promise<SnapshotRow[]> {
  const byKey = new Map(observed.map((o) => [o.key, o]));
  const manifests = new Map<string, SnapshotManifest>();
  const digests = new Map<string, string>();
  for (const m of await readManifests(objects)) {
    manifests.set(m.id, m);
    digests.set(m.id, manifestBytes(m).digest);
  }
  const rows: SnapshotRow[] = [];
  const pruned = await prunedIds(objects);
  const ids = new Set([...repository.snapshots.keys(), ...manifests.keys(), ...pruned]);
  for (const id of [...ids].sort()) {
    const m = manifests.get(id);
    const doc = repository.snapshots.get(id);
    if (!doc && pruned.has(id)) {
      const p = await pruneRecordOf(objects, id);
      rows.push({
        id,
        state: "pruned",
        reason: p ? `${p.prunedAt}: ${p.reason}` : "pruned (its record cannot be read)",
      });
      continue;
    }
    if (m && !doc && slotOf(id.split("/")[2] ?? "")) {
      rows.push({
        id,
        state: "scheduled",
        capturedAt: m.capturedAt,
        digest: digests.get(id)!,
        files: m.home?.fileCount ?? 0,
        bytes: m.home?.totalBytes ?? 0,
        reason: "kept by its schedule's keep policy",
        request: { requestedBy: m.request.requestedBy, reason: m.request.reason },
      });
      continue;
    }
    const retention = m?.request.retention ?? doc?.doc.spec.retention;
    const facts = {
      ...(retention?.keepUntil ? { keepUntil: retention.keepUntil } : {}),
      ...(retention?.legalHold ? { legalHold: true } : {}),
    };
    if (m) {
      const r = decideRetention(m.capturedAt, retention, today, {
        ...optionalKeptHot(keptHotBy(repository, id)),
        parts: { volume: m.volume !== undefined, home: m.home !== undefined },
        observed: observedTiersOf(observed, id),
      });
      rows.push({
        id,
        state: doc ? "captured" : "kept",
        capturedAt: m.capturedAt,
        digest: digests.get(id)!,
        files: m.home?.fileCount ?? 0,
        bytes: m.home?.totalBytes ?? 0,
        ...facts,
        keepUntil: r.keepUntil,
        tier: r.tier,
        tierFrom: r.tierFrom,
        tierWhy: r.tierWhy,
        restoreWait: r.restoreWait,
        deletable: r.deletable,
        request: { requestedBy: m.request.requestedBy, reason: m.request.reason },
      });
      continue;
    }
    const { lab, environment } = doc!.doc.metadata;
    const env = repository.environments.get(envKey(lab, environment));
    const d = decideCapture({
      snapshot: doc!,
      environment: !env ? "absent" : (env.doc.spec.state ?? "running"),
      observed: byKey,
    });
    rows.push({
      id,
      state: d.outcome === "failed" ? "failed" : "requested",
      reason:
        d.outcome === "capture"
          ? "ready: the next reconcile or `labenv snapshot capture` writes its manifest"
          : "reason" in d
            ? d.reason
            : "",
      ...facts,
    });
  }
  return rows;
}

/** `keptHot` only when there is a reason (exactOptionalPropertyTypes). */
export function optionalKeptHot(keptHot: string | undefined): { keptHot?: string } {
  return keptHot ? { keptHot } : {};
}
