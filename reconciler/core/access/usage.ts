import type { UsageRecord } from "../../ports/state-store.js";
import { decideIdle, type JupyterActivity } from "./idle.js";

/**
 * Idle shutdown and wake-up as changes to an environment's usage record. Pure: the reconcile's
 * idle stage and the wake page read and write the record; the planner reads only `parked`.
 */

/** What the provider sees of one environment now. */
export interface SeenActivity {
  /** Whether a task runs. */
  running: boolean;
  /** When the running task started. */
  startedAt?: string;
  /** Jupyter's activity API (`/api/status`, `/api/kernels`, `/api/terminals`); absent when it did not answer. */
  jupyter?: JupyterActivity;
}

export interface IdleInput {
  /** `lab/env` */
  environment: string;
  /** What git says (`spec.state`). */
  wanted: "running" | "stopped";
  idleShutdownMinutes?: number;
  usage?: UsageRecord;
  seen: SeenActivity;
}

export interface IdleOutcome {
  environment: string;
  /** `park`: idle now, scaled to zero by this run; `parked`: parked earlier; `runs`/`stopped`: as git says. */
  action: "park" | "parked" | "runs" | "stopped";
  reason: string;
  record: UsageRecord;
  /** Whether `record` differs from what was stored. */
  changed: boolean;
}

const WAKES_KEPT = 10;
const SPANS_KEPT = 200;

export function emptyUsage(environment: string): UsageRecord {
  return { environment, wakes: [], running: [] };
}

function openSpan(r: UsageRecord, from: string): UsageRecord {
  if (r.running.some((s) => s.to === undefined)) return r;
  return { ...r, running: [...r.running, { from }].slice(-SPANS_KEPT) };
}

function closeSpan(r: UsageRecord, to: string): UsageRecord {
  if (!r.running.some((s) => s.to === undefined)) return r;
  return { ...r, running: r.running.map((s) => (s.to === undefined ? { ...s, to } : s)) };
}

/**
 * One environment at the reconcile's idle stage: a running environment idle for its
 * `idleShutdownMinutes` (by Jupyter's own activity API, see `decideIdle`) is parked; a parked
 * one stays parked until a wake; git's `stopped` always wins and ends a parking. The running
 * spans follow what is seen.
 */
export function idleStep(input: IdleInput, now: Date): IdleOutcome {
  const at = now.toISOString();
  const before = input.usage ?? emptyUsage(input.environment);
  const done = (action: IdleOutcome["action"], reason: string, r: UsageRecord) => {
    const record = { ...r, wanted: input.wanted };
    return {
      environment: input.environment,
      action,
      reason,
      record,
      changed: JSON.stringify(record) !== JSON.stringify(before),
    };
  };
  if (input.wanted === "stopped") {
    const { parked: _ended, ...rest } = before;
    const r = input.seen.running ? rest : closeSpan(rest, at);
    return done("stopped", "stopped in git (spec.state: stopped)", r);
  }
  if (before.parked)
    return done(
      "parked",
      `parked since ${before.parked.at} (${before.parked.reason}); starts when its owner opens its address`,
      input.seen.running ? before : closeSpan(before, at),
    );
  if (!input.seen.running) return done("runs", "not running yet", closeSpan(before, at));
  const running = measureWake(openSpan(before, input.seen.startedAt ?? at), input.seen);
  const decision = decideIdle(
    input.seen.jupyter ?? { status: {}, kernels: [], terminals: [] },
    input.idleShutdownMinutes,
    now,
  );
  if (!decision.stop) return done("runs", decision.reason, running);
  return done(
    "park",
    decision.reason,
    closeSpan(
      { ...running, parked: { at, reason: decision.reason, lastActivity: decision.lastActivity } },
      at,
    ),
  );
}

/** A wake not yet measured is measured by when Jupyter says it started (its activity API). */
function measureWake(r: UsageRecord, seen: SeenActivity): UsageRecord {
  const last = r.wakes.at(-1);
  const started = seen.jupyter?.status.started;
  if (!last || last.readyAt || !started || Date.parse(started) < Date.parse(last.requestedAt))
    return r;
  return {
    ...r,
    wakes: [
      ...r.wakes.slice(0, -1),
      { ...last, readyAt: new Date(Date.parse(started)).toISOString() },
    ],
  };
}

/** The wake page asked for a start: the parking ends (the next reconcile runs the task again). */
export function requestWake(record: UsageRecord, now: Date): UsageRecord {
  const { parked: _ended, ...rest } = record;
  return {
    ...rest,
    wakes: [...record.wakes, { requestedAt: now.toISOString() }].slice(-WAKES_KEPT),
  };
}

/** Jupyter answered after a wake: the wait is measured (for the next expected wait). */
export function wakeReady(record: UsageRecord, now: Date): UsageRecord {
  const last = record.wakes.at(-1);
  if (!last || last.readyAt) return record;
  return {
    ...record,
    wakes: [...record.wakes.slice(0, -1), { ...last, readyAt: now.toISOString() }],
  };
}

/** Before any start was measured: about what a Fargate task with a fresh EBS volume takes. */
export const DEFAULT_WAKE_SECONDS = 120;

/** The expected wait: the median of the last five measured wakes, else the default. */
export function expectedWakeSeconds(record: UsageRecord | undefined): number {
  const waits = (record?.wakes ?? [])
    .filter((w) => w.readyAt)
    .slice(-5)
    .map((w) => (Date.parse(w.readyAt!) - Date.parse(w.requestedAt)) / 1000)
    .filter((s) => Number.isFinite(s) && s >= 0)
    .sort((a, b) => a - b);
  if (waits.length === 0) return DEFAULT_WAKE_SECONDS;
  const mid = Math.floor(waits.length / 2);
  return waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Running hours per week as measured over the last `windowDays` (28) from the running spans, or
 * undefined with less than a day of measurement (the cost estimate then uses
 * `schedule.hoursPerWeek`).
 */
export function measuredHoursPerWeek(
  record: UsageRecord | undefined,
  now: Date,
  windowDays = 28,
): number | undefined {
  const first = record?.running[0];
  if (!record || !first) return undefined;
  const end = now.getTime();
  const start = Math.max(end - windowDays * DAY, Date.parse(first.from));
  if (!(end - start >= DAY)) return undefined;
  let ms = 0;
  for (const s of record.running) {
    const from = Math.max(start, Date.parse(s.from));
    const to = Math.min(end, s.to ? Date.parse(s.to) : end);
    if (to > from) ms += to - from;
  }
  const weeks = (end - start) / (7 * DAY);
  return Math.round((ms / HOUR / weeks) * 10) / 10;
}
