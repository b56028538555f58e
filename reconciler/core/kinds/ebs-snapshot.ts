import type { Action } from "../model/plan.js";
import type { ObservedResource } from "../model/resources.js";
import { KIND_DEFAULTS, type KindModule, type PlanContext } from "./kind.js";
import { newResource } from "./new-resource.js";

/** An EBS snapshot of a running task's /opt/jupyter volume (packages survive only through one). */
export interface EbsSnapshotSpec {
  /** The service whose task's /opt/jupyter volume is captured. */
  service: string;
  description: string;
  /**
   * Why: a Snapshot document, a schedule (`spec.snapshots`: the only ones a keep policy may
   * prune), a task replacement or an environment removal.
   */
  trigger: "request" | "schedule" | "before-replace" | "before-delete" | "succession" | "share";
}

/** A record: taken once; a requested one waits until its environment runs. */
export const ebsSnapshot: KindModule<"ebs-snapshot"> = {
  ...KIND_DEFAULTS,
  kind: "ebs-snapshot",
  stage: "snapshots",
  dependsOnKinds: ["service"],
  lifecycle: "record",
  onChange: "update",
  dependencies: (spec) => [spec.service],
  createReason: (d) => `snapshot ${d.environment}'s /opt/jupyter: ${d.spec.description}`,
  changeReason: (d, what) => `update snapshot ${d.key}: ${what}`,
  deleteReason: (o) => `${o.environment} was removed from git`,
  settle: waitForTask,
};

/** A requested volume snapshot needs a running task; a stopped environment's volume was captured when it stopped. */
function waitForTask(a: Action, ctx: PlanContext): Action {
  if (a.kind !== "ebs-snapshot" || a.outcome !== "create") return a;
  const service = ctx.desired.resources.find(
    (r) => r.key === (a.desired!.spec as EbsSnapshotSpec).service,
  );
  if (service && (service.spec as { desiredCount: number }).desiredCount === 1) return a;
  return {
    ...a,
    outcome: "skipped",
    reason: `waiting: ${a.environment} is stopped, so there is no volume to snapshot; it is taken when the environment runs again`,
  };
}

/**
 * A snapshot of a service's volume taken before its task goes away; its key is
 * stable (`version` says what is replaced by what), so a re-run never takes it twice.
 */
export function snapshotBefore(
  o: ObservedResource,
  trigger: "before-replace" | "before-delete",
  version: string,
  reason: string,
  ctx: PlanContext,
): Action {
  const [lab, env] = o.environment.split("/");
  const key = `ebs-snapshot:${lab}/${env}/${trigger}-${version.slice(0, 12)}`;
  const desired = newResource(
    "ebs-snapshot",
    key,
    o.environment,
    lab!,
    { service: o.key, description: reason, trigger },
    [o.key],
  );
  const base = { kind: "ebs-snapshot" as const, key, environment: o.environment, desired };
  const taken = ctx.seen.get(key);
  if (taken)
    return {
      outcome: "unchanged",
      ...base,
      observed: taken,
      changes: [],
      reason: `taken (${taken.id})`,
    };
  return { outcome: "create", ...base, changes: [], reason };
}
