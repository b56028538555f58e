import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { Context } from "probot";
import type { SchemaCheck } from "../../reconciler/core/validate/schema-validator.js";
import type { AppIdentity } from "../github/app-identity.js";
import type { JudgeContext } from "../github/judge-approvals.js";
import type { KeyedQueue } from "../keyed-queue.js";
import type { ReconcileTrigger } from "../reconcile-trigger.js";
import type { LockProofOptions } from "../review/lock-proof.js";
import type { ReviewMemory } from "../review/review-memory.js";

/** What handlers need besides the event: compiled schemas, the clock, the reconcile port, the instance's memory. */
export interface AppDeps {
  check: SchemaCheck;
  now(): Date;
  trigger: ReconcileTrigger;
  memory: ReviewMemory;
  /** This app on GitHub (its id and bot login), read once per instance. */
  identity(): Promise<AppIdentity>;
  /** Judgements of one head commit run one after another. */
  serial: KeyedQueue;
  /** `owner/name` of the one repository labenv governs; undefined: not configured. */
  repository?: string;
  /** How `app.lockProof: index` asks the package index (time limit, retries). */
  lockProof?: LockProofOptions;
}

/**
 * One webhook handler: parse the event, call the core, write to GitHub.
 * Errors are not caught here: the app's one boundary logs them, calls
 * `onError` to put the failure where people look, and rethrows.
 */
export interface LabenvHandler<E extends EmitterWebhookEventName = EmitterWebhookEventName> {
  name: string;
  events: E[];
  run(context: Context<E>, deps: AppDeps): Promise<void>;
  onError?(context: Context<E>, error: Error, deps: AppDeps): Promise<void>;
}

export function defineHandler<E extends EmitterWebhookEventName>(
  h: LabenvHandler<E>,
): LabenvHandler<E> {
  return h;
}

/** What a pull request review needs from the deps: schemas, today (UTC), memory, how to ask the index. */
export function reviewContext(deps: AppDeps): {
  check: SchemaCheck;
  today: string;
  memory: ReviewMemory;
  lockProof?: LockProofOptions;
} {
  return {
    check: deps.check,
    today: deps.now().toISOString().slice(0, 10),
    memory: deps.memory,
    ...(deps.lockProof ? { lockProof: deps.lockProof } : {}),
  };
}

/** What judging approvals needs from the deps, with the app's identity. */
export function judgeContext(deps: AppDeps, identity: AppIdentity): JudgeContext {
  return { ...reviewContext(deps), identity };
}
