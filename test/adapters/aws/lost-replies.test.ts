// Issue 14 item 17: RegisterTaskDefinition and CreateSnapshot take no idempotency
// token. A reply lost after AWS made the resource must not make a second one (the
// driver looks it up by its tags before trying again), and observe must report any
// duplicate that exists anyway. Failure injection with aws-sdk-client-mock: the fake
// makes the resource, then throws as a dropped connection does.
import "aws-sdk-client-mock-vitest/extend";
import {
  CreateSnapshotCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type Snapshot,
} from "@aws-sdk/client-ec2";
import {
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { DRIVERS } from "../../../reconciler/adapters/aws/drivers.js";
import { toLowerTags, toUpperTags } from "../../../reconciler/adapters/aws/labenv-tags.js";
import { compareInfrastructure } from "../../../reconciler/core/drift/compare-infrastructure.js";
import { describedTaskDefinition, taskDefinitionArn } from "./fixtures/described.js";
import {
  createAction,
  desiredResource,
  environmentResources,
  type EnvironmentResources,
} from "./fixtures/environment-resources.js";
import { CONFIG, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

/** What a dropped connection looks like to the caller: no $metadata, a Node network error. */
const lostReply = () =>
  Object.assign(new Error("socket hang up"), { name: "TimeoutError", code: "ECONNRESET" });

describe("lost replies do not duplicate (item 17)", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  let env: EnvironmentResources;
  const ids = new Map([
    ["access-point:genomics-core/rnaseq/home", "fsap-0000000000000home"],
    ["access-point:genomics-core/dataset/reference-genomes", "fsap-00000000000000ds"],
  ]);
  const resolve = (key: string) => ids.get(key);

  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider(CONFIG, aws.clients);
    env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
      datasets: ["reference-genomes"],
      logGroup: "/labenv/jupyter",
    });
  });

  function registeredRevision(revision: number): TaskDefinition {
    return describedTaskDefinition(
      env.taskDefinition,
      { home: "fsap-0000000000000home", datasets: ["fsap-00000000000000ds"] },
      revision,
    );
  }

  it("RegisterTaskDefinition whose reply is lost: the revision it made is found by its tags and not registered again", async () => {
    const family = env.taskDefinition.spec.family;
    const revisions: TaskDefinition[] = [];
    aws.ecs.on(DescribeTaskDefinitionCommand).callsFake(() => {
      const latest = revisions.at(-1);
      if (latest === undefined)
        throw Object.assign(new Error("Unable to describe task definition."), {
          name: "ClientException",
        });
      return { taskDefinition: latest, tags: toLowerTags(env.taskDefinition.tags) };
    });
    aws.ecs.on(RegisterTaskDefinitionCommand).callsFake(() => {
      revisions.push(registeredRevision(revisions.length + 1));
      throw lostReply();
    });
    const applied = await provider.apply(createAction(env.taskDefinition), resolve);
    expect(applied).toEqual({ key: env.taskDefinition.key, id: taskDefinitionArn(family, 1) });
    expect(revisions).toHaveLength(1);
    expect(aws.ecs).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 1);
  });

  it("RegisterTaskDefinition whose request never arrived: nothing is found, so it is registered again", async () => {
    const revisions: TaskDefinition[] = [];
    let dropped = false;
    aws.ecs.on(DescribeTaskDefinitionCommand).callsFake(() => {
      const latest = revisions.at(-1);
      if (latest === undefined)
        throw Object.assign(new Error("Unable to describe task definition."), {
          name: "ClientException",
        });
      return { taskDefinition: latest, tags: toLowerTags(env.taskDefinition.tags) };
    });
    aws.ecs.on(RegisterTaskDefinitionCommand).callsFake(() => {
      if (!dropped) {
        dropped = true;
        throw lostReply();
      }
      revisions.push(registeredRevision(revisions.length + 1));
      return { taskDefinition: revisions.at(-1) };
    });
    await provider.apply(createAction(env.taskDefinition), resolve);
    expect(revisions).toHaveLength(1);
    expect(aws.ecs).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 2);
  });

  it("a refusal (4xx) is not retried and not looked up", async () => {
    aws.ecs.on(DescribeTaskDefinitionCommand).rejects(
      Object.assign(new Error("Unable to describe task definition."), {
        name: "ClientException",
      }),
    );
    aws.ecs.on(RegisterTaskDefinitionCommand).rejects(
      Object.assign(new Error("Invalid 'cpu' setting"), {
        name: "ClientException",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(provider.apply(createAction(env.taskDefinition), resolve)).rejects.toThrow(
      /Invalid 'cpu' setting/,
    );
    expect(aws.ecs).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 1);
    expect(aws.ecs).toHaveReceivedCommandTimes(DescribeTaskDefinitionCommand, 1);
  });

  it("CreateSnapshot whose reply is lost: the snapshot it took is found by its key and not taken again", async () => {
    const snapshot = desiredResource(
      "ebs-snapshot",
      "ebs-snapshot:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      { service: env.service.key, description: "paper", trigger: "request" },
    );
    const taken: Snapshot[] = [];
    aws.ec2.on(DescribeSnapshotsCommand).callsFake(() => ({ Snapshots: [...taken] }));
    aws.ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    aws.ec2
      .on(DescribeVolumesCommand)
      .resolves({ Volumes: [{ VolumeId: "vol-0abc", CreateTime: new Date() }] });
    aws.ec2.on(CreateSnapshotCommand).callsFake(() => {
      taken.push({
        SnapshotId: `snap-0${taken.length + 1}`,
        State: "pending",
        Tags: toUpperTags(snapshot.tags),
      });
      throw lostReply();
    });
    const applied = await provider.apply(
      createAction(snapshot),
      (k) => ids.get(k) ?? (k === env.service.key ? "arn:svc" : undefined),
    );
    expect(applied).toEqual({ key: snapshot.key, id: "snap-01" });
    expect(taken).toHaveLength(1);
    expect(aws.ec2).toHaveReceivedCommandTimes(CreateSnapshotCommand, 1);
  });

  it("observe reports duplicate revisions and snapshots, and drift lists each", async () => {
    const family = env.taskDefinition.spec.family;
    const arns = [1, 2, 3].map((r) => taskDefinitionArn(family, r));
    aws.ecs
      .on(ListTaskDefinitionsCommand)
      .resolves({ taskDefinitionArns: arns, nextToken: undefined });
    // Revision 1 is an older spec; 2 and 3 carry the same key and spec hash.
    aws.ecs.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
      const revision = Number(input.taskDefinition.split(":").at(-1));
      const tags = { ...env.taskDefinition.tags };
      if (revision === 1) tags["labenv:spec-hash"] = "older";
      return { taskDefinition: registeredRevision(revision), tags: toLowerTags(tags) };
    });
    const snapshotKey = "ebs-snapshot:genomics-core/rnaseq/paper";
    const snapTags = toUpperTags({
      ...env.service.tags,
      "labenv:resource": snapshotKey,
      "labenv:service": env.service.key,
    });
    aws.ec2.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        { SnapshotId: "snap-0a", State: "completed", StartTime: new Date(1000), Tags: snapTags },
        { SnapshotId: "snap-0b", State: "completed", StartTime: new Date(2000), Tags: snapTags },
      ],
    });
    const observed = await observeIgnoringUnmocked(aws);
    const td = observed.find((r) => r.kind === "task-definition");
    expect(td?.id).toBe(arns[2]);
    expect(td?.duplicates).toEqual([arns[1]]);
    const snap = observed.find((r) => r.kind === "ebs-snapshot");
    expect(snap?.id).toBe("snap-0b");
    expect(snap?.duplicates).toEqual(["snap-0a"]);

    const drift = compareInfrastructure({
      desired: [env.taskDefinition],
      observed,
      applied: {
        resources: [
          {
            key: env.taskDefinition.key,
            kind: "task-definition",
            id: arns[2]!,
            specHash: env.taskDefinition.specHash,
          },
          { key: snapshotKey, kind: "ebs-snapshot", id: "snap-0b", specHash: "x" },
        ],
      },
    });
    expect(drift.filter((d) => d.change === "added").map((d) => d.observed)).toEqual([
      `duplicate ebs-snapshot snap-0a (kept snap-0b)`,
      `duplicate task-definition ${arns[1]} (kept ${arns[2]})`,
    ]);
  });
});

/** Observe of the two kinds whose creates take no token, as the provider runs each driver. */
async function observeIgnoringUnmocked(aws: MockedAws) {
  const ctx = { config: CONFIG, clients: aws.clients, keyOf: () => undefined };
  return [
    ...(await DRIVERS["task-definition"].observe(ctx)),
    ...(await DRIVERS["ebs-snapshot"].observe(ctx)),
  ];
}
