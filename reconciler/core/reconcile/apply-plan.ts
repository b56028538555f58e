import { LabenvError } from "../errors.js";
import type { Action, Plan } from "../model/plan.js";
import { changingActions } from "../model/plan.js";
import type { ObservedState } from "../model/resources.js";
import type { AppliedResource, ApplyLanes, Provider } from "../../ports/provider.js";
import { applyDependencies, dependentsOf } from "./apply-order.js";

export interface ApplyProgress {
  (event: {
    action: Action;
    index: number;
    total: number;
    result?: AppliedResource;
    error?: Error;
  }): void;
}

export interface ApplyResult {
  /** What was confirmed, in plan order. */
  applied: { action: Action; result: AppliedResource }[];
  /** What stopped the run or failed first: the lost lease, else the first failure in plan order. */
  failed?: { action: Action; error: LabenvError };
  /** Every failure other than an image build's, in plan order (absent when none). */
  failures?: { action: Action; error: LabenvError }[];
  /**
   * Image builds that failed. Each fails only its environment: its later actions (task
   * definition, service, snapshots) are left out, so its task runs on as it was, and every
   * other environment is still applied.
   */
  failedBuilds?: { action: Action; error: LabenvError }[];
  /** Actions not attempted because an action they wait on failed (`after`: its key). */
  leftOut?: { action: Action; after: string }[];
}

/** A provider that declares no lanes applies one action at a time, in plan order. */
const ONE_AT_A_TIME: ApplyLanes = { laneOf: () => "all", limitOf: () => 1 };

type Status = "waiting" | "ready" | "running" | "done" | "failed" | "left-out";

/**
 * Executes a plan, and only that plan: its changing actions, each once its
 * dependencies are confirmed (`applyDependencies`: its environment's earlier
 * actions and the resources it names), independent ones at the same time
 * within the provider's lanes, resolving references to resources created
 * earlier in the run. A failure leaves out only what waits on it; everything
 * independent is still applied. When `stopped` gives a reason (the lease was
 * lost) no further action starts; those in flight finish. Progress is
 * reported in plan order, whatever order actions finish in. What was
 * confirmed is returned so only confirmed effects are recorded.
 */
export async function applyPlan(
  plan: Plan,
  observed: ObservedState,
  provider: Provider,
  progress?: ApplyProgress,
  /** Checked before each action starts: a reason to stop (the lease was lost) ends the run there. */
  stopped?: () => string | undefined,
): Promise<ApplyResult> {
  if (plan.blocked) throw new LabenvError("plan", plan.blocked);
  const ids = new Map(observed.resources.map((r) => [r.key, r.id]));
  const actions = changingActions(plan);
  const total = actions.length;
  const waitsOn = applyDependencies(actions);
  const dependents: number[][] = actions.map(() => []);
  waitsOn.forEach((deps, i) => deps.forEach((j) => dependents[j]!.push(i)));
  const unmet = waitsOn.map((deps) => deps.length);
  const lanes = provider.lanes ?? ONE_AT_A_TIME;
  const laneOf = actions.map((a) => lanes.laneOf(a));
  const inFlight = new Map<string, number>();
  const status: Status[] = actions.map((_, i) => (unmet[i] === 0 ? "ready" : "waiting"));
  const results: (AppliedResource | undefined)[] = [];
  const errors: (LabenvError | undefined)[] = [];
  const leftOut: NonNullable<ApplyResult["leftOut"]> = [];
  let stop: { action: Action; error: LabenvError } | undefined;
  let running = 0;
  let reported = 0;
  /** Every action before this one has started or been left out. */
  let unstarted = 0;

  /** Reports every settled action up to the first one still waiting or running, in plan order. */
  const report = (all: boolean) => {
    for (; reported < total; reported++) {
      const s = status[reported];
      const action = actions[reported]!;
      const event = { action, index: reported, total };
      if (s === "done") progress?.({ ...event, result: results[reported]! });
      else if (s === "failed") progress?.({ ...event, error: errors[reported]! });
      else if (s !== "left-out" && !all) return;
    }
  };

  return new Promise<ApplyResult>((resolve, reject) => {
    const settle = (i: number, result: AppliedResource | undefined, error: unknown) => {
      running--;
      inFlight.set(laneOf[i]!, inFlight.get(laneOf[i]!)! - 1);
      if (result !== undefined) {
        ids.set(result.key, result.id);
        results[i] = result;
        status[i] = "done";
        for (const d of dependents[i]!)
          if (--unmet[d]! === 0 && status[d] === "waiting") status[d] = "ready";
      } else {
        const action = actions[i]!;
        errors[i] =
          error instanceof LabenvError
            ? error
            : new LabenvError(
                "provider",
                `${action.outcome} ${action.key} failed: ${(error as Error).message}`,
                { cause: error },
              );
        status[i] = "failed";
        for (const d of dependentsOf(waitsOn, i)) {
          if (status[d] === "left-out") continue;
          status[d] = "left-out";
          leftOut.push({ action: actions[d]!, after: action.key });
        }
      }
      report(false);
      pump();
    };

    const start = (i: number) => {
      status[i] = "running";
      running++;
      inFlight.set(laneOf[i]!, (inFlight.get(laneOf[i]!) ?? 0) + 1);
      // Called at once; an async wrapper turns a synchronous throw into a rejection.
      const call = (async () => provider.apply(actions[i]!, (key) => ids.get(key)))();
      // A throwing progress callback is a bug of the caller's: it ends the apply with that error.
      const settled = (r: AppliedResource | undefined, e: unknown) => {
        try {
          settle(i, r, e);
        } catch (bug) {
          reject(bug instanceof Error ? bug : new Error(String(bug)));
        }
      };
      call.then(
        (r) => settled(r, undefined),
        (e: unknown) => settled(undefined, e),
      );
    };

    /** Starts, in plan order, every ready action whose lane has room. */
    const pump = () => {
      while (unstarted < total && status[unstarted] !== "waiting" && status[unstarted] !== "ready")
        unstarted++;
      for (let i = unstarted; i < total && stop === undefined; i++) {
        if (status[i] !== "ready") continue;
        const lane = laneOf[i]!;
        if ((inFlight.get(lane) ?? 0) >= lanes.limitOf(lane)) continue;
        const reason = stopped?.();
        if (reason) {
          stop = { action: actions[i]!, error: new LabenvError("lease", reason) };
          break;
        }
        start(i);
      }
      if (running === 0) resolve(finish());
    };

    const finish = (): ApplyResult => {
      report(true);
      const pick = (build: boolean) =>
        actions.flatMap((action, i) =>
          status[i] === "failed" && (action.kind === "image-build") === build
            ? [{ action, error: errors[i]! }]
            : [],
        );
      const failures = pick(false);
      const failedBuilds = pick(true);
      const failed = stop ?? failures[0];
      const order = new Map(actions.map((a, i) => [a, i]));
      leftOut.sort((a, b) => order.get(a.action)! - order.get(b.action)!);
      return {
        applied: actions.flatMap((action, i) =>
          status[i] === "done" ? [{ action, result: results[i]! }] : [],
        ),
        ...(failed ? { failed } : {}),
        ...(failures.length > 0 ? { failures } : {}),
        ...(failedBuilds.length > 0 ? { failedBuilds } : {}),
        ...(leftOut.length > 0 ? { leftOut } : {}),
      };
    };

    try {
      pump();
    } catch (bug) {
      reject(bug instanceof Error ? bug : new Error(String(bug)));
    }
  });
}
