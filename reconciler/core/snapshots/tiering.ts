import type { Repository } from "../model/documents.js";
import type { DesiredState, ObservedResource } from "../model/resources.js";

/** How long a snapshot takes to come back from the EBS archive tier, as the plan says it. */
export const ARCHIVE_RESTORE_WAIT = "24–72 hours";

/** A volume snapshot's move between EBS storage tiers, as a plan item. */
export interface TierMove {
  to: "archive" | "standard";
  reason: string;
}

export interface TieringPlan {
  /** Volume snapshots (by key) that move: to the archive tier, or back from it for a restore. */
  moves: Map<string, TierMove>;
  /** Services (by key) whose volume waits for its snapshot to come back from the archive tier. */
  waiting: Map<string, string>;
}

const DAY = 86_400_000;

/**
 * Which volume snapshots change EBS storage tier. To the archive tier (`ModifySnapshotTier`):
 * a Snapshot document's, once older than the document's `retention.archiveAfterDays` (without
 * one, none is archived), completed, in the standard tier, and not needed soon — no environment
 * restores from it and no service's volume is created from it. Back from it
 * (`RestoreSnapshotTier`, permanent): an archived snapshot a desired service's volume is to be
 * created from, planned first and said to take 24–72 hours; that service waits (its volume
 * cannot be made from an archived snapshot) until a later reconcile finds it back. Only
 * snapshots whose tier the provider reports are considered. The manifest and the lock are S3
 * objects and never move. Pure.
 */
export function planTiering(
  repo: Repository,
  observed: readonly ObservedResource[],
  desired: DesiredState,
  today: string,
): TieringPlan {
  const moves = new Map<string, TierMove>();
  const waiting = new Map<string, string>();
  const snapshots = observed.filter((o) => o.kind === "ebs-snapshot" && o.storageTier);
  const sourceOf = (r: { spec: unknown }) =>
    (r.spec as { volume?: { fromSnapshot?: string } }).volume?.fromSnapshot;
  const volumeSources = new Set(
    [...desired.resources, ...observed]
      .filter((r) => r.kind === "service")
      .map(sourceOf)
      .filter((id): id is string => id !== undefined),
  );
  const restoredFrom = new Set(
    [...repo.environments.values()]
      .map((e) => e.doc.spec.restoreFrom?.snapshot)
      .filter((id): id is string => id !== undefined),
  );
  for (const d of desired.resources) {
    if (d.kind !== "service") continue;
    const from = sourceOf(d);
    const snap = snapshots.find((o) => o.id === from);
    if (!snap || snap.storageTier !== "archive") continue;
    moves.set(snap.key, {
      to: "standard",
      reason: `restore volume snapshot ${snap.id} from the EBS archive tier first (RestoreSnapshotTier): this takes ${ARCHIVE_RESTORE_WAIT}, not minutes; ${d.environment} starts from it on a reconcile after it is back`,
    });
    waiting.set(
      d.key,
      `waiting: its /opt/jupyter volume comes from ${snap.id}, which is being restored from the EBS archive tier (${ARCHIVE_RESTORE_WAIT}); the service is created or changed on a reconcile after that`,
    );
  }
  for (const o of snapshots) {
    if (moves.has(o.key) || o.storageTier !== "standard" || o.status !== "completed") continue;
    const id = o.key.slice(o.key.indexOf(":") + 1);
    const days = repo.snapshots.get(id)?.doc.spec.retention?.archiveAfterDays;
    if (days === undefined || !o.startedAt) continue;
    const age = Math.floor(
      (Date.parse(today.slice(0, 10)) - Date.parse(o.startedAt.slice(0, 10))) / DAY,
    );
    if (!(age >= days) || volumeSources.has(o.id) || restoredFrom.has(id)) continue;
    moves.set(o.key, {
      to: "archive",
      reason: `move ${id.split("/")[2]}'s /opt/jupyter volume snapshot ${o.id} to the EBS archive tier (ModifySnapshotTier): ${age} days old, past its archiveAfterDays (${days}); a restore from it will first wait ${ARCHIVE_RESTORE_WAIT}`,
    });
  }
  return { moves, waiting };
}
