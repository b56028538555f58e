import { digestOf } from "../lock/canonical.js";
import type { Action } from "../model/plan.js";
import { TAG } from "../model/tags.js";
import { snapshotBefore } from "./ebs-snapshot.js";
import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/** An ECS service running one environment's task, with its /opt/jupyter EBS volume. */
export interface ServiceSpec {
  name: string;
  /** The resource key of the task definition this service runs. */
  taskDefinition: string;
  desiredCount: 0 | 1;
  /** EBS volume at /opt/jupyter, created per task at launch. */
  volume: { sizeGiB: number; volumeType: "gp3"; encrypted: true; fromSnapshot?: string };
  subnets: string[];
  securityGroups: string[];
  /** With researcher access: ECS registers the task's address in this target group (its key), on the authorizer's port. */
  loadBalancer?: { targetGroup: string; containerName: string; containerPort: number };
}

/**
 * Updated in place; follows its task definition. A running task's volume is
 * snapshotted before the task is replaced or the service is deleted.
 */
export const service: KindModule<"service"> = {
  ...KIND_DEFAULTS,
  kind: "service",
  stage: "services",
  dependsOnKinds: ["task-definition", "target-group"],
  lifecycle: "disposable",
  onChange: "update",
  dependencies: (spec) => [
    spec.taskDefinition,
    ...(spec.loadBalancer ? [spec.loadBalancer.targetGroup] : []),
  ],
  createReason: (d) =>
    `create service ${d.environment} (${d.spec.desiredCount === 1 ? "running" : "stopped"})`,
  changeReason: (d, what) => `update service ${d.environment}: ${what}`,
  followReason: (d) => `update service ${d.environment}: runs the new task definition revision`,
  deleteReason: (o) =>
    `${o.environment} was removed from git; the service stops (its EFS home and snapshots are kept)`,
  precautionsBefore(action, o, ctx) {
    if (!((o.runningCount ?? 0) > 0) || !replacesTask(action)) return [];
    const d = action.desired!;
    const taskDefinition = (d.spec as ServiceSpec).taskDefinition;
    const td = ctx.desired.resources.find((r) => r.key === taskDefinition);
    // Unique per replacement: what runs now (its task definition revision) and what replaces it.
    const running = ctx.seen.get(taskDefinition)?.id ?? "";
    const version = digestOf([d.specHash, td?.specHash ?? "", running, o.spec]).slice(7, 23);
    return [
      snapshotBefore(
        o,
        "before-replace",
        version,
        `snapshot ${d.environment}'s /opt/jupyter before its task is replaced (installed packages survive only through a snapshot)`,
        ctx,
      ),
    ];
  },
  precautionsBeforeDelete(o, ctx) {
    if (!((o.runningCount ?? 0) > 0)) return [];
    return [
      snapshotBefore(
        o,
        "before-delete",
        o.tags[TAG.specHash] ?? "gone",
        `snapshot ${o.environment}'s /opt/jupyter before its task goes away`,
        ctx,
      ),
    ];
  },
};

/** An update replaces the running task unless it only starts the service. */
function replacesTask(a: Action): boolean {
  return (
    a.outcome === "update" && a.changes.some((c) => c.field !== "desiredCount" || c.to === "0")
  );
}
