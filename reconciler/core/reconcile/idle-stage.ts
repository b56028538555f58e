import { envKey, type Repository } from "../model/documents.js";
import { idleStep, measuredHoursPerWeek, type IdleOutcome } from "../access/usage.js";
import type { Provider } from "../../ports/provider.js";
import type { StateStore, UsageRecord } from "../../ports/state-store.js";

export interface IdleStageResult {
  /** What the idle stage decided for each environment the provider reported on. */
  outcomes: IdleOutcome[];
  /** Environments parked (now or earlier): desired at zero tasks, routed to the wake page. */
  parked: Set<string>;
  measuredHoursPerWeek: Map<string, number>;
  /** The usage records as read, to write only what nobody changed meanwhile (a wake). */
  read: Map<string, UsageRecord>;
}

/**
 * Idle shutdown, before desire: each environment's usage record and what the provider sees
 * (its task, Jupyter's activity API) decide whether it is parked (`idleStep`). Reads only.
 */
export async function idleStage(
  repository: Pick<Repository, "environments">,
  deps: { provider: Provider; state: StateStore; now: () => Date },
): Promise<IdleStageResult> {
  const now = deps.now();
  const read = new Map((await deps.state.listUsage()).map((r) => [r.environment, r]));
  const keys = [...repository.environments.keys()].sort();
  const seen = deps.provider.activity ? await deps.provider.activity(keys) : undefined;
  const outcomes: IdleOutcome[] = [];
  const records = new Map(read);
  if (seen)
    for (const key of keys) {
      const env = repository.environments.get(key)!;
      const s = seen.get(key);
      if (!s) continue;
      const idleShutdownMinutes = env.doc.spec.schedule?.idleShutdownMinutes;
      const o = idleStep(
        {
          environment: envKey(env.doc.metadata.lab, env.doc.metadata.name),
          wanted: (env.doc.spec.state ?? "running") === "running" ? "running" : "stopped",
          ...(idleShutdownMinutes !== undefined ? { idleShutdownMinutes } : {}),
          ...(read.get(key) ? { usage: read.get(key)! } : {}),
          seen: s,
        },
        now,
      );
      outcomes.push(o);
      records.set(key, o.record);
    }
  const parked = new Set(
    [...records.values()]
      .filter((r) => r.parked && repository.environments.has(r.environment))
      .map((r) => r.environment),
  );
  const hours = new Map<string, number>();
  for (const r of records.values()) {
    const h = measuredHoursPerWeek(r, now);
    if (h !== undefined) hours.set(r.environment, h);
  }
  return { outcomes, parked, measuredHoursPerWeek: hours, read };
}

/**
 * Writes what the idle stage changed, after the apply: a record someone changed since it was
 * read (a wake asked for meanwhile) is left as they wrote it.
 */
export async function recordIdle(state: StateStore, idle: IdleStageResult): Promise<void> {
  const changed = idle.outcomes.filter((o) => o.changed);
  if (changed.length === 0) return;
  const current = new Map((await state.listUsage()).map((r) => [r.environment, r]));
  for (const o of changed) {
    if (JSON.stringify(current.get(o.environment)) !== JSON.stringify(idle.read.get(o.environment)))
      continue;
    await state.putUsage(o.record);
  }
}
