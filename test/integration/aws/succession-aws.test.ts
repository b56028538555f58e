// Issue 16, a succession carried out on `target: aws` from its due date to done, through the CLI
// against moto (ECS, EFS, EC2, S3, DynamoDB), with AWS Backup played by aws-sdk-client-mock (moto
// runs no Backup jobs): a started job's recovery point is what the mock was asked to create,
// tags included, and the Resource Groups Tagging API lists it beside moto's own answers. The
// test plays the two things moto does not run: ECS's managed volume of the running task (a
// volume tagged with its service, as ECS tags it) and the container runtime, which runs each
// task ECS was asked to start with the real agent over a local directory as its home mount.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BackupClient,
  DescribeRecoveryPointCommand,
  StartBackupJobCommand,
} from "@aws-sdk/client-backup";
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import {
  CreateVolumeCommand,
  DescribeSubnetsCommand,
  ModifyVpcAttributeCommand,
} from "@aws-sdk/client-ec2";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  type GetResourcesCommandInput,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { repoRoot } from "../../helpers/example-repo.js";
import { exampleGitRepo, git } from "../../e2e/temp-git-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { dynamoClient, REGION, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
const servers: Server[] = [];
const realTaggingSend = ResourceGroupsTaggingAPIClient.prototype.send;
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

/** AWS Backup as the mock plays it: each started job leaves a recovery point with the tags it was given. */
function playBackup() {
  const points: { arn: string; tags: Record<string, string> }[] = [];
  backup
    .on(StartBackupJobCommand)
    .callsFake((input: { RecoveryPointTags?: Record<string, string> }) => {
      const arn = `arn:aws:backup:${REGION}:123456789012:recovery-point:rp-${points.length + 1}`;
      points.push({ arn, tags: input.RecoveryPointTags ?? {} });
      return { BackupJobId: `job-${points.length}`, RecoveryPointArn: arn };
    });
  backup.on(DescribeRecoveryPointCommand).callsFake(() => ({
    Status: "COMPLETED",
    CreationDate: new Date(Date.now() - 60_000),
  }));
  // The tagging API lists them; everything else is moto's answer.
  tagging.on(GetResourcesCommand).callsFake(async (input: GetResourcesCommandInput, getClient) => {
    if (input.ResourceTypeFilters?.includes("backup:recovery-point")) {
      const filter = input.TagFilters?.[0];
      return {
        ResourceTagMappingList: points
          .filter(
            (p) =>
              !filter?.Key ||
              (filter.Key in p.tags &&
                (!filter.Values || filter.Values.includes(p.tags[filter.Key]!))),
          )
          .map((p) => ({
            ResourceARN: p.arn,
            Tags: Object.entries(p.tags).map(([Key, Value]) => ({ Key, Value })),
          })),
      };
    }
    return (realTaggingSend as (command: GetResourcesCommand) => Promise<unknown>).call(
      getClient(),
      new GetResourcesCommand(input),
    );
  });
  return points;
}

/** The example repository, genomics-core's variant-calling running only, reconciled on AWS (moto). */
async function awsRepository() {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  // infra/'s VPC resolves task addresses to names (moto's RunTask needs it too).
  const subnet = await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: account.subnets }));
  await clients.ec2.send(
    new ModifyVpcAttributeCommand({
      VpcId: subnet.Subnets![0]!.VpcId,
      EnableDnsHostnames: { Value: true },
    }),
  );
  await dynamoClient(moto.endpoint).send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
  await s3Client(moto.endpoint).send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
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

async function listen(handler: () => unknown): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(handler()));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function run(command: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe("a succession on target: aws, due to done (moto; AWS Backup mocked)", () => {
  it("snapshot, package, ownership, the predecessor's read-only access point and its revoke, each recorded in DynamoDB, each run going on from the last", async () => {
    const { clients, account, dir } = await awsRepository();
    const points = playBackup();
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
    const ran = await runTasks(home);
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

    /** The container runtime: runs every task moto holds as its definition and overrides say, then stops it. */
    async function runTasks(homeDir: string) {
      const credentials = await listen(() => ({
        AccessKeyId: "ASIATASKROLE",
        SecretAccessKey: "task-role-secret",
        Token: "session-token",
        Expiration: "2099-01-01T00:00:00Z",
      }));
      const listed = await clients.ecs.send(new ListTasksCommand({ cluster: account.cluster }));
      const tasks =
        (
          await clients.ecs.send(
            new DescribeTasksCommand({ cluster: account.cluster, tasks: listed.taskArns }),
          )
        ).tasks ?? [];
      const out = [];
      for (const task of tasks.filter((t) => t.lastStatus !== "STOPPED")) {
        const td = (
          await clients.ecs.send(
            new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
          )
        ).taskDefinition!;
        const container = td.containerDefinitions!.find((c) => c.name === "jupyter")!;
        const command = task.overrides!.containerOverrides!.find(
          (c) => c.name === "jupyter",
        )!.command!;
        const mount = container.mountPoints!.find((m) => m.sourceVolume === "home")!.containerPath!;
        const local = command.map((a) =>
          a === "/opt/labenv/agent/observe.py"
            ? join(repoRoot, "reconciler/agent/observe.py")
            : a === mount
              ? homeDir
              : a,
        );
        const metadata = await listen(() => ({ TaskARN: task.taskArn }));
        const env = Object.fromEntries(
          (container.environment ?? []).map((e) => [e.name!, e.value!]),
        );
        const r = await run(local, {
          ...env,
          PATH: process.env.PATH ?? "",
          AWS_CONTAINER_CREDENTIALS_FULL_URI: `${credentials}/v2/credentials/task`,
          ECS_CONTAINER_METADATA_URI_V4: metadata,
          LABENV_S3_ENDPOINT: moto.endpoint,
        });
        await clients.ecs.send(
          new StopTaskCommand({ cluster: account.cluster, task: task.taskArn, reason: "exited" }),
        );
        out.push({ command, ...r });
      }
      return out;
    }
  }, 240_000);
});
