import {
  AddTagsCommand,
  CreateTargetGroupCommand,
  DeleteTargetGroupCommand,
  DescribeTargetGroupsCommand,
  ModifyTargetGroupCommand,
  type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import type { ObservedResource, TargetGroupSpec } from "../../core/model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import { identityOf, ownedTags, staleTags, toUpperTags } from "./labenv-tags.js";
import { isLoadBalancerNotFound, loadBalancerTags } from "./load-balancer-tags.js";
import { desiredOf, type DriverContext, type ResourceDriver } from "./resource-driver.js";

/** What researcher access needs from infra/ (labenv.yaml `aws.vpcId`, `aws.listenerArn`, `aws.wakeTargetGroupArn`). */
export function accessConfig(ctx: DriverContext, neededBy: string) {
  const access = ctx.config.access;
  if (access === undefined)
    throw new LabenvError(
      "config",
      `${neededBy} needs the load balancer: set aws.vpcId, aws.listenerArn and aws.wakeTargetGroupArn in labenv.yaml`,
      { hint: "they are outputs of infra/ (in LabenvYamlAws)" },
    );
  return access;
}

function specOf(g: TargetGroup): TargetGroupSpec {
  return {
    name: g.TargetGroupName ?? "",
    protocol: (g.Protocol ?? "") as "HTTP",
    port: g.Port ?? 0,
    targetType: (g.TargetType ?? "") as "ip",
    healthCheckPath: g.HealthCheckPath ?? "",
  };
}

async function byName(ctx: DriverContext, name: string): Promise<TargetGroup | undefined> {
  try {
    const out = await ctx.clients.elbv2.send(new DescribeTargetGroupsCommand({ Names: [name] }));
    return out.TargetGroups?.[0];
  } catch (e) {
    if (isLoadBalancerNotFound(e)) return undefined;
    throw e;
  }
}

/**
 * ELBv2 target groups, one per environment (`ip` targets, on the authorizer's port), found by
 * their `labenv:resource` tag. Looked up by name before creating, so a lost reply creates no
 * second one; the health check is changed in place; port, protocol and target type cannot be.
 * Observed only when labenv.yaml names the load balancer.
 */
export const targetGroupDriver: ResourceDriver<"target-group"> = {
  kind: "target-group",

  async observe(ctx) {
    if (ctx.config.access === undefined) return [];
    const groups: TargetGroup[] = [];
    let marker: string | undefined;
    do {
      const page = await ctx.clients.elbv2.send(
        new DescribeTargetGroupsCommand({ PageSize: 400, ...(marker ? { Marker: marker } : {}) }),
      );
      groups.push(...(page.TargetGroups ?? []));
      marker = page.NextMarker;
    } while (marker);
    const labenv = groups.filter((g) => g.TargetGroupName?.startsWith("labenv-"));
    const tags = await loadBalancerTags(
      ctx.clients.elbv2,
      labenv.map((g) => g.TargetGroupArn as string),
      ctx.config.describeConcurrency ?? 8,
    );
    return labenv.flatMap((g): ObservedResource<"target-group">[] => {
      const t = tags.get(g.TargetGroupArn as string) ?? {};
      const identity = identityOf(t);
      if (identity === undefined) return [];
      return [
        {
          kind: "target-group",
          ...identity,
          id: g.TargetGroupArn as string,
          spec: specOf(g),
          tags: ownedTags(t),
        },
      ];
    });
  },

  async apply(action: Action, _resolve, ctx): Promise<AppliedResource> {
    if (action.outcome === "delete") {
      try {
        await ctx.clients.elbv2.send(
          new DeleteTargetGroupCommand({ TargetGroupArn: action.observed!.id }),
        );
      } catch (e) {
        if (!isLoadBalancerNotFound(e)) throw e;
      }
      return { key: action.key, id: action.observed!.id };
    }
    const desired = desiredOf(action, "target-group");
    const spec = desired.spec;
    const current = await byName(ctx, spec.name);
    if (current === undefined) {
      const { vpcId } = accessConfig(ctx, `target group ${desired.key}`);
      const created = await ctx.clients.elbv2.send(
        new CreateTargetGroupCommand({
          Name: spec.name,
          Protocol: spec.protocol,
          Port: spec.port,
          TargetType: spec.targetType,
          VpcId: vpcId,
          HealthCheckProtocol: "HTTP",
          HealthCheckPath: spec.healthCheckPath,
          Matcher: { HttpCode: "200" },
          Tags: toUpperTags(desired.tags),
        }),
      );
      return { key: desired.key, id: created.TargetGroups?.[0]?.TargetGroupArn as string };
    }
    const arn = current.TargetGroupArn as string;
    const live = specOf(current);
    if (
      live.port !== spec.port ||
      live.protocol !== spec.protocol ||
      live.targetType !== spec.targetType
    )
      throw new LabenvError(
        "provider",
        `target group ${spec.name} exists with ${live.protocol}:${live.port} (${live.targetType}); labenv wants ${spec.protocol}:${spec.port} (${spec.targetType}), which AWS cannot change in place`,
        { hint: `delete target group ${spec.name} by hand; the next reconcile creates it again` },
      );
    if (live.healthCheckPath !== spec.healthCheckPath)
      await ctx.clients.elbv2.send(
        new ModifyTargetGroupCommand({
          TargetGroupArn: arn,
          HealthCheckPath: spec.healthCheckPath,
        }),
      );
    const liveTags = (await loadBalancerTags(ctx.clients.elbv2, [arn], 1)).get(arn) ?? {};
    const stale = staleTags(liveTags, desired.tags);
    if (Object.keys(stale).length > 0)
      await ctx.clients.elbv2.send(
        new AddTagsCommand({ ResourceArns: [arn], Tags: toUpperTags(stale) }),
      );
    return { key: desired.key, id: arn };
  },
};
