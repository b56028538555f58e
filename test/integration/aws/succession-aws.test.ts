// Issue 16, a succession carried out on `target: aws` from its due date to done, through the CLI
// against moto (ECS, EFS, EC2, S3, DynamoDB); AWS Backup and the container runtime, which moto
// does not run, are played as succession-stand-ins.ts says, and ECS's managed volume of the
// running task is a volume tagged with its service, as ECS tags it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BackupClient, StartBackupJobCommand } from "@aws-sdk/client-backup";
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { exampleGitRepo, git } from "../../e2e/temp-git-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { dynamoClient, REGION, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import { createStateTable, createObjectBucket, enableDnsHostnames } from "./account-setup.js";
import { playBackup, runTasks } from "./succession-stand-ins.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
const servers: Server[] = [];
const backup = mockClient(BackupClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
/** DynamoDB is moto's; `dies` makes the run die instead of one write (killed before it lands). */
let dies: ((input: PutItemCommandInput) => boolean) | undefined;
const dynamoSend = DynamoDBClient.prototype.send;
function passThroughDynamo() {
  DynamoDBClient.prototype.send = function (
    this: DynamoDBClient,
    command: unknown,
    ...rest: never[]
  ) {
    if (command instanceof PutItemCommand && dies?.(command.input)) {
      dies = undefined;
      return Promise.reject(new Error("killed"));
    }
    return (dynamoSend as (...a: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof dynamoSend;
}
afterEach(async () => {
  process.env = { ...saved };
  backup.reset();
  tagging.reset();
  DynamoDBClient.prototype.send = dynamoSend;
  dies = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const BUCKET = "labenv-objects";
const TABLE = "labenv-state";
const VC = "environments/genomics-core/variant-calling/environment.yaml";
const SNAPSHOT = "genomics-core/variant-calling/succession-lwu-graduation";
const HANDOVER = "share-access:genomics-core/succession-lwu-graduation.variant-calling/lwu";

/** The example repository, genomics-core's variant-calling running only, reconciled on AWS (moto). */
async function awsRepository() {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  await enableDnsHostnames(clients, account.subnets);
  await createStateTable(moto.endpoint, TABLE);
  await createObjectBucket(moto.endpoint, BUCKET);
  const dir = exampleGitRepo();
  for (const p of [
    "environments/genomics-core/rnaseq",
    "environments/genomics-core/single-cell",
    "environments/genomics-core/shares",
    "environments/climate-dynamics",
    "environments/ml-vision",
  ])
    rmSync(join(dir, p), { recursive: true });
  const vc = join(dir, VC);
  writeFileSync(vc, readFileSync(vc, "utf8").replace("state: stopped", "state: running"));
  const file = join(dir, "labenv.yaml");
  const aws = [
    "  aws:",
    `    region: ${account.region}`,
    `    cluster: ${account.cluster}`,
    `    endpoint: ${moto.endpoint}`,
    `    fileSystemId: ${account.fileSystemId}`,
    `    subnets: [${account.subnets.join(", ")}]`,
    `    securityGroups: [${account.securityGroups.join(", ")}]`,
    `    infrastructureRoleArn: ${account.ebsRoleArn}`,
    "    backupVaultName: labenv-homes",
    "    backupRoleArn: arn:aws:iam::123456789012:role/labenv-backup",
  ].join("\n");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace("  target: sandbox", "  target: aws")
      .replace(/ {2}aws:\n {4}region: eu-west-1\n {4}cluster: labenv/, aws)
      .replace(
        "  state:\n    store: file\n    directory: .labenv",
        `  state:\n    store: dynamodb\n    table: ${TABLE}`,
      )
      .replace(
        "  objects:\n    store: directory",
        `  objects:\n    store: s3\n    bucket: ${BUCKET}`,
      )
      .replace("    publish: true", "    publish: false"),
  );
  git(dir, "commit", "-qam", "genomics-core/variant-calling on AWS");
  Object.assign(process.env, {
    AWS_REGION: account.region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
  });
  return { clients, account, dir };
}

describe("a succession on target: aws, due to done (moto; AWS Backup mocked)", () => {
  it("snapshot, package, ownership, the predecessor's read-only access point and its revoke, each recorded in DynamoDB, each run going on from the last", async () => {
    const { clients, account, dir } = await awsRepository();
    const points = playBackup(backup, tagging);
    passThroughDynamo();
    const cli = async (today: string, ...args: string[]) => {
      const r = await runCli([...args, "--repo", dir], { today });
      return r;
    };
    const successions = async (today: string) =>
      (
        JSON.parse((await cli(today, "successions", "--json")).stdout) as {
          successions: {
            stage: string;
            next?: string;
            reason?: string;
            done: { step: string; refs: string[]; detail: string; run?: string }[];
            pullRequest?: { number: number };
          }[];
        }
      ).successions[0]!;

    const before = await cli("2026-12-01", "reconcile");
    expect(before.code, before.stdout + before.stderr).toBe(0);
    expect((await successions("2026-12-01")).stage).toBe("not-due");

    // ECS's managed volume of the running task, tagged with its service as ECS tags it.
    await clients.ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${REGION}a`,
        Size: 40,
        TagSpecifications: [
          {
            ResourceType: "volume",
            Tags: [{ Key: "labenv:service", Value: "service:genomics-core/variant-calling" }],
          },
        ],
      }),
    );
    // The running Jupyter's agent reports what it has (as it does every 15 minutes).
    await s3Client(moto.endpoint).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "observations/genomics-core/variant-calling/latest.json",
        Body: JSON.stringify({
          apiVersion: "labenv.westtek.io/v1",
          kind: "Observation",
          metadata: {
            lab: "genomics-core",
            environment: "variant-calling",
            observedAt: "2026-12-31T03:00:00Z",
            source: "agent",
          },
          spec: { python: "3.11.9", packages: [], kernels: [], extensions: [], jupyterConfig: [] },
        }),
      }),
    );

    // Due: the plan takes the volume snapshot and the home's backup; the capture starts the inventory.
    const due = await cli("2026-12-31", "reconcile");
    expect(due.code, due.stdout + due.stderr).toBe(0);
    expect(due.stdout).toContain("before hand-over lwu → ajones");
    expect(points.map((p) => p.tags["labenv:resource"])).toEqual([`backup-job:${SNAPSHOT}`]);
    let s = await successions("2026-12-31");
    expect(s).toMatchObject({ stage: "waiting", next: "snapshot" });
    expect(s.reason).toMatch(/started the home-inventory task arn:aws:ecs:/);

    // The container runtime runs the inventory task with the real agent over the home's files.
    const home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    writeFileSync(join(home, "qc.ipynb"), '{"cells": [], "nbformat": 4}\n');
    const ran = await runTasks(clients, account.cluster, home, moto.endpoint, servers);
    expect(ran.map((r) => [r.command.slice(2, 4), r.status, r.stderr])).toEqual([
      [["--home-inventory", "/home/jovyan"], 0, ""],
    ]);

    // The next run writes the manifest, the hand-over package, and opens the ownership pull request.
    const captured = await cli("2026-12-31", "reconcile");
    expect(captured.code, captured.stdout + captured.stderr).toBe(0);
    s = await successions("2026-12-31");
    expect(s).toMatchObject({ stage: "waiting", next: "ownership" });
    expect(s.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
    expect(s.done[0]!.refs).toEqual([SNAPSHOT]);
    const pkg = await s3Client(moto.endpoint).send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `snapshots/${SNAPSHOT}/REPRODUCING.md` }),
    );
    const text = await pkg.Body!.transformToString();
    expect(text).toContain("# Reproducing genomics-core/variant-calling");
    expect(text).toContain("| qc.ipynb | 29 |");
    const pr = s.pullRequest!.number;

    // Merged: the next run creates the view environment and the predecessor's access point —
    // and is killed as it records the access step.
    expect((await cli("2026-12-31", "prs", "merge", String(pr))).code).toBe(0);
    dies = (input) =>
      input.Item?.pk?.S === "succession" && (input.Item.body?.S ?? "").includes('"step":"access"');
    const merged = await cli("2026-12-31", "reconcile");
    expect(dies).toBeUndefined();
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain("killed");
    // The apply had created it: the access point is in the account, the step is not recorded.
    const made = (
      await clients.efs.send(
        new DescribeAccessPointsCommand({ FileSystemId: account.fileSystemId }),
      )
    ).AccessPoints!.filter((a) => a.Tags?.some((t) => t.Value === HANDOVER));
    expect(made).toHaveLength(1);
    s = await successions("2026-12-31");
    expect(s.done.map((d) => d.step)).toEqual(["snapshot", "package", "ownership"]);
    // The next run finds the access point in the account, and records it with the run that made it.
    const resumed = await cli("2026-12-31", "reconcile");
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).not.toContain("+ grant share");
    s = await successions("2026-12-31");
    expect(s).toMatchObject({ stage: "waiting", next: "revoke" });
    expect(s.done.map((d) => d.step)).toEqual(["snapshot", "package", "ownership", "access"]);
    const [accessPoint] = s.done[3]!.refs;
    expect(accessPoint).toBe(made[0]!.AccessPointId);
    const points2 = (
      await clients.efs.send(
        new DescribeAccessPointsCommand({ FileSystemId: account.fileSystemId }),
      )
    ).AccessPoints!;
    const granted = points2.find((a) => a.AccessPointId === accessPoint)!;
    const homePoint = points2.find((a) =>
      a.Tags?.some(
        (t) =>
          t.Key === "labenv:resource" &&
          t.Value === "access-point:genomics-core/variant-calling/home",
      ),
    )!;
    expect(granted.Tags).toContainEqual({ Key: "labenv:resource", Value: HANDOVER });
    // As `nobody` with the lab's gid onto the home, never creating it: EFS lets it read, not write.
    expect(granted.PosixUser).toMatchObject({ Uid: 65534, Gid: 20000 });
    expect(granted.RootDirectory?.Path).toBe("/labs/genomics-core/environments/variant-calling");
    expect(granted.RootDirectory?.CreationInfo).toBeUndefined();
    // The home keeps the uid that created it: the successor reads and writes every file.
    expect(homePoint.PosixUser?.Uid).toBe(20004); // lwu's uid, as the home was created
    expect(await mountsOf("labenv-genomics-core-lwu-handover")).toEqual([
      { containerPath: "/handover/genomics-core/variant-calling", readOnly: true, accessPoint },
    ]);
    expect(await mountsOf("labenv-genomics-core-variant-calling")).toEqual([]);

    // The day after the last day: revoked, the mount dropped, the succession done.
    const after = await cli("2027-03-02", "reconcile");
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toContain(
      "- revoke share genomics-core/succession-lwu-graduation.variant-calling: it expired on 2027-03-01",
    );
    s = await successions("2027-03-02");
    expect(s.stage).toBe("done");
    expect(s.done.map((d) => d.step)).toEqual([
      "snapshot",
      "package",
      "ownership",
      "access",
      "revoke",
    ]);
    expect(s.done[4]!.refs).toEqual([accessPoint]);
    expect(s.done[4]!.run).toBeDefined();
    expect(s.done[4]!.run).not.toBe(s.done[3]!.run);
    const left = (
      await clients.efs.send(
        new DescribeAccessPointsCommand({ FileSystemId: account.fileSystemId }),
      )
    ).AccessPoints!;
    expect(left.some((a) => a.AccessPointId === accessPoint)).toBe(false);
    expect(left.some((a) => a.AccessPointId === homePoint.AccessPointId)).toBe(true);
    expect(await mountsOf("labenv-genomics-core-lwu-handover")).toEqual([]);
    // The record is DynamoDB's.
    const item = await dynamoClient(moto.endpoint).send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { pk: { S: "succession" }, sk: { S: "genomics-core/lwu-graduation" } },
      }),
    );
    expect(JSON.stringify(item.Item)).toContain('\\"step\\":\\"revoke\\"');
    // Backup was asked once for the home: nothing taken twice across the runs.
    expect(backup.commandCalls(StartBackupJobCommand)).toHaveLength(1);

    /** The active task definition of a service: its mounts of the hand-over access point. */
    async function mountsOf(service: string) {
      const svc = (
        await clients.ecs.send(
          new DescribeServicesCommand({ cluster: account.cluster, services: [service] }),
        )
      ).services![0]!;
      const td = (
        await clients.ecs.send(
          new DescribeTaskDefinitionCommand({ taskDefinition: svc.taskDefinition }),
        )
      ).taskDefinition!;
      return td
        .containerDefinitions![0]!.mountPoints!.map((m) => ({
          containerPath: m.containerPath,
          readOnly: m.readOnly === true,
          accessPoint: td.volumes!.find((v) => v.name === m.sourceVolume)?.efsVolumeConfiguration
            ?.authorizationConfig?.accessPointId,
        }))
        .filter((m) => m.containerPath!.startsWith("/handover/"));
    }
  }, 240_000);
});
