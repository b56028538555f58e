import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  paginateListServices,
  type Service,
} from "@aws-sdk/client-ecs";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import type { DesiredResource, ObservedResource, ServiceSpec } from "../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import { clientToken } from "./client-token.js";
import { inBatches, mapConcurrently } from "./concurrency.js";
import { fromLowerTags, identityOf, ownedTags, staleTags, toLowerTags } from "./labenv-tags.js";
import {
  desiredOf,
  resolveRequired,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";
import { sameSpec } from "./same-spec.js";
import {
  networkConfiguration,
  serviceSpecOf,
  volumeConfigurations,
  volumeTags,
} from "./service-shape.js";

/** DescribeServices accepts at most 10 services per call. */
export const DESCRIBE_SERVICES_BATCH = 10;

/**
 * ECS services on Fargate, one per environment, each task with a fresh
 * ECS-managed EBS volume at /opt/jupyter. Updating changes the service in
 * place (a new deployment); deleting scales to 0 first.
 */
export const serviceDriver: ResourceDriver<"service"> = {
  kind: "service",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"service">[]> {
    const arns: string[] = [];
    const pages = paginateListServices(
      { client: ctx.clients.ecs },
      { cluster: ctx.config.cluster, maxResults: 100 },
    );
    for await (const page of pages) arns.push(...(page.serviceArns ?? []));
    const described = await mapConcurrently(
      inBatches(arns, DESCRIBE_SERVICES_BATCH),
      ctx.config.describeConcurrency ?? 8,
      (services) =>
        ctx.clients.ecs.send(
          new DescribeServicesCommand({ cluster: ctx.config.cluster, services, include: ["TAGS"] }),
        ),
    );
    return described
      .flatMap((d) => d.services ?? [])
      .flatMap((service) => {
        const tags = fromLowerTags(service.tags);
        const identity = identityOf(tags);
        if (service.status !== "ACTIVE" || identity === undefined) return [];
        const observed: ObservedResource<"service"> = {
          kind: "service",
          ...identity,
          id: service.serviceArn as string,
          spec: serviceSpecOf(service, tags, ctx.keyOf),
          tags: ownedTags(tags),
          status: service.status,
          runningCount: service.runningCount ?? 0,
        };
        return [observed];
      });
  },

  async apply(action: Action, resolve: ResolveId, ctx: DriverContext): Promise<AppliedResource> {
    if (action.outcome === "delete") return retire(action, ctx);
    const desired = desiredOf(action, "service");
    const spec = effectiveSpec(desired.spec, ctx);
    const neededBy = `service ${desired.key}`;
    const taskDefinitionArn = resolveRequired(resolve, spec.taskDefinition, neededBy);
    const from = spec.volume.fromSnapshot;
    const snapshotId =
      from === undefined
        ? undefined
        : from.startsWith("snap-")
          ? from
          : resolveRequired(resolve, from, neededBy);
    const ebsRoleArn = ctx.config.ebsRoleArn;
    if (ebsRoleArn === undefined) {
      throw new LabenvError(
        "config",
        `${neededBy} needs the ECS infrastructure role for managed EBS volumes: set aws.infrastructureRoleArn in labenv.yaml (LABENV_ECS_INFRASTRUCTURE_ROLE_ARN in the Lambda)`,
        {
          hint: "the role is an output of infra/ (InfrastructureRoleArn, and in LabenvYamlAws)",
        },
      );
    }
    const lb = spec.loadBalancer;
    const targetGroupArn = lb ? resolveRequired(resolve, lb.targetGroup, neededBy) : undefined;
    const tags = { ...desired.tags, ...volumeTags(spec) };
    const common = {
      cluster: ctx.config.cluster,
      taskDefinition: taskDefinitionArn,
      desiredCount: spec.desiredCount,
      networkConfiguration: networkConfiguration(spec, ctx.config),
      volumeConfigurations: volumeConfigurations(desired, snapshotId, ebsRoleArn),
      propagateTags: "SERVICE" as const,
      enableECSManagedTags: true,
      ...(lb && {
        loadBalancers: [
          { targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort },
        ],
      }),
    };
    const current = await describeService(ctx, spec.name);
    if (current === undefined) {
      const created = await ctx.clients.ecs.send(
        new CreateServiceCommand({
          ...common,
          serviceName: spec.name,
          launchType: "FARGATE",
          clientToken: clientToken(desired.key, desired.specHash),
          tags: toLowerTags(tags),
        }),
      );
      return { key: desired.key, id: created.service?.serviceArn as string };
    }
    const arn = current.serviceArn as string;
    const liveTags = fromLowerTags(current.tags);
    const idToKey = new Map<string, string>([[taskDefinitionArn, spec.taskDefinition]]);
    if (snapshotId !== undefined && from !== undefined) idToKey.set(snapshotId, from);
    if (lb && targetGroupArn !== undefined) idToKey.set(targetGroupArn, lb.targetGroup);
    const live = serviceSpecOf(current, liveTags, (id) => idToKey.get(id));
    const unchangedSpec = sameSpec(live, spec);
    // `replace` puts a service back as locked (drift revert): a new task must start even when the spec is unchanged.
    const replace = action.outcome === "replace";
    if (!unchangedSpec || replace)
      await ctx.clients.ecs.send(
        new UpdateServiceCommand({
          ...common,
          service: spec.name,
          ...(replace ? { forceNewDeployment: true } : {}),
        }),
      );
    if (!unchangedSpec || Object.keys(staleTags(liveTags, tags)).length > 0) {
      // Always the whole set: UpdateService does not touch tags, and moto then replaces rather than merges them.
      await ctx.clients.ecs.send(
        new TagResourceCommand({ resourceArn: arn, tags: toLowerTags({ ...liveTags, ...tags }) }),
      );
    }
    return { key: desired.key, id: arn };
  },
};

/** The spec as it will run: the provider's subnets and security groups stand in for empty lists. */
function effectiveSpec(spec: ServiceSpec, ctx: DriverContext): ServiceSpec {
  const vpc = networkConfiguration(spec, ctx.config).awsvpcConfiguration;
  return { ...spec, subnets: vpc?.subnets ?? [], securityGroups: vpc?.securityGroups ?? [] };
}

/** The ACTIVE service of this name with its tags, or nothing. */
async function describeService(ctx: DriverContext, name: string): Promise<Service | undefined> {
  const out = await ctx.clients.ecs.send(
    new DescribeServicesCommand({
      cluster: ctx.config.cluster,
      services: [name],
      include: ["TAGS"],
    }),
  );
  return out.services?.find((s) => s.status === "ACTIVE");
}

/** Scale to 0, then delete. A service already gone is done. */
async function retire(action: Action, ctx: DriverContext): Promise<AppliedResource> {
  const observed = action.observed as ObservedResource<"service"> | undefined;
  const desired = action.desired as DesiredResource<"service"> | undefined;
  const name = observed?.spec.name ?? desired?.spec.name;
  if (name === undefined)
    throw new LabenvError("plan", `delete service ${action.key} names no service`);
  const current = await describeService(ctx, name);
  if (current === undefined) return { key: action.key, id: observed?.id ?? "" };
  if ((current.desiredCount ?? 0) > 0) {
    await ctx.clients.ecs.send(
      new UpdateServiceCommand({ cluster: ctx.config.cluster, service: name, desiredCount: 0 }),
    );
  }
  await ctx.clients.ecs.send(
    new DeleteServiceCommand({ cluster: ctx.config.cluster, service: name }),
  );
  return { key: action.key, id: current.serviceArn as string };
}
