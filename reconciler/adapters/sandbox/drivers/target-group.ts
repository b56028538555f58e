import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type TargetGroupSpec } from "../../../core/model/resources.js";
import type { AppliedResource } from "../../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";

/** ELBv2 CreateTargetGroup / ModifyTargetGroup, with the checks ELBv2 makes on names and ports. */
function putTargetGroup(account: SandboxAccount, action: Action): AppliedResource {
  const spec = action.desired!.spec as TargetGroupSpec;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(spec.name))
    throw awsError(
      "ValidationError",
      `Target group name '${spec.name}' must be 1-32 alphanumeric characters or hyphens, and must not begin or end with a hyphen`,
    );
  if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535)
    throw awsError("ValidationError", `Port '${spec.port}' must be between 1 and 65535`);
  if (!spec.healthCheckPath.startsWith("/") || spec.healthCheckPath.length > 1024)
    throw awsError(
      "ValidationError",
      "Health check path must begin with '/' (at most 1024 characters)",
    );
  checkTags(action.desired!.tags);
  const groups = (account.targetGroups ??= []);
  const existing = groups.find((g) => g.name === spec.name);
  if (existing) {
    if (
      existing.port !== spec.port ||
      existing.protocol !== spec.protocol ||
      existing.targetType !== spec.targetType
    )
      throw awsError(
        "DuplicateTargetGroupName",
        `A target group with the same name '${spec.name}' exists, but with different settings (port, protocol and target type cannot change)`,
      );
    existing.healthCheckPath = spec.healthCheckPath;
    existing.tags = { ...action.desired!.tags };
    return { key: action.key, id: existing.arn };
  }
  const created = {
    arn: arn(
      account,
      "elasticloadbalancing",
      `targetgroup/${spec.name}/${nextId(account, "", 16)}`,
    ),
    name: spec.name,
    protocol: spec.protocol,
    port: spec.port,
    targetType: spec.targetType,
    healthCheckPath: spec.healthCheckPath,
    tags: { ...action.desired!.tags },
  };
  groups.push(created);
  return { key: action.key, id: created.arn };
}

/** ELBv2 DeleteTargetGroup: refused while a listener rule forwards to it. */
function deleteTargetGroup(account: SandboxAccount, action: Action): AppliedResource {
  const id = action.observed!.id;
  if ((account.listenerRules ?? []).some((r) => r.forward === id))
    throw awsError(
      "ResourceInUse",
      `Target group '${id}' is currently in use by a listener or a rule`,
    );
  account.targetGroups = (account.targetGroups ?? []).filter((g) => g.arn !== id);
  return { key: action.key, id };
}

function observe(account: SandboxAccount): ObservedResource<"target-group">[] {
  return (account.targetGroups ?? [])
    .filter((g) => g.tags[TAG.resource])
    .map((g) => ({
      kind: "target-group",
      key: g.tags[TAG.resource]!,
      environment: g.tags[TAG.environment] ?? "",
      id: g.arn,
      spec: {
        name: g.name,
        protocol: g.protocol as "HTTP",
        port: g.port,
        targetType: g.targetType as "ip",
        healthCheckPath: g.healthCheckPath,
      },
      tags: owned(g.tags),
    }));
}

/** Target groups of the sandbox's load balancer. */
export const targetGroupDriver: SandboxDriver<"target-group"> = {
  kind: "target-group",
  observe,
  apply: (account, action) => putTargetGroup(account, action),
  remove: (account, action) => deleteTargetGroup(account, action),
};
