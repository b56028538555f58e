import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TAG } from "../../core/model/tags.js";
import type { JupyterActivity } from "../../core/access/idle.js";
import type { SeenActivity } from "../../core/access/usage.js";
import { writeFileAtomic } from "../file/atomic-write.js";
import type { SandboxAccount } from "./sandbox-account.js";

/**
 * The sandbox's stand-in for Jupyter's activity API. There is no Jupyter in the sandbox: a
 * running simulated task's server "started" when its task did, and was last active when it
 * started or when its owner last reached it through the local gateway (`labenv open --serve`),
 * recorded in `.labenv/sandbox/jupyter-activity.json`.
 */
export function jupyterActivityFile(sandboxDir: string): string {
  return join(sandboxDir, "jupyter-activity.json");
}

export function readVisits(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    const v = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return v && typeof v === "object" ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The owner used `lab/env` at `at` (a request through the gateway). */
export function recordVisit(file: string, environment: string, at: Date): void {
  const visits = readVisits(file);
  visits[environment] = at.toISOString();
  writeFileAtomic(file, `${JSON.stringify(visits, null, 2)}\n`);
}

/** The running simulated task of `lab/env`, if any. */
export function runningTask(account: SandboxAccount, environment: string) {
  const services = new Set(
    account.services
      .filter((s) => s.status === "ACTIVE" && s.tags[TAG.environment] === environment)
      .map((s) => s.arn),
  );
  return account.tasks.find((t) => services.has(t.serviceArn) && t.lastStatus === "RUNNING");
}

/** What the simulated Jupyter of a running task answers on its activity API. */
export function simulatedActivity(
  account: SandboxAccount,
  environment: string,
  visits: Record<string, string>,
): SeenActivity {
  const task = runningTask(account, environment);
  if (!task) return { running: false };
  const visit = visits[environment];
  const last = visit && visit > task.startedAt ? visit : task.startedAt;
  const jupyter: JupyterActivity = {
    status: { started: task.startedAt, last_activity: last },
    kernels: [],
    terminals: [],
  };
  return { running: true, startedAt: task.startedAt, jupyter };
}
