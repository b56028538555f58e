/** Restore jobs an attempt starts, at most, before it fails: the first and two automatic retries. */
export const RESTORE_JOB_TRIES = 3;

/**
 * How AWS Backup ended a restore job that a new job of the same recovery point can mend: the job
 * hit a passing fault (FAILED), was stopped (ABORTED) or ran out of time (EXPIRED, which the
 * backup-job states have and a restore job may report); the recovery point itself is unchanged.
 */
const TRANSIENT = new Set(["FAILED", "ABORTED", "EXPIRED"]);

/** A restore job that ended without restoring, as its attempt records it. */
export interface EndedRestoreJob {
  restoreJobId: string;
  status: string;
  /** AWS Backup's StatusMessage, word for word. */
  statusMessage?: string;
}

export type RestoreJobNext =
  | { next: "wait" }
  | { next: "move" }
  /** Start job number `job` (2, 3, …) of the attempt. */
  | { next: "retry"; job: number }
  | { next: "fail"; reason: string };

/**
 * What a restore attempt does next with its current job's status, pure: wait while it runs, move
 * its files once it completed, start a new job after a transient ending while fewer than
 * `RESTORE_JOB_TRIES` jobs have ended so, and fail after that, naming every job and what AWS
 * Backup said of each. `ended`: the attempt's earlier jobs that ended so (not the current one).
 */
export function nextRestoreJob(
  current: EndedRestoreJob,
  ended: readonly EndedRestoreJob[],
  attempt: number,
): RestoreJobNext {
  if (current.status === "COMPLETED") return { next: "move" };
  if (!TRANSIENT.has(current.status)) return { next: "wait" };
  const all = [...ended, current];
  if (all.length < RESTORE_JOB_TRIES) return { next: "retry", job: all.length + 1 };
  const each = all
    .map((j) => `${j.restoreJobId} ${j.status}${j.statusMessage ? ` (${j.statusMessage})` : ""}`)
    .join("; ");
  return {
    next: "fail",
    reason: `AWS Backup ended all ${all.length} restore jobs of attempt ${attempt} without restoring (${each}); labenv retried ${all.length - 1} times by itself and stops here. The files each job restored, if any, stay where AWS Backup put them; fix what AWS Backup names first`,
  };
}
