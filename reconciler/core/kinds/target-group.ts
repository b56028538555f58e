import { createHash } from "node:crypto";
import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/**
 * Where the load balancer sends one environment's requests: a target group of `ip` targets
 * (the Fargate task's address, registered by ECS through the service's load balancer
 * attachment) on the port of the task's authorizer, which alone reaches Jupyter.
 */
export interface TargetGroupSpec {
  /** The target group's name: at most 32 characters on AWS, so derived from the key by hash. */
  name: string;
  protocol: "HTTP";
  /** The authorizer's port in the task (never Jupyter's own). */
  port: number;
  targetType: "ip";
  /** Answered by the authorizer while Jupyter answers under the environment's path. */
  healthCheckPath: string;
}

/** `labenv-<16 hex of the key>`: stable for the environment, within AWS's 32-character limit. */
export function targetGroupName(key: string): string {
  return `labenv-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

/** Port, protocol and target type are fixed on AWS: a change replaces the group. */
export const targetGroup: KindModule<"target-group"> = {
  ...KIND_DEFAULTS,
  kind: "target-group",
  stage: "services",
  dependsOnKinds: [],
  lifecycle: "disposable",
  onChange: "update",
  dependencies: () => [],
  createReason: (d) => `create the load balancer target group of ${d.environment}`,
  changeReason: (d, what) => `update the target group of ${d.environment}: ${what}`,
  deleteReason: (o) =>
    `${o.environment} was removed from git; its load balancer target group is deleted`,
};
