import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { LabenvError } from "../reconciler/core/errors.js";
import { reconcileJob, type ReconcileTrigger } from "./reconcile-trigger.js";

/** The Lambdas that act on a job: the reconciler (merges) and the drift function (putting an environment back). */
export interface ReconcileFunctions {
  reconciler: string;
  /** Receives revert requests; without it a revert is reported as not configured. */
  drift?: string;
}

/**
 * Starts the reconciler Lambda, or the drift Lambda for a revert, asynchronously
 * (`InvocationType: "Event"`: queued at once, retried and dead-lettered by
 * Lambda). The app reports `pending`; the function reports the result itself.
 */
export function lambdaTrigger(
  client: LambdaClient,
  functions: ReconcileFunctions,
): ReconcileTrigger {
  return {
    async trigger(commit, repo, request) {
      const job = reconcileJob(commit, repo, request);
      const target = job.revert ? functions.drift : functions.reconciler;
      if (!target)
        return {
          state: "error",
          description: `no drift function configured (LABENV_DRIFT_FUNCTION): ${job.revert} is not put back`,
        };
      let status: number | undefined;
      try {
        ({ StatusCode: status } = await client.send(
          new InvokeCommand({
            FunctionName: target,
            InvocationType: "Event",
            Payload: new TextEncoder().encode(JSON.stringify(job)),
          }),
        ));
      } catch (e) {
        throw new LabenvError("provider", `cannot start ${target}: ${(e as Error).message}`, {
          cause: e,
        });
      }
      if (status !== 202)
        throw new LabenvError("provider", `${target} was not queued (status ${status ?? "none"})`);
      return job.revert
        ? {
            state: "pending",
            description: `putting ${job.revert} back to its committed lock is queued; the drift run reports the result`,
          }
        : {
            state: "pending",
            description: `reconcile of ${commit.slice(0, 7)} queued; the reconciler reports the result`,
          };
    },
  };
}
