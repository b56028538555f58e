// The drill task on AWS, call by call (aws-sdk-client-mock; moto drops volumeConfigurations): a
// drill task definition of the snapshot's image made from the environment's own (no home, no
// datasets, no authorizer), RunTask with /opt/jupyter created from the snapshot's EBS snapshot by
// the ECS infrastructure role and deleted with the task, the agent once as the command.
import "aws-sdk-client-mock-vitest/extend";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AwsDrillRunner,
  drillInFlight,
  drillTaskObjects,
} from "../../../reconciler/adapters/aws/drill-runner.js";
import { drillFamily } from "../../../reconciler/adapters/aws/drill-task-definition.js";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { environmentResources } from "./fixtures/environment-resources.js";
import { ACCOUNT, CONFIG, REGION, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const ENV = "genomics-core/rnaseq";
const TD = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/labenv-genomics-core-rnaseq:3`;
const DRILL_TD = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/labenvdrill-genomics-core-rnaseq:1`;
const TASK = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/labenv/0f1e2d3c4b5a69788796a5b4c3d2e1f0`;
const CURRENT = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/labenv/genomics-core@sha256:${"c".repeat(64)}`;
const SNAPSHOT_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/labenv/genomics-core@sha256:${"5".repeat(64)}`;
const SNAP = "snap-0123456789abcdef0";

function observed(): ObservedResource[] {
  const r = environmentResources({
    lab: "genomics-core",
    env: "rnaseq",
    uid: 10001,
    gid: 5001,
    subnets: ["subnet-0ccc"],
    securityGroups: ["sg-0env"],
  });
  return [
    { ...r.taskDefinition, id: TD },
    {
      ...r.service,
      id: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/labenv/labenv-genomics-core-rnaseq`,
    },
  ] as ObservedResource[];
}

/** The environment's registered task definition, with its home, a dataset and the authorizer. */
const environmentTaskDefinition = {
  taskDefinitionArn: TD,
  family: "labenv-genomics-core-rnaseq",
  cpu: "1024",
  memory: "4096",
  taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/labenv/environments/labenv-genomics-core-rnaseq`,
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/labenv-execution`,
  containerDefinitions: [
    {
      name: "jupyter",
      image: CURRENT,
      memory: 3968,
      environment: [
        { name: "LABENV_IMAGE", value: CURRENT },
        { name: "LABENV_OBSERVATION_BUCKET", value: "labenv-objects" },
      ],
      mountPoints: [
        { sourceVolume: "home", containerPath: "/home/jovyan" },
        { sourceVolume: "jupyter", containerPath: "/opt/jupyter" },
        { sourceVolume: "dataset-1", containerPath: "/data/ref" },
      ],
    },
    { name: "authorizer", image: "authorizer@sha256:" + "a".repeat(64), memory: 128 },
  ],
  volumes: [
    { name: "home", efsVolumeConfiguration: { fileSystemId: "fs-1" } },
    { name: "jupyter", configuredAtLaunch: true },
    { name: "dataset-1", efsVolumeConfiguration: { fileSystemId: "fs-1" } },
  ],
};

