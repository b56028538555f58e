import { kindModule } from "../kinds/registry.js";
import type { Action } from "../model/plan.js";

/**
 * For each action of a plan (its changing actions, in plan order), the
 * positions of the earlier actions it waits for: the one before it in its own
 * environment (an environment's actions keep their plan order: storage, image,
 * task definition, service, snapshots, retiring) and every earlier action that
 * creates or changes a resource it names (`dependsOn`: a lab's dataset access
 * point, a shared image build). Everything else is independent and may run at
 * the same time; a keep policy's prune deletes wait only on their own snapshot's other part. A
 * dependency always comes earlier in plan order, so running
 * the actions one at a time in plan order satisfies every edge. Pure.
 */
export function applyDependencies(actions: readonly Action[]): number[][] {
  const lastOfEnvironment = new Map<string, number>();
  const positionOfKey = new Map<string, number>();
  const lastOfSnapshot = new Map<string, number>();
  return actions.map((action, i) => {
    const waits = new Set<number>();
    const previous = lastOfEnvironment.get(action.environment);
    if (previous !== undefined) waits.add(previous);
    // A pruned snapshot's deletes wait on each other, not on another snapshot's: a prune that
    // fails stops only that snapshot's.
    const pruned = prunedSnapshotOf(action);
    if (pruned !== undefined) {
      const before = lastOfSnapshot.get(pruned);
      if (before !== undefined) waits.add(before);
      lastOfSnapshot.set(pruned, i);
      positionOfKey.set(action.key, i);
      return [...waits].sort((a, b) => a - b);
    }
    for (const key of action.desired?.dependsOn ?? []) {
      const j = positionOfKey.get(key);
      if (j !== undefined) waits.add(j);
    }
    lastOfEnvironment.set(action.environment, i);
    positionOfKey.set(action.key, i);
    return [...waits].sort((a, b) => a - b);
  });
}

/** The snapshot (`lab/env/name`) a record's delete (a keep policy's prune) belongs to. */
function prunedSnapshotOf(action: Action): string | undefined {
  if (action.outcome !== "delete" || kindModule(action.kind).lifecycle !== "record")
    return undefined;
  return action.key.slice(action.key.indexOf(":") + 1);
}

/** The positions of every action that waits, directly or through others, on `failed`. */
export function dependentsOf(dependencies: readonly number[][], failed: number): Set<number> {
  const out = new Set<number>([failed]);
  for (let i = failed + 1; i < dependencies.length; i++)
    if (dependencies[i]!.some((j) => out.has(j))) out.add(i);
  out.delete(failed);
  return out;
}
