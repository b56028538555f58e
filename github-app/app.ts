import type { ApplicationFunction, Context, Probot } from "probot";
import { isLabenvError } from "../reconciler/core/errors.js";
import {
  createSchemaValidator,
  type SchemaCheck,
} from "../reconciler/core/validate/schema-validator.js";
import { checkRunRerequestedHandler } from "./handlers/check-run-rerequested.js";
import { driftPullRequestClosedHandler } from "./handlers/drift-pull-request-closed.js";
import type { AppDeps, LabenvHandler } from "./handlers/handler.js";
import { installationHandler } from "./handlers/installation.js";
import { pullRequestReviewHandler } from "./handlers/pull-request-review.js";
import { pullRequestHandler } from "./handlers/pull-request.js";
import { pushHandler } from "./handlers/push.js";
import { appIdentityReader } from "./github/app-identity.js";
import { KeyedQueue } from "./keyed-queue.js";
import { inProcessTrigger, type ReconcileTrigger } from "./reconcile-trigger.js";
import { RecentDeliveries } from "./recent-deliveries.js";
import type { LockProofOptions } from "./review/lock-proof.js";
import { ReviewMemory } from "./review/review-memory.js";

export interface LabenvAppOptions {
  /** Starts reconciles after merges and reverts after refused drift (default: in-process, not configured). */
  trigger?: ReconcileTrigger;
  now?: () => Date;
  /** Compiled schemas (compiled once per app instance when not given). */
  schemaCheck?: SchemaCheck;
  /**
   * `await` (default): a delivery is answered when its work is done — needed
   * on Lambda, whose sandbox freezes once the response is sent, and in tests.
   * `background`: the delivery is answered as soon as its signature is
   * verified and the work continues in this long-running process; failures
   * are logged and reported on the check run or commit status.
   */
  work?: "await" | "background";
  /** How many delivery ids to remember for de-duplication. */
  recentDeliveries?: number;
  /**
   * `owner/name` of the one repository labenv governs (LABENV_GITHUB_REPOSITORY).
   * Events from any other repository of the installation are ignored: a
   * push there must never start a reconcile.
   */
  repository?: string;
  /** How `app.lockProof: index` asks the package index (default: 20 s in all, 3 retries). */
  lockProof?: LockProofOptions;
}

const HANDLERS = [
  pullRequestHandler,
  pullRequestReviewHandler,
  checkRunRerequestedHandler,
  pushHandler,
  driftPullRequestClosedHandler,
  installationHandler,
] as LabenvHandler[];

/** The labenv GitHub App, with its own delivery memory and background work (nothing at module level). */
export interface LabenvApp extends ApplicationFunction {
  /** Resolves when no background work is running (tests, graceful shutdown). */
  idle(): Promise<void>;
}

export function createLabenvApp(options: LabenvAppOptions = {}): LabenvApp {
  const deliveries = new RecentDeliveries(options.recentDeliveries ?? 1000);
  const running = new Set<Promise<void>>();
  let deps: AppDeps | undefined;
  const app = (probot: Probot) => {
    deps ??= {
      check: options.schemaCheck ?? createSchemaValidator(),
      now: options.now ?? (() => new Date()),
      trigger: options.trigger ?? inProcessTrigger(),
      memory: new ReviewMemory(),
      identity: appIdentityReader(probot),
      serial: new KeyedQueue(),
      ...(options.repository ? { repository: options.repository } : {}),
      ...(options.lockProof ? { lockProof: options.lockProof } : {}),
    };
    const ready = deps;
    for (const handler of HANDLERS) {
      probot.on(handler.events, async (context: Context) => {
        const from = eventRepository(context);
        if (ready.repository && from && from.toLowerCase() !== ready.repository.toLowerCase()) {
          context.log.info(
            { delivery: context.id, repository: from, governs: ready.repository },
            "labenv ignores an event from a repository it does not govern",
          );
          return;
        }
        const key = `${context.id}:${handler.name}`;
        if (!deliveries.begin(key)) {
          context.log.info(
            { delivery: context.id, handler: handler.name },
            "labenv skips a delivery it has already handled",
          );
          return;
        }
        const work = boundary(handler, context, ready).then(
          () => deliveries.finish(key, true),
          (e: unknown) => {
            deliveries.finish(key, false);
            throw e;
          },
        );
        if (options.work !== "background") return work;
        const tracked = work.catch(() => undefined).finally(() => running.delete(tracked));
        running.add(tracked);
      });
    }
  };
  return Object.assign(app, {
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  });
}

/** `owner/name` of the repository an event is about (undefined for installation events). */
function eventRepository(context: Context): string | undefined {
  const repository = (context.payload as { repository?: { full_name?: string } }).repository;
  return repository?.full_name;
}

/**
 * The one place handler errors are caught: logged with their code, reported
 * where people look (the handler's `onError`: a check run, a commit status),
 * then rethrown so the delivery fails and GitHub can redeliver it.
 */
async function boundary(handler: LabenvHandler, context: Context, deps: AppDeps): Promise<void> {
  try {
    await handler.run(context, deps);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    context.log.error(
      {
        err: error,
        code: isLabenvError(error) ? error.code : "internal",
        handler: handler.name,
        delivery: context.id,
      },
      `labenv ${handler.name} failed: ${error.message}`,
    );
    if (handler.onError) {
      await handler
        .onError(context as never, error, deps)
        .catch((reportError: unknown) =>
          context.log.error({ err: reportError }, "labenv could not report the failure on GitHub"),
        );
    }
    throw error;
  }
}

/** For `probot run` and the server entry: the app with its defaults, a new instance per load. */
export default function labenvApp(
  probot: Probot,
  options: Parameters<ApplicationFunction>[1],
): void | Promise<void> {
  return createLabenvApp()(probot, options);
}
