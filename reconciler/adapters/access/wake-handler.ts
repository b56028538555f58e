import { environmentPath } from "../../core/access/environment-address.js";
import { stoppedInGitPage, wakePage } from "../../core/access/pages.js";
import { expectedWakeSeconds, requestWake, wakeReady } from "../../core/access/usage.js";
import {
  WAKE_START_SUFFIX,
  WAKE_STATUS_SUFFIX,
  wakeProgress,
  type WakeProgress,
} from "../../core/access/wake-progress.js";
import type { AccessSources } from "../../core/access/who-may-open.js";
import type { ObservedResource } from "../../core/model/resources.js";
import type { UsageRecord } from "../../ports/state-store.js";
import { authorize, type AuthorizerOptions } from "./authorizer.js";
import { pageFor } from "./authorizer-server.js";

export interface WakeDeps {
  sources: AccessSources;
  identity: AuthorizerOptions;
  /** What git says of the environment (`spec.state`). */
  wanted(environment: string): "running" | "stopped";
  usage(environment: string): Promise<UsageRecord | undefined>;
  putUsage(record: UsageRecord): Promise<void>;
  observe(): Promise<readonly ObservedResource[]>;
  /** Whether Jupyter answers through the environment's authorizer (its health path). */
  jupyterAnswers(environment: string): Promise<boolean>;
  /** Runs the reconcile that brings the environment back (returns once it is under way). */
  start(environment: string): Promise<void>;
  now(): Date;
}

export interface WakeAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The wake page, behind the listener's wake target: the same sign-in check and `decideAccess`
 * as the authorizer in the task, so only the owner starts an environment (a share recipient
 * gets the read-only notice, everyone else the 401/403/404 page). A POST to `…/_labenv/wake/start`
 * ends the parking and starts the reconcile; `…/_labenv/wake/status` says how far it is
 * (`wakeProgress`) and measures the wait once Jupyter answers; any other path is the page.
 */
export async function wakeHandler(
  request: { method: string; path: string; headers: Record<string, string | string[] | undefined> },
  deps: WakeDeps,
): Promise<WakeAnswer> {
  const verdict = await authorize(request, deps.sources, deps.identity);
  if (!(verdict.status === 200 && verdict.decision.allow && verdict.decision.as === "owner")) {
    const { status, html } = pageFor(verdict);
    return { status, contentType: "text/html; charset=utf-8", body: html };
  }
  const environment = verdict.decision.environment;
  const [lab = "", env = ""] = environment.split("/");
  const base = environmentPath(lab, env);
  const json = (status: number, p: WakeProgress) => ({
    status,
    contentType: "application/json",
    body: JSON.stringify(p),
  });
  const progress = async () =>
    wakeProgress({
      environment,
      wanted: deps.wanted(environment),
      usage: await deps.usage(environment),
      observed: await deps.observe(),
      jupyterAnswers: await deps.jupyterAnswers(environment),
    });
  if (request.path === `${base}${WAKE_STATUS_SUFFIX}`) {
    const p = await progress();
    const usage = await deps.usage(environment);
    if (p.ready && usage) {
      const measured = wakeReady(usage, deps.now());
      if (measured !== usage) await deps.putUsage(measured);
    }
    return json(200, p);
  }
  if (request.path === `${base}${WAKE_START_SUFFIX}`) {
    if (request.method !== "POST")
      return json(405, { ready: false, state: "parked", message: "Start with a POST" });
    if (deps.wanted(environment) === "running") {
      const usage = await deps.usage(environment);
      if (usage?.parked) await deps.putUsage(requestWake(usage, deps.now()));
      await deps.start(environment);
    }
    return json(202, await progress());
  }
  const p = await progress();
  if (p.state === "stopped-in-git")
    return {
      status: 503,
      contentType: "text/html; charset=utf-8",
      body: stoppedInGitPage(environment, p.message),
    };
  return {
    status: 200,
    contentType: "text/html; charset=utf-8",
    body: wakePage({
      environment,
      statusUrl: `${base}${WAKE_STATUS_SUFFIX}`,
      startUrl: `${base}${WAKE_START_SUFFIX}`,
      expectedSeconds: expectedWakeSeconds(await deps.usage(environment)),
      message: p.message,
    }),
  };
}
