import type { Action } from "../model/plan.js";

/**
 * For each action of a plan (its changing actions, in plan order), the
 * positions of the earlier actions it waits for: the one before it in its own
 * environment (an environment's actions keep their plan order: storage, image,
 * task definition, service, snapshots, retiring) and every earlier action that
 * creates or changes a resource it names (`dependsOn`: a lab's dataset access
 * point, a shared image build). Everything else is independent and may run at
 * the same time. A dependency always comes earlier in plan order, so running
 * the actions one at a time in plan order satisfies every edge. Pure.
 */
export function applyDependencies(actions: readonly Action[]): number[][] {
  const lastOfEnvironment = new Map<string, number>();
  const positionOfKey = new Map<string, number>();
  return actions.map((action, i) => {
    const waits = new Set<number>();
    const previous = lastOfEnvironment.get(action.environment);
    if (previous !== undefined) waits.add(previous);
    for (const key of action.desired?.dependsOn ?? []) {
      const j = positionOfKey.get(key);
      if (j !== undefined) waits.add(j);
    }
    lastOfEnvironment.set(action.environment, i);
    positionOfKey.set(action.key, i);
    return [...waits].sort((a, b) => a - b);
  });
}

/** The positions of every action that waits, directly or through others, on `failed`. */
export function dependentsOf(dependencies: readonly number[][], failed: number): Set<number> {
  const out = new Set<number>([failed]);
  for (let i = failed + 1; i < dependencies.length; i++)
    if (dependencies[i]!.some((j) => out.has(j))) out.add(i);
  out.delete(failed);
  return out;
}
