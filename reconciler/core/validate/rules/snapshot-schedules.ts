import type { Diagnostic } from "../../model/diagnostic.js";
import type { Loaded } from "../../model/documents.js";
import { KEEP_RULES } from "../../snapshots/keep-policy.js";
import {
  cronProblem,
  shortestGapMinutes,
  type SnapshotSchedule,
} from "../../snapshots/schedule.js";
import { finding, type Rule } from "../rule.js";

/**
 * A lab's or an environment's `spec.snapshots` must be a schedule that fires (five cron fields,
 * UTC) and a keep policy that keeps something: a bad one holds back only what it schedules.
 */
export const snapshotSchedules: Rule = {
  name: "snapshot-schedule",
  description: "Scheduled snapshots have a valid cron schedule and a keep policy that keeps one.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const doc of [...repo.labs.values(), ...repo.environments.values()])
      out.push(...checkSchedule(doc, doc.doc.spec.snapshots));
    return out;
  },
};

function checkSchedule(
  doc: Loaded<"Lab"> | Loaded<"Environment">,
  s: SnapshotSchedule | undefined,
): Diagnostic[] {
  if (!s) return [];
  const out: Diagnostic[] = [];
  const problem = cronProblem(s.schedule);
  if (problem)
    out.push(
      finding(
        doc,
        ["spec", "snapshots", "schedule"],
        "snapshot-schedule",
        problem,
        'write five fields in UTC, e.g. "0 3 * * *" (every day at 03:00) or "0 2 * * 0" (Sundays at 02:00)',
      ),
    );
  else if (shortestGapMinutes(s.schedule, new Date(0)) < 60)
    out.push(
      finding(
        doc,
        ["spec", "snapshots", "schedule"],
        "snapshot-schedule",
        `"${s.schedule}" fires more often than hourly: every reconcile would take a volume snapshot`,
        'snapshot at most hourly, e.g. "0 * * * *"; daily ("0 3 * * *") is what keep policies are made for',
        { severity: "warning" },
      ),
    );
  if (s.keep && KEEP_RULES.every((r) => (s.keep?.[r] ?? 0) === 0))
    out.push(
      finding(
        doc,
        ["spec", "snapshots", "keep"],
        "snapshot-keep",
        "this keep policy keeps no scheduled snapshot (daily, weekly and monthly are all 0 or missing)",
        "keep at least one, e.g. keep: { daily: 7, weekly: 4, monthly: 12 }, or remove keep to prune none",
      ),
    );
  return out;
}
