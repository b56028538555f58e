import { digestOf } from "../lock/canonical.js";
import type { Loaded, Repository } from "../model/documents.js";
import type { HomeOverwrite, Plan, RestoreRetry } from "../model/plan.js";
import { homeOverwrites, restoreDone } from "./home-overwrite.js";
import type { HomeRestorer } from "../../ports/snapshot-sources.js";

/** Which attempt of its restore an environment asks for: `restoreFrom.attempt`, 1 unless raised. */
export function restoreAttempt(env: Loaded<"Environment">): number {
  return env.doc.spec.restoreFrom?.attempt ?? 1;
}

/**
 * The restores asked to run again, pure: each environment whose `restoreFrom.attempt` is 2 or
 * more and whose attempt has no record yet (`done`, as `restoreDone` names it, read for the
 * attempt asked for), and, with `base` (a pull request's preview), only where the pull request
 * raises the attempt. `previous` says, per environment, what the attempt before left (from its
 * record); without it the plan says only that it is kept.
 */
export function restoreRetries(
  head: Repository,
  options: {
    base?: Repository;
    done?: ReadonlySet<string>;
    previous?: ReadonlyMap<string, string>;
  } = {},
): RestoreRetry[] {
  const out: RestoreRetry[] = [];
  for (const [key, env] of [...head.environments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = env.doc.spec.restoreFrom;
    const attempt = restoreAttempt(env);
    if (!from || attempt < 2) continue;
    if (options.done?.has(restoreDone(key, from.snapshot))) continue;
    const was = options.base?.environments.get(key);
    if (
      was &&
      was.doc.spec.restoreFrom?.snapshot === from.snapshot &&
      restoreAttempt(was) === attempt
    )
      continue;
    const before =
      options.previous?.get(key) ??
      `attempt ${attempt - 1} stays as it is (its record, and whatever it restored)`;
    out.push({
      environment: key,
      snapshot: from.snapshot,
      attempt,
      reason: `retry: attempt ${attempt} of the restore from ${from.snapshot} — a fresh restore (on AWS a new AWS Backup restore job and move task, under a new token), recorded apart; ${before}; a restore directory a failed move left, and files placed beside the home, are kept: a retry never deletes them`,
    });
  }
  return out;
}

/**
 * The overwrites a retry asks for again, pure: an environment with `overwrite: true` that the
 * base branch already restored over (so `homeOverwrites` against the base does not list it)
 * whose pull request raises the attempt — a retry over a home's files is as destructive as the
 * first, so it needs the same approvals.
 */
export function retryOverwrites(
  head: Repository,
  options: { base: Repository; restorer?: Pick<HomeRestorer, "overwrites"> },
): HomeOverwrite[] {
  const fresh = new Map(
    homeOverwrites(head, options.restorer ? { restorer: options.restorer } : {}).map((w) => [
      w.environment,
      w,
    ]),
  );
  const out: HomeOverwrite[] = [];
  for (const retry of restoreRetries(head, { base: options.base })) {
    const before = options.base.environments.get(retry.environment)?.doc.spec.restoreFrom;
    const w = fresh.get(retry.environment);
    // Not already newly asked for (then homeOverwrites lists it) and an overwrite again.
    if (!w || before?.overwrite !== true || before.snapshot !== w.snapshot) continue;
    out.push({ ...w, reason: `retry: attempt ${retry.attempt} — ${w.reason}` });
  }
  return out;
}

/** The plan with its retries, bound into its digest (a plan without any is unchanged). */
export function withRestoreRetries(plan: Plan, retries: readonly RestoreRetry[]): Plan {
  if (retries.length === 0) return plan;
  return { ...plan, retries: [...retries], digest: digestOf({ plan: plan.digest, retries }) };
}
