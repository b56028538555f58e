import type { RunRecord } from "../../ports/state-store.js";

/**
 * Whether `commit` is an ancestor of `of` (reachable from it, and not it).
 * `undefined` when the git host cannot tell (an unknown commit, no history).
 */
export type IsAncestor = (commit: string, of: string) => Promise<boolean | undefined>;

/** Run outcomes after which the run's commit counts as applied (a failed run applied part of it). */
const APPLIED_OUTCOMES = new Set<RunRecord["outcome"]>(["succeeded", "no-changes", "failed"]);

/** The newest run that applied something (runs newest first). */
export function lastAppliedRun(runs: readonly RunRecord[]): RunRecord | undefined {
  return runs.find((r) => APPLIED_OUTCOMES.has(r.outcome) && r.commit);
}

/** The commit of the newest run that applied something (runs newest first). */
export function lastAppliedCommit(runs: readonly RunRecord[]): string | undefined {
  return lastAppliedRun(runs)?.commit;
}

/**
 * Why `commit` must not be applied, or undefined: a commit that is an
 * ancestor of the last applied one is an old push delivered again (a
 * redelivery, a replay, out-of-order delivery) and would put an older
 * world back.
 */
export async function olderCommitRefusal(
  commit: string,
  runs: readonly RunRecord[],
  isAncestor: IsAncestor | undefined,
): Promise<string | undefined> {
  const last = lastAppliedCommit(runs);
  if (!last || !isAncestor || last === commit) return undefined;
  if ((await isAncestor(commit, last)) !== true) return undefined;
  return `commit ${commit.slice(0, 12)} is older than ${last.slice(0, 12)}, which is already applied (an old push delivered again): nothing is applied`;
}
