import { LabenvError } from "../errors.js";
import type { Action, Plan } from "../model/plan.js";
import { changingActions } from "../model/plan.js";
import type { ObservedState } from "../model/resources.js";
import type { AppliedResource, Provider } from "../../ports/provider.js";

export interface ApplyProgress {
  (event: {
    action: Action;
    index: number;
    total: number;
    result?: AppliedResource;
    error?: Error;
  }): void;
}

export interface ApplyResult {
  applied: { action: Action; result: AppliedResource }[];
  /** The failure that stopped the run. */
  failed?: { action: Action; error: LabenvError };
  /**
   * Image builds that failed. Each fails only its environment: its later actions (task
   * definition, service, snapshots) are left out, so its task runs on as it was, and every
   * other environment is still applied.
   */
  failedBuilds?: { action: Action; error: LabenvError }[];
}

/**
 * Executes a plan, and only that plan: its changing actions in stage order,
 * one at a time, resolving references to resources created earlier in the
 * run. Stops at the first failure, except a failed image build, which only
 * leaves out the rest of its environment; what was confirmed is returned so
 * only confirmed effects are recorded.
 */
export async function applyPlan(
  plan: Plan,
  observed: ObservedState,
  provider: Provider,
  progress?: ApplyProgress,
  /** Checked before each action: a reason to stop (the lease was lost) ends the run there. */
  stopped?: () => string | undefined,
): Promise<ApplyResult> {
  if (plan.blocked) throw new LabenvError("plan", plan.blocked);
  const ids = new Map(observed.resources.map((r) => [r.key, r.id]));
  const actions = changingActions(plan);
  const applied: ApplyResult["applied"] = [];
  const failedBuilds: NonNullable<ApplyResult["failedBuilds"]> = [];
  const builds = () => (failedBuilds.length > 0 ? { failedBuilds } : {});
  for (const [index, action] of actions.entries()) {
    if (failedBuilds.some((f) => f.action.environment === action.environment)) continue;
    const stop = stopped?.();
    if (stop)
      return { applied, failed: { action, error: new LabenvError("lease", stop) }, ...builds() };
    try {
      const result = await provider.apply(action, (key) => ids.get(key));
      ids.set(result.key, result.id);
      applied.push({ action, result });
      progress?.({ action, index, total: actions.length, result });
    } catch (e) {
      const error =
        e instanceof LabenvError
          ? e
          : new LabenvError(
              "provider",
              `${action.outcome} ${action.key} failed: ${(e as Error).message}`,
              { cause: e },
            );
      progress?.({ action, index, total: actions.length, error });
      if (action.kind === "image-build") {
        failedBuilds.push({ action, error });
        continue;
      }
      return { applied, failed: { action, error }, ...builds() };
    }
  }
  return { applied, ...builds() };
}
