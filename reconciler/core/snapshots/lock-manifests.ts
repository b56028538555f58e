import type { Repository } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { parseManifest, snapshotObjects } from "./manifest.js";
import {
  manifestLockChange,
  wantedManifestLock,
  type ManifestLockChange,
  type ManifestLockWanted,
} from "./manifest-lock.js";

export interface ManifestLockResult {
  wanted: ManifestLockWanted;
  /** What was (or, in a plan, would be) written; empty when the lock already is as wanted. */
  change: ManifestLockChange;
  /** Why this manifest's lock could not be read or written (only this one is affected). */
  error?: string;
}

export type ManifestLocks =
  | { enabled: true; where: string; results: ManifestLockResult[] }
  | { enabled: false; where: string; warning: string; manifests: number };

/**
 * Every manifest in the object store (pruned snapshots' too: the manifest is the record) locked
 * as its retention asks (`wantedManifestLock`): GOVERNANCE retention through its keep-until and
 * a legal hold while git says `legalHold: true`. With `apply: false` it only reads and says what
 * it would write (the plan). A bucket without Object Lock is said, never pretended: nothing is
 * written and the warning names the bucket. A failure on one manifest is reported for it alone.
 */
export async function lockManifests(
  objects: ObjectStore,
  repository: Repository,
  today: string,
  options: { apply: boolean },
): Promise<ManifestLocks | undefined> {
  const lock = objects.objectLock;
  if (!lock) return undefined;
  const keys = (await objects.list(snapshotObjects.prefix)).filter(
    (k) => k.endsWith("/manifest.json") && !k.startsWith(`${snapshotObjects.prefix}objects/`),
  );
  if (!(await lock.enabled()))
    return {
      enabled: false,
      where: lock.where,
      manifests: keys.length,
      warning: `${lock.where} has no S3 Object Lock: ${keys.length} snapshot manifest${keys.length === 1 ? "" : "s"} can be deleted or overwritten by anyone allowed to, and keepUntil and legalHold are not enforced by S3 (infra/ creates the bucket with Object Lock; enabling it on an existing bucket is a one-way change — see docs/snapshots.md)`,
    };
  const results: ManifestLockResult[] = [];
  for (const key of keys.sort()) {
    const bytes = await objects.get(key);
    const parsed = bytes && parseManifest(bytes);
    if (!parsed || !("manifest" in parsed)) continue;
    const m = parsed.manifest;
    const wanted = wantedManifestLock(m, key, repository.snapshots.get(m.id), today);
    try {
      const change = manifestLockChange(wanted, await lock.state(key));
      if (options.apply) {
        if (change.retention)
          await lock.retain(key, change.retention.mode, new Date(change.retention.retainUntil));
        if (change.legalHold !== undefined) await lock.hold(key, change.legalHold);
      }
      results.push({ wanted, change });
    } catch (e) {
      results.push({ wanted, change: {}, error: (e as Error).message });
    }
  }
  return { enabled: true, where: lock.where, results };
}

/** The lines `labenv plan` and `labenv reconcile` print for manifest locks. */
export function renderManifestLocks(locks: ManifestLocks, applied: boolean): string {
  if (!locks.enabled) return `manifest locks: ⚠ ${locks.warning}`;
  const lines = ["manifest locks:"];
  for (const r of locks.results) {
    const what = [
      ...(r.change.retention
        ? [`retained (${r.change.retention.mode}) through ${r.wanted.keepUntil}`]
        : []),
      ...(r.change.legalHold !== undefined
        ? [r.change.legalHold ? "legal hold set" : "legal hold released (removed in git)"]
        : []),
    ];
    if (r.error) lines.push(`  ✖ ${r.wanted.id}: ${r.error}`);
    else if (what.length > 0)
      lines.push(
        `  ${applied ? "✓" : "~"} ${r.wanted.id}: ${what.join(", ")}${applied ? "" : " (planned)"}`,
      );
  }
  const same = locks.results.filter(
    (r) => !r.error && !r.change.retention && r.change.legalHold === undefined,
  ).length;
  if (locks.results.length === 0) lines.push("  · no manifest in the object store yet");
  if (same > 0)
    lines.push(`  · ${same} manifest${same === 1 ? "" : "s"} locked as their retention asks`);
  return lines.join("\n");
}
