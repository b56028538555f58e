/**
 * Which stored snapshots the schedule verifies now: a pure function of what was last verified,
 * the clock and the bounds. A backup that is never read again can rot unseen; this proves each
 * captured snapshot again at most once per period, the longest unproved first.
 */
import { DAY_MS } from "./days.js";

/** What the selection knows of one captured snapshot: its latest verify record, if any. */
export interface VerifyCandidate {
  id: string;
  /** The latest verify (`verifications/<id>/latest.json`); `unreadable` when that record cannot be believed. */
  last?: { verifiedAt: string; ok: boolean } | "unreadable";
}

export interface VerifySelection {
  /** Verify these now, in this order (never verified or unreadable first, then oldest verification first). */
  due: string[];
  /** Due, but beyond this run's count: the next runs take them, in the same order. */
  left: string[];
  /** Verified within the period, with the day it is due again. */
  notDue: { id: string; dueAt: string }[];
}

export const DEFAULT_VERIFY_EVERY_DAYS = 7;
export const DEFAULT_VERIFY_MAX_PER_RUN = 20;
/** The longest one run spends starting verifies (the drift Lambda has 10 minutes in all). */
export const VERIFY_BUDGET_MS = 4 * 60_000;

/**
 * Splits the candidates into due now (at most `maxPerRun`), left for the next runs, and not due.
 * A snapshot is due when it was never verified, its record cannot be read or has no valid time,
 * or its last verify is `everyDays` or more ago. A record dated in the future is not believed
 * (a clock or a hand can be wrong): the snapshot is due. Whether the last verify passed does not
 * change when it is due: a failed one is reported on every run until it is proved again.
 */
export function selectDueVerifications(
  candidates: readonly VerifyCandidate[],
  now: Date,
  bounds: { everyDays: number; maxPerRun: number },
): VerifySelection {
  const period = bounds.everyDays * DAY_MS;
  const due: { id: string; at: number }[] = [];
  const notDue: VerifySelection["notDue"] = [];
  for (const c of candidates) {
    const at =
      c.last === undefined || c.last === "unreadable" ? NaN : Date.parse(c.last.verifiedAt);
    if (Number.isNaN(at) || at > now.getTime() || now.getTime() - at >= period)
      due.push({ id: c.id, at: Number.isNaN(at) ? -Infinity : at });
    else notDue.push({ id: c.id, dueAt: new Date(at + period).toISOString() });
  }
  due.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ordered = due.map((d) => d.id);
  const max = Math.max(0, Math.floor(bounds.maxPerRun));
  return {
    due: ordered.slice(0, max),
    left: ordered.slice(max),
    notDue: notDue.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
