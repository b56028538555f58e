// The home's inventory on AWS, call by call (aws-sdk-client-mock): the capture starts a one-off
// task of the environment's own task definition with the agent as the Jupyter container's
// command, remembers it, waits for it across runs, reads what it wrote, and says by name why a
// task that failed wrote nothing.
import "aws-sdk-client-mock-vitest/extend";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeRecoveryPointCommand } from "@aws-sdk/client-backup";
import { DescribeTasksCommand, RunTaskCommand, StopTaskCommand } from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AwsSnapshotSources,
  captureObjects,
} from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import { clientToken } from "../../../reconciler/adapters/aws/client-token.js";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { inventoryKey } from "../../../reconciler/core/snapshots/home-inventory.js";
import type { CapturePoint } from "../../../reconciler/ports/snapshot-sources.js";
import { environmentResources } from "./fixtures/environment-resources.js";
import { ACCOUNT, CONFIG, REGION, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const ID = "genomics-core/rnaseq/thesis";
const TD = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/labenv-genomics-core-rnaseq:3`;
const TASK = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/labenv/0f1e2d3c4b5a69788796a5b4c3d2e1f0`;
const RP = `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`;
const POINT: CapturePoint = {
  id: ID,
  environment: "genomics-core/rnaseq",
  path: "/labs/genomics-core/environments/rnaseq",
  recoveryPointArn: RP,
  volumeSnapshotId: "snap-0123456789abcdef0",
};
const SHA = (c: string) => c.repeat(64);

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
    { ...r.taskDefinition, id: TD, tags: r.taskDefinition.tags },
    {
      ...r.service,
      id: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/labenv/labenv-genomics-core-rnaseq`,
      tags: r.service.tags,
    },
  ] as ObservedResource[];
}

function inventory(task: string, files: { path: string; modifiedAt: string }[]) {
  return JSON.stringify({
    apiVersion: "labenv.westtek.io/v1",
    kind: "HomeInventory",
    metadata: {
      lab: "genomics-core",
      environment: "rnaseq",
      snapshot: "thesis",
      at: "2026-12-07T03:20:00.000Z",
      task,
      host: "ip-10-0-1-5",
    },
    spec: {
      root: "/home/jovyan",
      fileCount: files.length,
      totalBytes: 10 * files.length,
      files: files.map((f, i) => ({ ...f, size: 10, sha256: SHA(String(i + 1)) })),
      skipped: [],
      unsettled: [],
    },
  });
}

describe("the home-inventory task (aws-sdk-client-mock)", () => {
  let aws: MockedAws;
  let objects: DirectoryObjectStore;
  let now: Date;
  let sources: AwsSnapshotSources;

  beforeEach(() => {
    aws = mockedAws();
    objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    now = new Date("2026-12-07T03:10:00Z");
    sources = new AwsSnapshotSources(CONFIG, aws.clients, objects, observed(), () => now);
    aws.ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }], failures: [] });
    aws.backup.on(DescribeRecoveryPointCommand).resolves({
      Status: "COMPLETED",
      CreationDate: new Date("2026-12-07T03:00:00Z"),
    });
  });

  it("runs the environment's own task definition with the agent over the home, /opt/jupyter from the capture's snapshot, idempotent by its client token", async () => {
    const first = await sources.captureHome(POINT);
    expect(first).toEqual({
      state: "pending",
      reason: `started the home-inventory task ${TASK}; a later run reads what it writes`,
    });
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 1);
    expect(aws.ecs).toHaveReceivedCommandWith(RunTaskCommand, {
      cluster: "labenv",
      taskDefinition: TD,
      launchType: "FARGATE",
      count: 1,
      clientToken: clientToken("home-inventory:genomics-core/rnaseq", `${RP}#1`),
      startedBy: "labenv-home-inventory",
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ["subnet-0ccc"],
          securityGroups: ["sg-0env"],
          assignPublicIp: "DISABLED",
        },
      },
      overrides: {
        containerOverrides: [
          {
            name: "jupyter",
            command: [
              "python3",
              "/opt/labenv/agent/observe.py",
              "--home-inventory",
              "/home/jovyan",
              "--lab",
              "genomics-core",
              "--environment",
              "rnaseq",
              "--snapshot",
              "thesis",
              "--s3-key",
              "observations/genomics-core/rnaseq/home-inventory/thesis.json",
            ],
          },
        ],
      },
      volumeConfigurations: [
        {
          name: "jupyter",
          managedEBSVolume: expect.objectContaining({
            snapshotId: "snap-0123456789abcdef0",
            roleArn: CONFIG.ebsRoleArn,
            terminationPolicy: { deleteOnTermination: true },
          }),
        },
      ],
      tags: expect.arrayContaining([{ key: "labenv:lab", value: "genomics-core" }]),
    });
    // The task is remembered: the next run asks about it and starts no second one.
    expect(JSON.parse(String(await objects.get(captureObjects.inventoryTask(ID))))).toMatchObject({
      taskArn: TASK,
      attempt: 1,
      recoveryPointArn: RP,
    });
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [{ taskArn: TASK, lastStatus: "RUNNING", taskDefinitionArn: TD }],
    });
    expect(await sources.captureHome(POINT)).toEqual({
      state: "pending",
      reason: `waiting for the home-inventory task ${TASK} (RUNNING)`,
    });
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 1);
    expect(aws.ecs).toHaveReceivedCommandWith(DescribeTasksCommand, {
      cluster: "labenv",
      tasks: [TASK],
    });
  });

  it("reads the inventory the task wrote once it stopped, naming files modified after the backup began", async () => {
    await sources.captureHome(POINT);
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: TASK,
          lastStatus: "STOPPED",
          taskDefinitionArn: TD,
          containers: [{ name: "jupyter", exitCode: 0 }],
        },
      ],
    });
    await objects.put(
      inventoryKey(ID),
      inventory(TASK, [
        { path: "analysis.ipynb", modifiedAt: "2026-12-06T18:00:00.000Z" },
        { path: "results/live.csv", modifiedAt: "2026-12-07T03:05:00.000Z" },
      ]),
    );
    const done = await sources.captureHome(POINT);
    expect(done.state).toBe("done");
    if (done.state !== "done") return;
    expect(done.files.map((f) => [f.path, f.sha256])).toEqual([
      ["analysis.ipynb", SHA("1")],
      ["results/live.csv", SHA("2")],
    ]);
    expect(done.inventory).toMatchObject({
      task: TASK,
      takenAt: "2026-12-07T03:20:00.000Z",
      backupStartedAt: "2026-12-07T03:00:00.000Z",
      changedSinceBackup: ["results/live.csv"],
    });
  });

  it("a task that failed is reported by name, with why it stopped and its exit code", async () => {
    await sources.captureHome(POINT);
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: TASK,
          lastStatus: "STOPPED",
          taskDefinitionArn: TD,
          stoppedReason: "Essential container in task exited",
          containers: [{ name: "jupyter", exitCode: 2 }],
        },
      ],
    });
    expect(await sources.captureHome(POINT)).toEqual({
      state: "failed",
      reason: `the home-inventory task ${TASK} (labenv-genomics-core-rnaseq:3) stopped: Essential container in task exited; its jupyter container exited 2 (its output is in the environment's log group, stream prefix jupyter), without writing observations/genomics-core/rnaseq/home-inventory/thesis.json`,
    });
  });

  it("an inventory another task wrote is not taken for this one's", async () => {
    await sources.captureHome(POINT);
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [{ taskArn: TASK, lastStatus: "STOPPED", taskDefinitionArn: TD }],
    });
    await objects.put(inventoryKey(ID), inventory(`${TASK}-other`, []));
    const r = await sources.captureHome(POINT);
    expect(r.state).toBe("failed");
    expect(r.state === "failed" && r.reason).toMatch(
      /is not usable: it was written by ".*-other", not by the inventory task/,
    );
  });

  it("a task ECS lost before it wrote anything is started again with a new client token, three times at most", async () => {
    await sources.captureHome(POINT);
    aws.ecs.on(DescribeTasksCommand).resolves({ tasks: [], failures: [{ reason: "MISSING" }] });
    expect((await sources.captureHome(POINT)).state).toBe("pending");
    expect(aws.ecs).toHaveReceivedNthCommandWith(RunTaskCommand, 2, {
      clientToken: clientToken("home-inventory:genomics-core/rnaseq", `${RP}#2`),
    });
    await sources.captureHome(POINT);
    const last = await sources.captureHome(POINT);
    expect(last).toEqual({
      state: "failed",
      reason: `ECS lost the home-inventory task ${TASK} before it wrote observations/genomics-core/rnaseq/home-inventory/thesis.json, 3 times`,
    });
    expect(aws.ecs).toHaveReceivedCommandTimes(RunTaskCommand, 3);
  });

  it("a task still running after six hours is stopped and fails the capture instead of waiting forever", async () => {
    await sources.captureHome(POINT);
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [{ taskArn: TASK, lastStatus: "PENDING", taskDefinitionArn: TD }],
    });
    aws.ecs.on(StopTaskCommand).resolves({ task: { taskArn: TASK, lastStatus: "STOPPED" } });
    now = new Date("2026-12-07T09:00:00Z");
    expect(await sources.captureHome(POINT)).toMatchObject({ state: "pending" });
    expect(aws.ecs).toHaveReceivedCommandTimes(StopTaskCommand, 0);
    now = new Date("2026-12-07T09:30:00Z");
    const r = await sources.captureHome(POINT);
    expect(r).toEqual({
      state: "failed",
      reason: `the home-inventory task ${TASK} had not stopped in 6 hours (PENDING); it was stopped`,
    });
    expect(aws.ecs).toHaveReceivedCommandWith(StopTaskCommand, {
      cluster: CONFIG.cluster,
      task: TASK,
      reason: "labenv: the home-inventory task had not stopped in 6 hours",
    });
  });
});
