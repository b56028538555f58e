import { WAKE_TARGET } from "../kinds/listener-rule.js";
import type { ObservedResource } from "../model/resources.js";
import type { UsageRecord } from "../../ports/state-store.js";

/** Under an environment's address: the wake page polls this, and posts to start. */
export const WAKE_STATUS_SUFFIX = "_labenv/wake/status";
export const WAKE_START_SUFFIX = "_labenv/wake/start";

/** Where a start stands, for the wake page's poll (`{ ready, state, message }`). */
export interface WakeProgress {
  ready: boolean;
  state:
    | "stopped-in-git"
    | "parked"
    | "scaling-up"
    | "task-starting"
    | "routing"
    | "jupyter-starting"
    | "ready";
  message: string;
}

/**
 * How far a stopped environment has come back, read from what the provider observes (its
 * service's running tasks, where its listener rule forwards) and whether Jupyter answers
 * through the authorizer's health path. Pure; the same for the sandbox gateway and the wake
 * Lambda.
 */
export function wakeProgress(o: {
  environment: string;
  wanted: "running" | "stopped";
  usage: UsageRecord | undefined;
  observed: readonly ObservedResource[];
  jupyterAnswers: boolean;
}): WakeProgress {
  const mine = (kind: string) =>
    o.observed.find((r) => r.kind === kind && r.environment === o.environment);
  if (o.wanted === "stopped")
    return {
      ready: false,
      state: "stopped-in-git",
      message: `${o.environment} is stopped in git (spec.state: stopped); a pull request setting it to running starts it`,
    };
  if (o.usage?.parked)
    return {
      ready: false,
      state: "parked",
      message: `${o.environment} was stopped while idle (${o.usage.parked.reason})`,
    };
  const service = mine("service") as ObservedResource<"service"> | undefined;
  const rule = mine("listener-rule") as ObservedResource<"listener-rule"> | undefined;
  if (!service || service.spec.desiredCount === 0)
    return {
      ready: false,
      state: "scaling-up",
      message: "Asking for a task: the reconciler scales the service up",
    };
  if (!((service.runningCount ?? 0) > 0))
    return {
      ready: false,
      state: "task-starting",
      message: "A task is starting and its /opt/jupyter volume is being restored",
    };
  if (!rule || rule.spec.forward === WAKE_TARGET)
    return {
      ready: false,
      state: "routing",
      message: "The task runs; the address is being routed to it",
    };
  if (!o.jupyterAnswers)
    return { ready: false, state: "jupyter-starting", message: "Jupyter is starting" };
  return { ready: true, state: "ready", message: "Jupyter answers: opening it" };
}
