import type { JupyterActivity } from "./idle.js";
import type { SeenActivity } from "./usage.js";

/**
 * What a task's authorizer reports of its Jupyter every few minutes (it alone reaches Jupyter,
 * on loopback): the activity API's answers, when it asked, and when the task started. Written
 * beside the environment's observations in the object bucket, where the task role may write.
 */
export interface ActivityReport {
  /** `lab/env` */
  environment: string;
  /** When Jupyter was asked. */
  at: string;
  /** When the authorizer (the task) started. */
  startedAt: string;
  jupyter: JupyterActivity;
}

export function activityReportKey(environment: string): string {
  return `observations/${environment}/activity.json`;
}

/** Reports are written every five minutes; one older than this means no task is reporting. */
export const REPORT_FRESH_MINUTES = 15;

/**
 * What the idle stage sees from an environment's latest report: a fresh one is a running task
 * and its Jupyter's activity; a stale one a task that no longer runs; none (or one that does not
 * parse) nothing at all, so nothing is parked on a guess. Pure.
 */
export function seenFromReport(text: string | undefined, now: Date): SeenActivity | undefined {
  if (text === undefined) return undefined;
  let r: ActivityReport;
  try {
    r = JSON.parse(text) as ActivityReport;
  } catch {
    return undefined;
  }
  const at = Date.parse(r?.at);
  if (!Number.isFinite(at) || !r.jupyter?.status || !Array.isArray(r.jupyter.kernels))
    return undefined;
  if (now.getTime() - at > REPORT_FRESH_MINUTES * 60_000) return { running: false };
  return {
    running: true,
    startedAt: r.startedAt,
    jupyter: {
      status: r.jupyter.status,
      kernels: r.jupyter.kernels,
      terminals: Array.isArray(r.jupyter.terminals) ? r.jupyter.terminals : [],
    },
  };
}
