import { CronExpressionParser } from "cron-parser";
import type { Environment } from "../model/generated/environment.js";
import { envKey, type Loaded, type Repository } from "../model/documents.js";

/** An environment's `spec.snapshots` (or its lab's): the cron schedule and the keep policy. */
export type SnapshotSchedule = NonNullable<Environment["spec"]["snapshots"]>;
export type KeepPolicy = NonNullable<SnapshotSchedule["keep"]>;

/** Scheduled snapshots are named by their slot: `scheduled-YYYYMMDD-HHMM` (UTC). */
export const SCHEDULED_PREFIX = "scheduled-";
const SLOT_NAME = /^scheduled-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/;

/**
 * The schedule that applies to an environment: its own `spec.snapshots` over its lab's (the
 * environment's fields win, `keep` and `include` each as a whole). Undefined when neither has one.
 */
export function scheduleOf(
  repo: Repository,
  env: Loaded<"Environment">,
): SnapshotSchedule | undefined {
  const own = env.doc.spec.snapshots;
  const lab = repo.labs.get(env.doc.metadata.lab)?.doc.spec.snapshots;
  if (!own && !lab) return undefined;
  return { ...lab, ...own } as SnapshotSchedule;
}

/**
 * Why a schedule is not a five-field cron expression (or `@daily`-style alias) that ever fires, or
 * undefined when it is one.
 */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (!expression.trim().startsWith("@") && fields.length !== 5)
    return `"${expression}" has ${fields.length} field${fields.length === 1 ? "" : "s"}, a cron schedule has five (minute hour day-of-month month day-of-week)`;
  try {
    CronExpressionParser.parse(expression, { tz: "UTC", currentDate: new Date(0) }).next();
    return undefined;
  } catch (e) {
    return `"${expression}" is not a cron schedule: ${(e as Error).message}`;
  }
}

/**
 * The shortest gap between two slots of a valid schedule over its next `slots` firings from
 * `from` (minutes), to warn of schedules that fire more often than snapshots are useful.
 */
export function shortestGapMinutes(expression: string, from: Date, slots = 48): number {
  const cron = CronExpressionParser.parse(expression, { tz: "UTC", currentDate: from });
  let last = cron.next().toDate().getTime();
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < slots; i++) {
    const t = cron.next().toDate().getTime();
    gap = Math.min(gap, (t - last) / 60_000);
    last = t;
  }
  return gap;
}

/**
 * The newest slot of `expression` at or before `now` (UTC), or undefined when it never fired
 * before `now` or is not a schedule. A run that missed several slots gets only the newest: one
 * snapshot, never a backlog. Pure.
 */
export function dueSlot(expression: string, now: Date): Date | undefined {
  if (cronProblem(expression)) return undefined;
  try {
    const cron = CronExpressionParser.parse(expression, {
      tz: "UTC",
      currentDate: new Date(now.getTime() + 1),
    });
    return cron.prev().toDate();
  } catch {
    return undefined;
  }
}

/** `scheduled-20261207-0300` for the slot at 2026-12-07T03:00Z. */
export function slotName(slot: Date): string {
  const iso = slot.toISOString();
  return `${SCHEDULED_PREFIX}${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** The slot a scheduled snapshot's name stands for, or undefined when the name is not one. */
export function slotOf(name: string): Date | undefined {
  const m = SLOT_NAME.exec(name);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00Z`);
  return Number.isNaN(d.getTime()) || slotName(d) !== name ? undefined : d;
}

/**
 * A scheduled snapshot as a Snapshot document (like a succession's), so it is desired, captured,
 * listed, verified and restored as any other. It points at the document that holds the schedule.
 */
export function scheduledSnapshot(
  repo: Repository,
  env: Loaded<"Environment">,
  schedule: SnapshotSchedule,
  name: string,
): Loaded<"Snapshot"> {
  const { lab, name: environment } = env.doc.metadata;
  const from = env.doc.spec.snapshots ? env : (repo.labs.get(lab) ?? env);
  return {
    kind: "Snapshot",
    file: from.file,
    positions: from.positions,
    text: from.text,
    doc: {
      apiVersion: "labenv.westtek.io/v1",
      kind: "Snapshot",
      metadata: { name, lab, environment },
      spec: {
        requestedBy: env.doc.spec.owner,
        reason: `${name}, on schedule ${schedule.schedule} (UTC)`,
        include: {
          packages: schedule.include?.packages !== false,
          home: schedule.include?.home === true,
        },
      },
    },
  };
}

/**
 * The scheduled snapshots due at `now`: for every running environment with a schedule that is
 * not paused, the newest slot at or before `now`, as a Snapshot document keyed `lab/env/name`. A
 * document of the same name wins (it is what git asks for). Without `now`, none is due. Pure.
 */
export function dueScheduledSnapshots(
  repo: Repository,
  now: Date | undefined,
): Map<string, Loaded<"Snapshot">> {
  const out = new Map<string, Loaded<"Snapshot">>();
  if (!now) return out;
  for (const [key, env] of [...repo.environments].sort(([a], [b]) => a.localeCompare(b))) {
    const schedule = scheduleOf(repo, env);
    // A stopped environment changes nothing until it runs again: nothing new to capture.
    if (!schedule || schedule.paused === true || env.doc.spec.state === "stopped") continue;
    const slot = dueSlot(schedule.schedule, now);
    if (!slot) continue;
    const name = slotName(slot);
    const id = `${key}/${name}`;
    if (repo.snapshots.has(id)) continue;
    out.set(id, scheduledSnapshot(repo, env, schedule, name));
  }
  return out;
}

/**
 * Scheduled snapshots (by id) that the provider holds parts of, as Snapshot documents including
 * exactly the parts held, so the capture step writes their manifests even after a newer slot
 * came due.
 */
export function heldScheduledSnapshots(
  repo: Repository,
  held: ReadonlyMap<string, { packages: boolean; home: boolean }>,
): Map<string, Loaded<"Snapshot">> {
  const out = new Map<string, Loaded<"Snapshot">>();
  for (const [id, parts] of held) {
    const [lab, environment, name] = id.split("/") as [string, string, string];
    const env = repo.environments.get(envKey(lab, environment));
    if (!env || !slotOf(name) || repo.snapshots.has(id)) continue;
    const schedule = scheduleOf(repo, env) ?? { schedule: "no longer scheduled" };
    out.set(id, scheduledSnapshot(repo, env, { ...schedule, include: parts }, name));
  }
  return out;
}
