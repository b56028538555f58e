import { stringField } from "../audit/field-diff.js";
import type { TimelineCommit } from "../audit/timeline-commit.js";
import type { FundingView } from "./dashboard-data.js";

export const NO_FUNDING = "(no funding source)";
export const NO_EXPERIMENT = "(no experiment)";
/** At most this many months are shown, the newest. */
export const MAX_MONTHS = 24;

interface Version {
  /** From this instant (ms) on, the environment was `doc` (undefined: it did not exist). */
  from: number;
  doc: unknown;
}

/**
 * Each environment's environment.yaml over time, from main's history: a commit
 * that touched an environment carries the document as it was just before it,
 * so walking newest to oldest gives every version and when it began.
 */
function versions(
  current: ReadonlyMap<string, unknown>,
  commits: readonly TimelineCommit[],
): Map<string, Version[]> {
  const after = new Map<string, unknown>(current);
  const out = new Map<string, Version[]>();
  for (const c of commits) {
    for (const [key, before] of Object.entries(c.base.environments)) {
      const list = out.get(key) ?? [];
      list.push({ from: Date.parse(c.date), doc: after.get(key) });
      out.set(key, list);
      after.set(key, before);
    }
  }
  // Before the oldest commit read: what that commit found (environments no commit touched: the current document).
  for (const [key, doc] of after) out.set(key, [...(out.get(key) ?? []), { from: -Infinity, doc }]);
  return out;
}

function monthsBetween(first: Date, last: Date): string[] {
  const months: string[] = [];
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  while (y < last.getUTCFullYear() || (y === last.getUTCFullYear() && m <= last.getUTCMonth())) {
    months.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    if (++m === 12) [y, m] = [y + 1, 0];
  }
  return months.slice(-MAX_MONTHS);
}

/** The end of a month (ms), or `now` for the month that is still running. */
function monthEnd(month: string, now: number): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Math.min(Date.UTC(y, m, 1) - 1, now);
}

/**
 * Estimated monthly cost per funding source and per experiment, month by
 * month: each environment as main described it at the end of the month (its
 * resources, state, schedule, funding and experiment then), priced by `costOf`
 * with today's table — the same estimate `labenv cost` gives for the current month.
 */
export function costByMonth(
  current: ReadonlyMap<string, unknown>,
  commits: readonly TimelineCommit[],
  costOf: (doc: unknown) => number,
  now: Date,
  keep: (environment: string) => boolean = () => true,
): Pick<FundingView, "months" | "bySource" | "byExperiment"> {
  const all = versions(current, commits);
  const oldest = commits.length > 0 ? Date.parse(commits[commits.length - 1]!.date) : now.getTime();
  // A clock behind the newest commit (or no history at all) still shows the current month.
  const months = monthsBetween(new Date(Math.min(oldest, now.getTime())), now);
  const sources = new Map<string, number[]>();
  const experiments = new Map<string, number[]>();
  const addTo = (m: Map<string, number[]>, k: string, i: number, v: number) => {
    const row = m.get(k) ?? months.map(() => 0);
    row[i] = Math.round((row[i]! + v) * 100) / 100;
    m.set(k, row);
  };
  months.forEach((month, i) => {
    const at = monthEnd(month, now.getTime());
    for (const [key, list] of all) {
      if (!keep(key)) continue;
      // Newest first: the first version that began by then is the one in effect.
      const doc = list.find((v) => v.from <= at)?.doc;
      if (doc === undefined) continue;
      const cost = costOf(doc);
      addTo(sources, stringField(doc, "metadata", "funding") ?? NO_FUNDING, i, cost);
      addTo(experiments, stringField(doc, "metadata", "experiment") ?? NO_EXPERIMENT, i, cost);
    }
  });
  const sorted = (m: Map<string, number[]>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    months,
    bySource: sorted(sources).map(([funding, costs]) => ({ funding, costs })),
    byExperiment: sorted(experiments).map(([experiment, costs]) => ({ experiment, costs })),
  };
}
