// The wake page's Lambda, the target of infra/'s wake target group: a parked environment's
// listener rule forwards there (after the load balancer's sign-in). A thin handler over
// `wakeHandler`: the same sign-in check and decideAccess as the authorizer, with who may open
// the environment read from its applied task definition, its usage record from the state
// table, its progress from ECS and the listener, and the start an asynchronous invocation of
// the reconciler Lambda.
import type { CryptoKey } from "jose";
import { wakeHandler } from "../adapters/access/wake-handler.js";
import { statusDescription, type AlbEvent, type AlbResult } from "./alb.js";
import { awsWakeDeps } from "./wake-deps.js";

/** Keys of the load balancer's signer, by kid: kept for the life of this handler (one warm instance). */
export function wakeLambda(
  env: NodeJS.ProcessEnv,
  deps: typeof awsWakeDeps = awsWakeDeps,
): (event: AlbEvent) => Promise<AlbResult> {
  const keyCache = new Map<string, CryptoKey>();
  return async (event) => {
    const path = new URL(event.path, "http://x").pathname;
    const answer = await wakeHandler(
      { method: event.httpMethod, path, headers: event.headers ?? {} },
      await deps(env, path, keyCache),
    );
    return {
      statusCode: answer.status,
      statusDescription: statusDescription(answer.status),
      headers: { "content-type": answer.contentType, "cache-control": "no-store" },
      body: answer.body,
      isBase64Encoded: false,
    };
  };
}

export const handler = wakeLambda(process.env);