describe("the drill task on AWS (call shapes)", () => {
  let aws: MockedAws;
  let objects: DirectoryObjectStore;
  let later: Date;
  const now = () => later;

  beforeEach(() => {
    later = new Date("2026-12-07T10:00:00Z");
    aws = mockedAws();
    objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-drill-")));
    aws.ecs
      .on(DescribeTaskDefinitionCommand, { taskDefinition: TD })
      .resolves({ taskDefinition: environmentTaskDefinition });
    aws.ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: drillFamily(ENV) }).rejects(
      Object.assign(new Error("Unable to describe task definition."), {
        name: "ClientException",
      }),
    );
    aws.ecs
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { taskDefinitionArn: DRILL_TD } });
    aws.ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }] });
    // No drill revision is left ACTIVE to retire (drill-aws.test.ts retires them against moto).
    aws.ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
    aws.ecs
      .on(DescribeTasksCommand)
      .resolves({ tasks: [{ taskArn: TASK, lastStatus: "PROVISIONING" }] });
  });

  const runner = (config = CONFIG) =>
    new AwsDrillRunner(config, aws.clients, objects, observed(), now);

  it("registers the snapshot's image without the home, datasets or authorizer, and runs it with /opt/jupyter from the snapshot", async () => {
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toMatchObject({
      pending: expect.any(String),
    });
    const registered = aws.ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input;
    expect(registered).toMatchObject({
      family: "labenvdrill-genomics-core-rnaseq",
      taskRoleArn: environmentTaskDefinition.taskRoleArn,
      executionRoleArn: environmentTaskDefinition.executionRoleArn,
      volumes: [{ name: "jupyter", configuredAtLaunch: true }],
    });
    expect(registered.containerDefinitions).toHaveLength(1);
    expect(registered.containerDefinitions![0]).toMatchObject({
      name: "jupyter",
      image: SNAPSHOT_IMAGE,
      mountPoints: [{ sourceVolume: "jupyter", containerPath: "/opt/jupyter", readOnly: false }],
      environment: [
        { name: "LABENV_IMAGE", value: SNAPSHOT_IMAGE },
        { name: "LABENV_OBSERVATION_BUCKET", value: "labenv-objects" },
      ],
    });
    expect(aws.ecs).toHaveReceivedCommandWith(RunTaskCommand, {
      taskDefinition: DRILL_TD,
      launchType: "FARGATE",
      startedBy: "labenv-drill",
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ["subnet-0ccc"],
          securityGroups: ["sg-0env"],
          assignPublicIp: "DISABLED",
        },
      },
      volumeConfigurations: [
        {
          name: "jupyter",
          managedEBSVolume: expect.objectContaining({
            snapshotId: SNAP,
            roleArn: CONFIG.ebsRoleArn,
            terminationPolicy: { deleteOnTermination: true },
          }),
        },
      ],
    });
    const override =
      aws.ecs.commandCalls(RunTaskCommand)[0]!.args[0].input.overrides!.containerOverrides![0]!;
    expect(override.environment).toEqual([{ name: "LABENV_AGENT_INTERVAL_MINUTES", value: "" }]);
    expect(override.command!.slice(0, 2)).toEqual(["python3", "/opt/labenv/agent/observe.py"]);
  });

  it("a later run follows the same task: no second RunTask while it runs", async () => {
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 1);
  });

  it("reuses the drill family's revision when it already runs this image", async () => {
    aws.ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: drillFamily(ENV) }).resolves({
      taskDefinition: {
        taskDefinitionArn: DRILL_TD,
        status: "ACTIVE",
        taskRoleArn: environmentTaskDefinition.taskRoleArn,
        executionRoleArn: environmentTaskDefinition.executionRoleArn,
        containerDefinitions: [
          {
            name: "jupyter",
            image: SNAPSHOT_IMAGE,
            environment: [
              { name: "LABENV_IMAGE", value: SNAPSHOT_IMAGE },
              { name: "LABENV_OBSERVATION_BUCKET", value: "labenv-objects" },
            ],
          },
        ],
      },
    });
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    expect(aws.ecs).toHaveReceivedCommandTimes(RegisterTaskDefinitionCommand, 0);
    expect(aws.ecs).toHaveReceivedCommandWith(RunTaskCommand, { taskDefinition: DRILL_TD });
  });

  it("a stopped task's report is read with when ECS says it stopped, kept while the drill's home half runs, and forgotten once the drill is recorded", async () => {
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    const stoppedAt = new Date("2026-12-07T10:02:00Z");
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: TASK,
          lastStatus: "STOPPED",
          stoppedAt,
          containers: [{ name: "jupyter", exitCode: 0 }],
        },
      ],
    });
    const key =
      aws.ecs.commandCalls(RunTaskCommand)[0]!.args[0].input.overrides!.containerOverrides![0]!
        .command![7]!;
    await objects.put(
      key,
      JSON.stringify({
        kind: "Observation",
        metadata: { lab: "genomics-core", environment: "rnaseq" },
        spec: { packages: [] },
      }),
    );
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toMatchObject({
      startedAt: now(),
      stoppedAt,
    });
    // While the home half runs, a later run reads the same task's report again.
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toMatchObject({ stoppedAt });
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 1);
    // Once the drill is recorded, the next drill starts a new task.
    await runner().finished(ENV);
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 2);
  });

  it("without the ECS infrastructure role nothing is started and the drill says what to set", async () => {
    const { ebsRoleArn: _none, ...withoutRole } = CONFIG;
    expect(await runner(withoutRole).scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toEqual({
      problem: expect.stringContaining("aws.infrastructureRoleArn"),
    });
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 0);
  });

  it("tags the task, its volume and its task definition as every one-off task is (labenv:purpose drill)", async () => {
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    const tags = [
      { key: "labenv:lab", value: "genomics-core" },
      { key: "labenv:environment", value: ENV },
      { key: "labenv:purpose", value: "drill" },
    ];
    const run = aws.ecs.commandCalls(RunTaskCommand)[0]!.args[0].input;
    expect(run.tags).toEqual(tags);
    expect(run.volumeConfigurations![0]!.managedEBSVolume!.tagSpecifications).toEqual([
      { resourceType: "volume", tags, propagateTags: "NONE" },
    ]);
    expect(aws.ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input.tags).toEqual(
      tags,
    );
  });

  it("a drill task ECS lost before its agent wrote anything is started again, three times at most", async () => {
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    aws.ecs.on(DescribeTasksCommand).resolves({ tasks: [] });
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      const TASK_N = `${TASK}-${attempt}`;
      aws.ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK_N }] });
      later = new Date(later.getTime() + 60_000);
      expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toEqual({
        pending: `waiting for the drill task ${TASK_N} (just started); a later run goes on`,
      });
    }
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toEqual({
      problem: expect.stringMatching(
        /^ECS lost the drill task \S+-3 before it wrote observations\/genomics-core\/rnaseq\/drills\/\S+\.json, 3 times$/,
      ),
    });
    const tokens = aws.ecs.commandCalls(RunTaskCommand).map((c) => c.args[0].input.clientToken);
    expect(new Set(tokens).size).toBe(3);
  });

  it("a drill task still running after 30 minutes is stopped in ECS and the drill fails saying so", async () => {
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    aws.ecs.on(StopTaskCommand).resolves({ task: { taskArn: TASK, lastStatus: "STOPPED" } });
    later = new Date("2026-12-07T10:31:00Z");
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toEqual({
      problem: `the drill task ${TASK} had not stopped in 30 minutes (PROVISIONING); it was stopped`,
    });
    expect(aws.ecs).toHaveReceivedCommandWith(StopTaskCommand, {
      task: TASK,
      reason: "labenv: the drill task had not stopped in 30 minutes",
    });
    expect(await drillInFlight(objects, ENV)).toBe(false);
  });

  it("a drill is in flight only while its task record is one (a record that merely mentions a task is not)", async () => {
    expect(await drillInFlight(objects, ENV)).toBe(false);
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    expect(await drillInFlight(objects, ENV)).toBe(true);
    await runner().finished(ENV);
    expect(await drillInFlight(objects, ENV)).toBe(false);
    await objects.put(drillTaskObjects.task(ENV), JSON.stringify({ note: 'no "taskArn" here' }));
    expect(await drillInFlight(objects, ENV)).toBe(false);
  });

  it("the drill task's time is what ECS reports (created to stopped), kept once read: a run after ECS forgot the task still has it", async () => {
    await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP);
    const createdAt = new Date("2026-12-07T10:00:05Z");
    const stoppedAt = new Date("2026-12-07T10:02:00Z");
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: TASK,
          lastStatus: "STOPPED",
          createdAt,
          startedAt: new Date("2026-12-07T10:01:00Z"),
          stoppedAt,
          containers: [{ name: "jupyter", exitCode: 0 }],
        },
      ],
    });
    const key =
      aws.ecs.commandCalls(RunTaskCommand)[0]!.args[0].input.overrides!.containerOverrides![0]!
        .command![7]!;
    await objects.put(
      key,
      JSON.stringify({
        kind: "Observation",
        metadata: { lab: "genomics-core", environment: "rnaseq" },
        spec: { packages: [] },
      }),
    );
    later = new Date("2026-12-07T10:30:00Z");
    const ran = { startedAt: createdAt, stoppedAt, reported: true };
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toMatchObject(ran);
    aws.ecs.on(DescribeTasksCommand).resolves({ tasks: [] });
    later = new Date("2026-12-07T14:00:00Z");
    expect(await runner().scratchContainer(ENV, SNAPSHOT_IMAGE, SNAP)).toMatchObject(ran);
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 1);
  });
});
