import type { Repository } from "../model/documents.js";
import type { DesiredState, ObservedResource } from "../model/resources.js";
import { daysBetween } from "./days.js";
import { ARCHIVE_RESTORE_WAIT, COLD_RESTORE_WAIT, tierScheduleOf } from "./retention.js";

export { ARCHIVE_RESTORE_WAIT };

/** A volume snapshot's move between EBS storage tiers, as a plan item. */
export interface TierMove {
  to: "archive" | "standard";
  reason: string;
}

/** A recovery point's AWS Backup lifecycle change (`UpdateRecoveryPointLifecycle`), as a plan item. */
export interface LifecycleChange {
  /** Days after creation it moves to cold storage: now, and wanted (undefined: never). */
  from: number | undefined;
  to: number | undefined;
  reason: string;
}

export interface TieringPlan {
  /** Volume snapshots (by key) that move: to the archive tier, or back from it for a restore. */
  moves: Map<string, TierMove>;
  /** Home recovery points (backup-job keys) whose move to cold storage is set, changed or removed. */
  lifecycles: Map<string, LifecycleChange>;
  /** Services (by key) whose volume waits for its snapshot to come back from the archive tier. */
  waiting: Map<string, string>;
}

/**
 * Which volume snapshots change EBS storage tier. To the archive tier (`ModifySnapshotTier`):
 * a Snapshot document's, once older than the document's `retention.archiveAfterDays` (365 days
 * without one), completed, in the standard tier, and not needed soon — no environment
 * restores from it and no service's volume is created from it. Back from it
 * (`RestoreSnapshotTier`, permanent): an archived snapshot a desired service's volume is to be
 * created from, planned first and said to take 24–72 hours; that service waits (its volume
 * cannot be made from an archived snapshot) until a later reconcile finds it back. Only
 * snapshots whose tier the provider reports are considered. The manifest and the lock are S3
 * objects and never move. Scheduled, share and succession snapshots (no document) stay hot: a
 * keep policy prunes them, and both tiers bill a 90-day minimum.
 *
 * And which home recovery points get their AWS Backup lifecycle set (`lifecycles`): a Snapshot
 * document's point still in warm storage moves to cold storage `warmAfterDays` (default 30) after
 * creation; one an environment restores from gets no move. Only points whose storage and
 * lifecycle the provider reports are considered, and never one whose own deletion date would
 * leave less than AWS Backup's 90 days in cold storage. Pure.
 */
export function planTiering(
  repo: Repository,
  observed: readonly ObservedResource[],
  desired: DesiredState,
  today: string,
): TieringPlan {
  const moves = new Map<string, TierMove>();
  const waiting = new Map<string, string>();
  const lifecycles = planLifecycles(repo, observed, today);
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
    const request = repo.snapshots.get(id);
    if (request === undefined || !o.startedAt) continue;
    const schedule = tierScheduleOf(request.doc.spec.retention);
    const days = schedule.archiveAfterDays;
    const age = daysBetween(o.startedAt, today);
    if (!(age >= days) || volumeSources.has(o.id) || restoredFrom.has(id)) continue;
    moves.set(o.key, {
      to: "archive",
      reason: `move ${id.split("/")[2]}'s /opt/jupyter volume snapshot ${o.id} to the EBS archive tier (ModifySnapshotTier): ${age} days old, past its archiveAfterDays (${days}${schedule.requested.archive ? "" : ", the default"}); a restore from it will first wait ${ARCHIVE_RESTORE_WAIT}`,
    });
  }
  return { moves, waiting, lifecycles };
}

/** AWS Backup keeps a point in cold storage at least this long (its deletion must wait for it). */
const COLD_MINIMUM_DAYS = 90;

function planLifecycles(
  repo: Repository,
  observed: readonly ObservedResource[],
  today: string,
): Map<string, LifecycleChange> {
  const out = new Map<string, LifecycleChange>();
  const restoredBy = new Map<string, string>();
  for (const e of repo.environments.values()) {
    const from = e.doc.spec.restoreFrom?.snapshot;
    if (from) restoredBy.set(from, `${e.doc.metadata.lab}/${e.doc.metadata.name}`);
  }
  for (const o of observed) {
    if (o.kind !== "backup-job" || o.storageClass !== "warm" || !o.lifecycle) continue;
    const id = o.key.slice(o.key.indexOf(":") + 1);
    const request = repo.snapshots.get(id);
    if (request === undefined) continue;
    const schedule = tierScheduleOf(request.doc.spec.retention);
    const by = restoredBy.get(id);
    const to = by ? undefined : schedule.warmAfterDays;
    const from = o.lifecycle.coldStorageAfterDays;
    if (from === to) continue;
    const deleteAfter = o.lifecycle.deleteAfterDays;
    if (to !== undefined && deleteAfter !== undefined && deleteAfter < to + COLD_MINIMUM_DAYS)
      continue;
    const name = id.split("/")[2];
    const age = o.startedAt ? daysBetween(o.startedAt, today) : undefined;
    out.set(o.key, {
      from,
      to,
      reason:
        to === undefined
          ? `keep ${name}'s home recovery point in AWS Backup warm storage (UpdateRecoveryPointLifecycle, no move to cold storage): ${by} restores from it`
          : `move ${name}'s home recovery point to AWS Backup cold storage ${to} days after its backup (UpdateRecoveryPointLifecycle; warmAfterDays ${to}${schedule.requested.warm ? "" : ", the default"}${age !== undefined && age >= to ? `; it is ${age} days old, so AWS Backup moves it at once` : ""}): a restore of the home from there is ${COLD_RESTORE_WAIT}`,
    });
  }
  return out;
}
