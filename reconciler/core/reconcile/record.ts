import type { Action, Plan } from "../model/plan.js";
import type { DesiredState, ObservedState } from "../model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import type { StateStore } from "../../ports/state-store.js";
import { desiredHomeOwner } from "../desire/home-owners.js";

/**
 * Records, per environment, what is now applied — only for environments
 * whose every changing action was confirmed. An environment whose action
 * failed keeps its previous record, so the next run sees the truth; so does a
 * held-back one (`held`), which is not desired yet still runs.
 */
export async function recordApplied(
  state: StateStore,
  desired: DesiredState,
  observed: ObservedState,
  plan: Plan,
  applied: { action: Action; result: AppliedResource }[],
  commit: string,
  now: Date,
  options: { failedEnvironment?: string; held?: (environment: string) => boolean } = {},
): Promise<void> {
  const { failedEnvironment, held = () => false } = options;
  const ids = new Map(observed.resources.map((r) => [r.key, r.id]));
  for (const a of applied) ids.set(a.result.key, a.result.id);
  const pending = new Set(
    plan.stages
      .flatMap((s) => s.actions)
      .filter((a) => a.outcome !== "unchanged" && a.outcome !== "skipped")
      .map((a) => a.key),
  );
  for (const a of applied) pending.delete(a.action.key);
  // One read of every record (under the lease), not one per environment.
  const records = await state.listApplied();
  const previousOf = new Map(records.map((r) => [r.environment, r]));
  const position = new Map(desired.resources.map((r, i) => [r.key, i]));
  const resourcesOf = new Map<string, DesiredState["resources"]>();
  for (const r of desired.resources) {
    const list = resourcesOf.get(r.environment);
    if (list) list.push(r);
    else resourcesOf.set(r.environment, [r]);
  }
  for (const env of desired.environments) {
    if (env.key === failedEnvironment) continue;
    // An environment's own resources, and the lab's dataset access points it mounts.
    const resources = [
      ...(resourcesOf.get(env.key) ?? []),
      ...(resourcesOf.get(env.lab) ?? []).filter((r) => r.kind === "access-point"),
    ].sort((a, b) => position.get(a.key)! - position.get(b.key)!);
    if (resources.some((r) => pending.has(r.key))) continue;
    const previous = previousOf.get(env.key);
    const homeOwner = desiredHomeOwner(desired, env.key);
    const record = {
      environment: env.key,
      commit,
      lockDigest: env.lockDigest,
      planDigest: plan.digest,
      appliedAt: now.toISOString(),
      monthlyCostUsd: env.monthlyCostUsd,
      resources: resources
        .filter((r) => ids.has(r.key))
        .map((r) => ({ key: r.key, kind: r.kind, id: ids.get(r.key)!, specHash: r.specHash })),
      ...(homeOwner ? { homeOwner } : {}),
    };
    const same =
      previous &&
      previous.lockDigest === record.lockDigest &&
      JSON.stringify(previous.resources) === JSON.stringify(record.resources) &&
      JSON.stringify(previous.homeOwner) === JSON.stringify(record.homeOwner);
    if (!same) await state.putApplied(record);
  }
  const kept = new Set(desired.environments.map((e) => e.key));
  for (const old of records) {
    const gone =
      !kept.has(old.environment) &&
      !held(old.environment) &&
      !plan.stages.some((s) =>
        s.actions.some(
          (a) => a.environment === old.environment && a.outcome === "delete" && pending.has(a.key),
        ),
      );
    if (gone) await state.deleteApplied(old.environment);
  }
}
