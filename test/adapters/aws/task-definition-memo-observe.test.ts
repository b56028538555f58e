// Observe with the task definition memo sees exactly what observe without it
// sees, through an environment's changes (aws-sdk-client-mock): an access
// point replaced under an unchanged revision, a new revision, a tag-only
// update, deregistration; families labenv does not own are never described.
import "aws-sdk-client-mock-vitest/extend";
import { DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { DescribeTaskDefinitionCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand, type AccessPointDescription } from "@aws-sdk/client-efs";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { InMemoryTaskDefinitionSpecCache } from "../../../reconciler/adapters/aws/in-memory-task-definition-spec-cache.js";
import { toUpperTags } from "../../../reconciler/adapters/aws/labenv-tags.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import {
  TAG,
  type DesiredResource,
  type ObservedState,
} from "../../../reconciler/core/model/resources.js";
import {
  createAction,
  environmentResources,
  type EnvironmentResources,
} from "./fixtures/environment-resources.js";
import { FakeTaskDefinitions } from "./fixtures/fake-task-definitions.js";
import {
  ACCOUNT,
  CONFIG,
  FILE_SYSTEM,
  REGION,
  mockedAws,
  type MockedAws,
} from "./fixtures/mocked-aws.js";

describe("observe with the task definition memo sees what observe without it sees", () => {
  let aws: MockedAws;
  let env: EnvironmentResources;
  let accessPoints: AccessPointDescription[];
  let taskDefinitions: FakeTaskDefinitions;
  let memo: InMemoryTaskDefinitionSpecCache;

  const accessPoint = (d: DesiredResource<"access-point">, id: string): AccessPointDescription => ({
    AccessPointId: id,
    AccessPointArn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${id}`,
    FileSystemId: FILE_SYSTEM,
    LifeCycleState: "available",
    PosixUser: { Uid: d.spec.posixUser.uid, Gid: d.spec.posixUser.gid },
    RootDirectory: {
      Path: d.spec.rootDirectory.path,
      CreationInfo: {
        OwnerUid: d.spec.rootDirectory.owner.uid,
        OwnerGid: d.spec.rootDirectory.owner.gid,
        Permissions: "0750",
      },
    },
    Tags: toUpperTags({ ...d.tags, "labenv:purpose": d.spec.purpose }),
  });

  beforeEach(() => {
    aws = mockedAws();
    env = environmentResources({
      lab: "ml-vision",
      env: "teaching",
      uid: 40001,
      gid: 7001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
    });
    accessPoints = [accessPoint(env.home, "fsap-0home1")];
    taskDefinitions = new FakeTaskDefinitions();
    taskDefinitions.install(aws);
    taskDefinitions.register(env.taskDefinition, { home: "fsap-0home1", datasets: [] });
    aws.efs
      .on(DescribeAccessPointsCommand)
      .callsFake(() => ({ AccessPoints: structuredClone(accessPoints) }));
    aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" });
    aws.ecs.on(ListServicesCommand).resolves({ serviceArns: [] });
    memo = new InMemoryTaskDefinitionSpecCache();
  });

  /** Observes with the memo (counting its describes), then without it; both must agree. */
  async function observeBoth(): Promise<{ observed: ObservedState; described: string[] }> {
    aws.resetCalls();
    const observed = await new AwsProvider(CONFIG, aws.clients, {
      taskDefinitionSpecs: memo,
    }).observe();
    const described = aws.ecs
      .commandCalls(DescribeTaskDefinitionCommand)
      .map((c) => c.args[0].input.taskDefinition as string);
    expect(observed).toEqual(await new AwsProvider(CONFIG, aws.clients).observe());
    return { observed, described };
  }
  const taskDefinitionIn = (observed: ObservedState) =>
    observed.resources.find((r) => r.kind === "task-definition");
  const arn = (revision: number) =>
    `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${env.taskDefinition.spec.family}:${revision}`;

  it("describes a revision once, then reads it from the memo", async () => {
    const cold = await observeBoth();
    expect(cold.described).toEqual([arn(1)]);
    expect(taskDefinitionIn(cold.observed)).toMatchObject({
      id: arn(1),
      spec: env.taskDefinition.spec,
      tags: env.taskDefinition.tags,
      status: "ACTIVE",
    });
    expect((await observeBoth()).described).toEqual([]);
  });

  it("an access point replaced under an unchanged revision shows the old id (drift) from the memo too; the new revision is described once", async () => {
    await observeBoth();
    // The home access point is replaced: a new one with the same key, the old one retired. The revision still mounts the old one.
    accessPoints[0]!.Tags!.push({ Key: TAG.retired, Value: "fsap-0home2" });
    accessPoints.push(accessPoint(env.home, "fsap-0home2"));
    const replaced = await observeBoth();
    expect(replaced.described).toEqual([]);
    expect(taskDefinitionIn(replaced.observed)?.spec).toEqual({
      ...env.taskDefinition.spec,
      homeAccessPoint: "fsap-0home1",
    });

    taskDefinitions.register(env.taskDefinition, { home: "fsap-0home2", datasets: [] });
    const moved = await observeBoth();
    expect(moved.described).toEqual([arn(2)]);
    expect(taskDefinitionIn(moved.observed)).toMatchObject({
      id: arn(2),
      spec: env.taskDefinition.spec,
    });
  });

  it("a tag-only update applied by labenv is what the memo reports next, without describing again", async () => {
    await observeBoth();
    const retagged: DesiredResource<"task-definition"> = {
      ...env.taskDefinition,
      tags: { ...env.taskDefinition.tags, [TAG.managedBy]: "labenv reconciler" },
    };
    const update: Action = { ...createAction(retagged), outcome: "update" };
    await new AwsProvider(CONFIG, aws.clients, { taskDefinitionSpecs: memo }).apply(
      update,
      () => "fsap-0home1",
    );
    const after = await observeBoth();
    expect(after.described).toEqual([]);
    expect(taskDefinitionIn(after.observed)?.tags).toEqual(retagged.tags);
  });

  it("a memo that missed labenv's tag write (another process applied it) is refreshed by the next apply's look", async () => {
    await observeBoth();
    const retagged: DesiredResource<"task-definition"> = {
      ...env.taskDefinition,
      tags: { ...env.taskDefinition.tags, [TAG.managedBy]: "labenv reconciler" },
    };
    const update: Action = { ...createAction(retagged), outcome: "update" };
    await new AwsProvider(CONFIG, aws.clients).apply(update, () => "fsap-0home1"); // no memo: it still holds the old tags
    await new AwsProvider(CONFIG, aws.clients, { taskDefinitionSpecs: memo }).apply(
      update,
      () => "fsap-0home1",
    ); // nothing to send; the look refreshes the memo
    expect(taskDefinitionIn(await observeBoth().then((r) => r.observed))?.tags).toEqual(
      retagged.tags,
    );
  });

  it("a deregistered family is gone from both", async () => {
    const { observed } = await observeBoth();
    const del: Action = {
      outcome: "delete",
      kind: "task-definition",
      key: env.taskDefinition.key,
      environment: env.taskDefinition.environment,
      reason: "removed",
      changes: [],
      observed: taskDefinitionIn(observed)!,
    };
    await new AwsProvider(CONFIG, aws.clients, { taskDefinitionSpecs: memo }).apply(
      del,
      () => undefined,
    );
    expect(taskDefinitionIn((await observeBoth()).observed)).toBeUndefined();
  });

  it("never describes families outside labenv-; remembers an untagged labenv- revision as not labenv's and describes it once", async () => {
    const other = environmentResources({
      lab: "ml-vision",
      env: "handmade",
      uid: 40002,
      gid: 7001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
    });
    taskDefinitions.register(
      { ...other.taskDefinition, spec: { ...other.taskDefinition.spec, family: "batch-nightly" } },
      { home: "fsap-0other", datasets: [] },
    );
    taskDefinitions.register(
      other.taskDefinition,
      { home: "fsap-0other", datasets: [] },
      { tags: {} },
    );
    const cold = await observeBoth();
    expect(cold.described.sort()).toEqual([
      `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/labenv-ml-vision-handmade:1`,
      arn(1),
    ]);
    expect(
      cold.observed.resources.filter((r) => r.kind === "task-definition").map((r) => r.key),
    ).toEqual([env.taskDefinition.key]);
    expect((await observeBoth()).described).toEqual([]);
  });

  it("reports the highest ACTIVE revision of a family, as DescribeTaskDefinition(family) would", async () => {
    taskDefinitions.register(env.taskDefinition, { home: "fsap-0home1", datasets: [] });
    taskDefinitions.register(env.taskDefinition, { home: "fsap-0home1", datasets: [] });
    taskDefinitions.deregister(arn(3));
    expect(taskDefinitionIn((await observeBoth()).observed)?.id).toBe(arn(2));
  });

  it("a revision deregistered between the list and its description is left out and not remembered", async () => {
    aws.ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: arn(1) }).resolvesOnce({
      taskDefinition: {
        taskDefinitionArn: arn(1),
        family: env.taskDefinition.spec.family,
        status: "INACTIVE",
      },
    });
    const provider = new AwsProvider(CONFIG, aws.clients, { taskDefinitionSpecs: memo });
    expect(taskDefinitionIn(await provider.observe())).toBeUndefined();
    expect(memo.size).toBe(0);
  });
});
