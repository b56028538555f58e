import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { LabenvError } from "../reconciler/core/errors.js";
import { reconcileJob, type ReconcileTrigger } from "./reconcile-trigger.js";

/**
 * Starts the reconciler Lambda asynchronously (`InvocationType: "Event"`,
 * answered 202 at once; Lambda retries and dead-letters failures). The app
 * reports `pending`; the reconciler sets the final `labenv/reconcile` status.
 */
export function lambdaTrigger(client: LambdaClient, functionName: string): ReconcileTrigger {
  return {
    async trigger(commit, repo, request) {
      const job = reconcileJob(commit, repo, request);
      let status: number | undefined;
      try {
        ({ StatusCode: status } = await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: new TextEncoder().encode(JSON.stringify(job)) })));
      } catch (e) {
        throw new LabenvError("provider", `cannot start the reconciler ${functionName}: ${(e as Error).message}`, { cause: e });
      }
      if (status !== 202) throw new LabenvError("provider", `the reconciler ${functionName} was not queued (status ${status ?? "none"})`);
      return { state: "pending", description: `reconcile of ${commit.slice(0, 7)} queued${job.revert ? ` (revert ${job.revert})` : ""}; the reconciler reports the result` };
    },
  };
}
