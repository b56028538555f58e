import { LambdaClient } from "@aws-sdk/client-lambda";
import { lambdaTrigger } from "./lambda-reconcile-trigger.js";
import { inProcessTrigger, type ReconcileTrigger } from "./reconcile-trigger.js";

/** `LABENV_RECONCILER_FUNCTION` set (as infra/ does): invoke that Lambda; otherwise in-process, not configured. */
export function reconcileTriggerFromEnv(env: NodeJS.ProcessEnv, client?: LambdaClient): ReconcileTrigger {
  const fn = env.LABENV_RECONCILER_FUNCTION;
  if (!fn) return inProcessTrigger();
  return lambdaTrigger(client ?? new LambdaClient(env.AWS_REGION ? { region: env.AWS_REGION } : {}), fn);
}
