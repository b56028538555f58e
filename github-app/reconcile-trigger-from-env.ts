import { LambdaClient } from "@aws-sdk/client-lambda";
import { lambdaTrigger } from "./lambda-reconcile-trigger.js";
import { inProcessTrigger, type ReconcileTrigger } from "./reconcile-trigger.js";

/**
 * `LABENV_RECONCILER_FUNCTION` set (as infra/ does): invoke that Lambda after
 * merges, and `LABENV_DRIFT_FUNCTION` for reverts; otherwise in-process, not
 * configured.
 */
export function reconcileTriggerFromEnv(
  env: NodeJS.ProcessEnv,
  client?: LambdaClient,
): ReconcileTrigger {
  const reconciler = env.LABENV_RECONCILER_FUNCTION;
  if (!reconciler) return inProcessTrigger();
  const drift = env.LABENV_DRIFT_FUNCTION;
  return lambdaTrigger(
    client ?? new LambdaClient(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    { reconciler, ...(drift ? { drift } : {}) },
  );
}
