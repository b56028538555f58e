/**
 * Which environments a scheduled drill run restores now: a pure function of each environment's
 * last drill, whether a drill of it is under way and the bound. A backup nobody has restored is a
 * hope; the schedule restores each environment's newest snapshot in turn, the longest undrilled first.
 */

/** What the selection knows of one environment. */
export interface DrillCandidate {
  /** `lab/env`. */
  environment: string;
  /** It has a captured snapshot to drill. */
  hasSnapshot: boolean;
  /** Its last drill (`drills/<lab>/<env>/latest.json`); `unreadable` when that record cannot be believed. */
  last?: { startedAt: string } | "unreadable";
  /** A drill task of it was started by an earlier run and has not been read back yet. */
  inFlight?: boolean;
}

export interface DrillSelection {
  /** Drill these now, in this order: under way first, then never drilled, then the oldest drill first. */
  now: string[];
  /** Beyond this run's count: later runs take them, in the same order. */
  left: string[];
  /** No captured snapshot: nothing to drill. */
  noSnapshot: string[];
}

export const DEFAULT_DRILL_MAX_PER_RUN = 2;
/** The longest a scheduled run spends on drills (a drill task starts and reports in minutes). */
export const DRILL_BUDGET_MS = 8 * 60_000;

/**
 * Orders the environments with a snapshot — a drill under way first (it is finished before
 * another is started), then never drilled or with an unreadable record, then by the time of the
 * last drill, oldest first; a record dated after `now` is not believed (treated as never
 * drilled); ties by name — and takes at most `maxPerRun`.
 */
export function selectDrills(
  candidates: readonly DrillCandidate[],
  now: Date,
  maxPerRun: number,
): DrillSelection {
  const noSnapshot = candidates
    .filter((c) => !c.hasSnapshot && !c.inFlight)
    .map((c) => c.environment)
    .sort();
  const rank = (c: DrillCandidate): [number, number] => {
    if (c.inFlight) return [0, 0];
    const at = c.last && c.last !== "unreadable" ? Date.parse(c.last.startedAt) : NaN;
    if (Number.isNaN(at) || at > now.getTime()) return [1, 0];
    return [2, at];
  };
  const ordered = candidates
    .filter((c) => c.hasSnapshot || c.inFlight)
    .map((c) => ({ c, r: rank(c) }))
    .sort(
      (a, b) =>
        a.r[0] - b.r[0] ||
        a.r[1] - b.r[1] ||
        (a.c.environment < b.c.environment ? -1 : a.c.environment > b.c.environment ? 1 : 0),
    )
    .map(({ c }) => c.environment);
  const take = Math.max(0, Math.floor(maxPerRun));
  return { now: ordered.slice(0, take), left: ordered.slice(take), noSnapshot };
}
