// Update and delete paths, checked with aws-sdk-client-mock: look first, then
// send only what differs, in the right order.
import "aws-sdk-client-mock-vitest/extend";
import {
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import {
  describedService,
  describedTaskDefinition,
  serviceArn,
  taskDefinitionArn,
} from "./fixtures/described.js";
import {
  createAction,
  environmentResources,
  type EnvironmentResources,
} from "./fixtures/environment-resources.js";
import { CONFIG, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

describe("apply: updates and deletes", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  let env: EnvironmentResources;
  const aps = { home: "fsap-0home", datasets: [] as string[] };
  let ids: Map<string, string>;

  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider(CONFIG, aws.clients);
    env = environmentResources({
      lab: "ml-vision",
      env: "teaching",
      uid: 40001,
      gid: 7001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
    });
    ids = new Map([
      [env.home.key, aps.home],
      [env.taskDefinition.key, taskDefinitionArn(env.taskDefinition.spec.family, 2)],
    ]);
  });

  const update = (a: Action): Action => ({ ...a, outcome: "update" });
  const observedService = (): ObservedResource<"service"> => ({
    kind: "service",
    key: env.service.key,
    environment: env.service.environment,
    id: serviceArn(env.service.spec.name),
    spec: env.service.spec,
    tags: env.service.tags,
    runningCount: 1,
  });

  it("task definition whose latest revision matches: nothing registered", async () => {
    aws.ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: describedTaskDefinition(env.taskDefinition, aps, 2),
      tags: Object.entries(env.taskDefinition.tags).map(([key, value]) => ({ key, value })),
    });
    expect(
      await provider.apply(update(createAction(env.taskDefinition)), (k) => ids.get(k)),
    ).toEqual({
      key: env.taskDefinition.key,
      id: taskDefinitionArn(env.taskDefinition.spec.family, 2),
    });
    expect(aws.calls()).toEqual(["ecs.DescribeTaskDefinition"]);
  });

  it("task definition whose revision mounts a replaced access point: a new revision, though the spec hash is the same", async () => {
    aws.ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: describedTaskDefinition(
        env.taskDefinition,
        { home: "fsap-0retired", datasets: [] },
        2,
      ),
      tags: Object.entries(env.taskDefinition.tags).map(([key, value]) => ({ key, value })),
    });
    aws.ecs.on(RegisterTaskDefinitionCommand).resolves({
      taskDefinition: { taskDefinitionArn: taskDefinitionArn(env.taskDefinition.spec.family, 3) },
    });
    const applied = await provider.apply(update(createAction(env.taskDefinition)), (k) =>
      ids.get(k),
    );
    expect(applied.id).toMatch(/:3$/);
    expect(aws.ecs).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 1);
  });

  it("service stopped by hand: UpdateService back to the desired count, then the full tag set", async () => {
    aws.ecs.on(DescribeServicesCommand).resolves({
      services: [
        describedService(env.service, ids.get(env.taskDefinition.key) as string, {
          desiredCount: 0,
        }),
      ],
    });
    aws.ecs.on(UpdateServiceCommand).resolves({});
    aws.ecs.on(TagResourceCommand).resolves({});
    await provider.apply(update(createAction(env.service)), (k) => ids.get(k));
    expect(aws.calls()).toEqual(["ecs.DescribeServices", "ecs.UpdateService", "ecs.TagResource"]);
    expect(aws.ecs).toHaveReceivedCommandWith(UpdateServiceCommand, {
      service: env.service.spec.name,
      desiredCount: 1,
      taskDefinition: ids.get(env.taskDefinition.key),
    });
  });

  it("service on an older revision: moves to the resolved revision", async () => {
    aws.ecs.on(DescribeServicesCommand).resolves({
      services: [
        describedService(env.service, taskDefinitionArn(env.taskDefinition.spec.family, 1)),
      ],
    });
    aws.ecs.on(UpdateServiceCommand).resolves({});
    aws.ecs.on(TagResourceCommand).resolves({});
    await provider.apply(update(createAction(env.service)), (k) => ids.get(k));
    expect(aws.ecs).toHaveReceivedCommandWith(UpdateServiceCommand, {
      taskDefinition: taskDefinitionArn(env.taskDefinition.spec.family, 2),
    });
  });

  it("replacing an unchanged service (a drift put-back) forces a new deployment, so a new task starts from the lock", async () => {
    aws.ecs.on(DescribeServicesCommand).resolves({
      services: [describedService(env.service, ids.get(env.taskDefinition.key) as string)],
    });
    aws.ecs.on(UpdateServiceCommand).resolves({});
    aws.ecs.on(TagResourceCommand).resolves({});
    await provider.apply({ ...createAction(env.service), outcome: "replace" }, (k) => ids.get(k));
    expect(aws.ecs).toHaveReceivedCommandWith(UpdateServiceCommand, {
      service: env.service.spec.name,
      forceNewDeployment: true,
    });
  });

  it("service whose only difference is a tag: TagResource alone", async () => {
    const described = describedService(env.service, ids.get(env.taskDefinition.key) as string);
    described.tags = described.tags?.filter((t) => t.key !== "labenv:lab");
    aws.ecs.on(DescribeServicesCommand).resolves({ services: [described] });
    aws.ecs.on(TagResourceCommand).resolves({});
    await provider.apply(update(createAction(env.service)), (k) => ids.get(k));
    expect(aws.calls()).toEqual(["ecs.DescribeServices", "ecs.TagResource"]);
  });

  it("deleting a running service scales it to 0 before DeleteService", async () => {
    aws.ecs.on(DescribeServicesCommand).resolves({
      services: [describedService(env.service, ids.get(env.taskDefinition.key) as string)],
    });
    aws.ecs.on(UpdateServiceCommand).resolves({});
    aws.ecs.on(DeleteServiceCommand).resolves({});
    const del: Action = {
      outcome: "delete",
      kind: "service",
      key: env.service.key,
      environment: env.service.environment,
      reason: "removed",
      changes: [],
      observed: observedService(),
    };
    await provider.apply(del, () => undefined);
    expect(aws.calls()).toEqual(["ecs.DescribeServices", "ecs.UpdateService", "ecs.DeleteService"]);
    expect(aws.ecs).toHaveReceivedNthCommandWith(UpdateServiceCommand, 1, {
      service: env.service.spec.name,
      desiredCount: 0,
    });
  });

  it("deleting a service already gone sends nothing that mutates", async () => {
    aws.ecs
      .on(DescribeServicesCommand)
      .resolves({ services: [{ ...describedService(env.service, "arn:td"), status: "INACTIVE" }] });
    const del: Action = {
      outcome: "delete",
      kind: "service",
      key: env.service.key,
      environment: env.service.environment,
      reason: "removed",
      changes: [],
      observed: observedService(),
    };
    await provider.apply(del, () => undefined);
    expect(aws.calls()).toEqual(["ecs.DescribeServices"]);
  });

  it("deleting a task definition deregisters every ACTIVE revision of its family, page by page", async () => {
    const family = env.taskDefinition.spec.family;
    aws.ecs
      .on(ListTaskDefinitionsCommand, { nextToken: undefined })
      .resolves({ taskDefinitionArns: [taskDefinitionArn(family, 1)], nextToken: "p2" });
    aws.ecs
      .on(ListTaskDefinitionsCommand, { nextToken: "p2" })
      .resolves({ taskDefinitionArns: [taskDefinitionArn(family, 2)] });
    aws.ecs.on(DeregisterTaskDefinitionCommand).resolves({});
    const observed: ObservedResource<"task-definition"> = {
      kind: "task-definition",
      key: env.taskDefinition.key,
      environment: env.taskDefinition.environment,
      id: taskDefinitionArn(family, 2),
      spec: env.taskDefinition.spec,
      tags: env.taskDefinition.tags,
    };
    await provider.apply(
      {
        outcome: "delete",
        kind: "task-definition",
        key: observed.key,
        environment: observed.environment,
        reason: "removed",
        changes: [],
        observed,
      },
      () => undefined,
    );
    expect(aws.ecs).toHaveReceivedCommandWith(ListTaskDefinitionsCommand, {
      familyPrefix: family,
      status: "ACTIVE",
    });
    expect(
      aws.ecs
        .commandCalls(DeregisterTaskDefinitionCommand)
        .map((c) => c.args[0].input.taskDefinition),
    ).toEqual([taskDefinitionArn(family, 1), taskDefinitionArn(family, 2)]);
  });

  it("unchanged and skipped actions send nothing", async () => {
    const unchanged: Action = {
      outcome: "unchanged",
      kind: "service",
      key: env.service.key,
      environment: env.service.environment,
      reason: "matches git",
      changes: [],
      observed: observedService(),
    };
    expect(await provider.apply(unchanged, () => undefined)).toEqual({
      key: env.service.key,
      id: serviceArn(env.service.spec.name),
    });
    expect(aws.calls()).toEqual([]);
  });
});
