// A restore drill on AWS against moto (ECS RunTask/DescribeTasks/StopTask, EC2 snapshots, S3),
// AWS Backup mocked (moto runs no Backup jobs). The test plays the container runtime: for each
// task ECS was asked to run it reads what moto recorded — the task definition's image and
// environment, and the command and environment overrides — and runs exactly that command with the
// real agent. The image's interpreter keeps its packages on /opt/jupyter, the volume ECS creates
// from the snapshot's EBS snapshot; moto keeps no volumeConfigurations, so the runtime mounts the
// one EBS snapshot this test made (a local directory of installed distributions), and which
// snapshot the task asked for is checked in drill-runner.test.ts by call shape.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BackupClient, DescribeRecoveryPointCommand } from "@aws-sdk/client-backup";
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSubnetsCommand,
  ModifyVpcAttributeCommand,
} from "@aws-sdk/client-ec2";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { AwsSnapshotSources } from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { AwsDrillRunner } from "../../../reconciler/adapters/aws/drill-runner.js";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import {
  drillObjects,
  latestDrill,
  runDrill,
  type DrillPending,
  type DrillRecord,
} from "../../../reconciler/core/snapshots/drill.js";
import {
  contentRef,
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import {
  environmentResources,
  applyAll,
  createAction,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { repoRoot } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { REGION, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });
const BUCKET = "labenv-objects";
const ENV = "genomics-core/rnaseq";
const ID = `${ENV}/thesis`;
const SNAPSHOT_IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:${"5".repeat(64)}`;
const RP =
  "arn:aws:backup:eu-west-1:123456789012:recovery-point:7d1e0a52-0d1b-4a8e-9d5f-2b7c3e4f5a6b";
const AGENT = join(repoRoot, "reconciler/agent/observe.py");

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(body: unknown): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
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

/** A distribution installed into the volume's site-packages, as pip leaves it. */
function install(volume: string, name: string, version: string): void {
  const info = join(volume, "lib/python3/site-packages", `${name}-${version}.dist-info`);
  mkdirSync(info, { recursive: true });
  writeFileSync(
    join(info, "METADATA"),
    `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
  );
  writeFileSync(join(info, "INSTALLER"), "pip\n");
}

/** Where the image's interpreter finds what is on /opt/jupyter (the runtime's stand-in for the image). */
const imageLayout = (volume: string) => [
  "--site-packages",
  join(volume, "lib/python3/site-packages"),
  "--kernel-dir",
  join(volume, "share/jupyter/kernels"),
  "--labextensions-dir",
  join(volume, "share/jupyter/labextensions"),
  "--config-dir",
  join(volume, "etc/jupyter"),
];

describe("a restore drill on AWS (moto; AWS Backup mocked): the packages half in a throw-away task of the snapshot's image", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let objects: S3ObjectStore;
  let volume: string;
  let volumeSnapshotId: string;
  let clock: Date;
  const backup = mockClient(BackupClient);

  beforeEach(async () => {
    backup.reset();
    clients = { ...testClients(moto.endpoint), backup: new BackupClient({ region: REGION }) };
    config = {
      ...(await createAccountFixtures(clients, moto.endpoint)),
      backupVaultName: "labenv-research",
      ebsRoleArn: "arn:aws:iam::123456789012:role/labenv-ecs-infrastructure",
    };
    const subnet = await clients.ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: config.subnets }),
    );
    await clients.ec2.send(
      new ModifyVpcAttributeCommand({
        VpcId: subnet.Subnets![0]!.VpcId,
        EnableDnsHostnames: { Value: true },
      }),
    );
    const env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 10001,
      gid: 5001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
    });
    Object.assign(env.taskDefinition.spec.environment, {
      LABENV_OBSERVATION_BUCKET: BUCKET,
      AWS_REGION: REGION,
    });
    await applyAll(new AwsProvider(config, clients), env.all.map(createAction));
    await s3Client(moto.endpoint).send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    objects = new S3ObjectStore({ client: s3Client(moto.endpoint), bucket: BUCKET });
    const v = await clients.ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 50 }),
    );
    volumeSnapshotId = (await clients.ec2.send(new CreateSnapshotCommand({ VolumeId: v.VolumeId })))
      .SnapshotId as string;
    backup
      .on(DescribeRecoveryPointCommand)
      .resolves({ Status: "COMPLETED", CreationDate: new Date() });
    // What the EBS snapshot holds: /opt/jupyter with what was installed when it was taken.
    volume = mkdtempSync(join(tmpdir(), "labenv-opt-jupyter-"));
    install(volume, "numpy", "1.26.4");
    install(volume, "requests", "2.32.3");
    clock = new Date("2026-12-07T10:00:00Z");
  });

  /** The observation at capture: the real agent over the volume as it was then. */
  async function captureObservation(): Promise<string> {
    const out = join(volume, "observation-at-capture.json");
    const r = await run(
      [
        "python3",
        AGENT,
        "--lab",
        "genomics-core",
        "--environment",
        "rnaseq",
        "--output",
        out,
        ...imageLayout(volume),
      ],
      { PATH: process.env.PATH ?? "" },
    );
    expect(r.stderr).toBe("");
    return readFileSync(out, "utf8");
  }

  /** A captured snapshot's manifest and objects, as capture writes them on AWS. */
  async function captured(withHome = false): Promise<SnapshotManifest> {
    const observation = await captureObservation();
    const lock = "apiVersion: labenv.westtek.io/v1\nkind: EnvironmentLock\n";
    const inventory = JSON.stringify({
      kind: "HomeInventory",
      spec: { files: [{ path: "analysis.ipynb", size: 3, sha256: "a".repeat(64) }] },
    });
    for (const b of [observation, lock, inventory]) await objects.put(contentRef(b).key, b);
    const manifest: SnapshotManifest = {
      apiVersion: "labenv.westtek.io/v1",
      kind: "SnapshotManifest",
      id: ID,
      request: {
        file: `environments/${ID}.yaml`,
        requestedBy: "ana",
        reason: "thesis",
        include: { packages: true, home: withHome },
      },
      capturedAt: "2026-12-01T00:00:00Z",
      commit: "0".repeat(40),
      provider: "aws eu-west-1 / cluster labenv",
      lock: {
        ...contentRef(lock),
        file: `environments/${ENV}/environment.lock.yaml`,
        digest: `sha256:${"1".repeat(64)}`,
        specDigest: `sha256:${"2".repeat(64)}`,
        domainPack: "genomics@1.0.0",
        image: SNAPSHOT_IMAGE,
      },
      image: SNAPSHOT_IMAGE,
      volume: { snapshotId: volumeSnapshotId, path: "/opt/jupyter" },
      observation: { ...contentRef(observation), observedAt: "2026-12-01T00:00:00Z", packages: 2 },
      ...(withHome
        ? {
            home: {
              backupJobId: "job-1",
              recoveryPointArn: RP,
              path: "/labs/genomics-core/environments/rnaseq",
              fileCount: 1,
              totalBytes: 3,
              files: [{ path: "analysis.ipynb", size: 3, sha256: "a".repeat(64) }],
              inventory: {
                ...contentRef(inventory),
                takenAt: "2026-12-01T00:00:00Z",
                task: "arn:aws:ecs:task/x",
                backupStartedAt: "2026-12-01T00:00:00Z",
              },
            },
          }
        : {}),
    };
    await objects.put(
      snapshotObjects.manifest(ID),
      manifestBytes(manifest).text,
      "application/json",
    );
    return manifest;
  }

  async function drill(manifest: SnapshotManifest): Promise<DrillRecord | DrillPending> {
    const observed = (await new AwsProvider(config, clients).observe()).resources;
    const now = () => clock;
    return runDrill(manifest, {
      objects,
      sources: new AwsSnapshotSources(config, clients, objects, observed, now),
      runner: new AwsDrillRunner(config, clients, objects, observed, now),
      now,
    });
  }

  async function liveTasks() {
    const listed = await clients.ecs.send(new ListTasksCommand({ cluster: config.cluster }));
    const tasks =
      (
        await clients.ecs.send(
          new DescribeTasksCommand({ cluster: config.cluster, tasks: listed.taskArns }),
        )
      ).tasks ?? [];
    return tasks.filter((t) => t.lastStatus !== "STOPPED");
  }

  /** The container runtime: runs every live task as its definition and overrides say, then stops it. */
  async function runTasks() {
    const credentials = await listen({
      AccessKeyId: "ASIATASKROLE",
      SecretAccessKey: "s",
      Token: "t",
      Expiration: "2099-01-01T00:00:00Z",
    });
    const ran = [];
    for (const task of await liveTasks()) {
      const td = (
        await clients.ecs.send(
          new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
        )
      ).taskDefinition!;
      const container = td.containerDefinitions!.find((c) => c.name === "jupyter")!;
      const override = task.overrides!.containerOverrides!.find((c) => c.name === "jupyter")!;
      const env = {
        ...Object.fromEntries((container.environment ?? []).map((e) => [e.name!, e.value!])),
        // The image sets the agent's interval (build-context.ts); the override wins, as in ECS.
        LABENV_AGENT_INTERVAL_MINUTES: "15",
        ...Object.fromEntries((override.environment ?? []).map((e) => [e.name!, e.value!])),
      };
      const command = override.command!.map((a) =>
        a === "/opt/labenv/agent/observe.py" ? AGENT : a,
      );
      const r = await run([...command, ...imageLayout(volume)], {
        ...env,
        PATH: process.env.PATH ?? "",
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `${credentials}/v2/credentials/task`,
        ECS_CONTAINER_METADATA_URI_V4: await listen({ TaskARN: task.taskArn }),
        LABENV_S3_ENDPOINT: moto.endpoint,
      });
      await clients.ecs.send(
        new StopTaskCommand({
          cluster: config.cluster,
          task: task.taskArn,
          reason: "Essential container in task exited",
        }),
      );
      ran.push({
        image: container.image,
        family: td.family,
        mounts: container.mountPoints,
        command: override.command,
        ...r,
      });
    }
    return ran;
  }

  it("starts a task of the snapshot's image by digest (no home mounted), and once its agent reported, records a drill with every package matched", async () => {
    const manifest = await captured();
    const first = await drill(manifest);
    expect(first).toMatchObject({
      pending: expect.stringMatching(/^waiting for the drill task arn:aws:ecs:/),
    });
    expect(await objects.get(drillObjects.latest(ENV))).toBeUndefined();

    clock = new Date("2026-12-07T10:03:00Z");
    const ran = await runTasks();
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({
      image: SNAPSHOT_IMAGE,
      family: "labenvdrill-genomics-core-rnaseq",
      mounts: [{ sourceVolume: "jupyter", containerPath: "/opt/jupyter", readOnly: false }],
      command: [
        "python3",
        "/opt/labenv/agent/observe.py",
        "--lab",
        "genomics-core",
        "--environment",
        "rnaseq",
        "--s3-key",
        "observations/genomics-core/rnaseq/drills/2026-12-07T100000.000Z.json",
        "--output",
        "/dev/null",
      ],
      status: 0,
      stderr: "",
    });

    const record = (await drill(manifest)) as DrillRecord;
    expect(record).toMatchObject({
      ok: true,
      complete: true,
      snapshot: ID,
      startedAt: "2026-12-07T10:00:00.000Z",
      seconds: 180,
    });
    expect(record.steps.map((s) => [s.step, s.ok, s.detail])).toEqual([
      ["verify", true, "3 objects and 0 files match their checksums"],
      ["container", true, `${SNAPSHOT_IMAGE} started with /opt/jupyter from ${volumeSnapshotId}`],
      ["packages", true, "2/2 packages match the observation at capture"],
    ]);
    expect(await latestDrill(objects, ENV)).toEqual({ record });
    expect(await liveTasks()).toEqual([]);
  });

  it("a volume that no longer holds what was installed fails the drill, naming the package", async () => {
    const manifest = await captured();
    await drill(manifest);
    // The snapshot's volume now holds another requests than the one observed at capture.
    install(volume, "requests", "2.31.0");
    const { rmSync } = await import("node:fs");
    rmSync(join(volume, "lib/python3/site-packages/requests-2.32.3.dist-info"), {
      recursive: true,
    });
    await runTasks();
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.ok).toBe(false);
    const packages = record.steps.find((s) => s.step === "packages")!;
    expect(packages).toMatchObject({
      ok: false,
      differences: ["requests: 2.32.3 at capture, 2.31.0 now"],
    });
    expect((await latestDrill(objects, ENV)) as { record: DrillRecord }).toMatchObject({
      record: { ok: false },
    });
  });

  it("a task that never stops is stopped after its bound and the drill fails saying so", async () => {
    const manifest = await captured();
    await drill(manifest);
    clock = new Date("2026-12-07T10:20:00Z");
    expect(await drill(manifest)).toMatchObject({
      pending: expect.stringContaining("waiting for the drill task"),
    });
    expect(await liveTasks()).toHaveLength(1);
    clock = new Date("2026-12-07T10:31:00Z");
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.ok).toBe(false);
    expect(record.steps.find((s) => s.step === "container")!.detail).toMatch(
      /had not stopped in 30 minutes .*; it was stopped$/,
    );
    expect(await liveTasks()).toEqual([]);
  });

  it("a task that stopped without reporting fails the drill with why it stopped", async () => {
    const manifest = await captured();
    await drill(manifest);
    for (const t of await liveTasks())
      await clients.ecs.send(
        new StopTaskCommand({
          cluster: config.cluster,
          task: t.taskArn,
          reason: "CannotPullContainerError: image not found",
        }),
      );
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.ok).toBe(false);
    expect(record.steps.find((s) => s.step === "container")!.detail).toMatch(
      /stopped: CannotPullContainerError: image not found.*without writing observations\/genomics-core\/rnaseq\/drills\//,
    );
  });

  it("a snapshot with a home is recorded as a partial drill: the home is not drilled on AWS yet, never a full pass", async () => {
    const manifest = await captured(true);
    await drill(manifest);
    await runTasks();
    const record = (await drill(manifest)) as DrillRecord;
    expect(record).toMatchObject({ ok: true, complete: false });
    expect(record.steps.find((s) => s.step === "home")).toMatchObject({
      ok: false,
      notDrilled: true,
      detail: expect.stringMatching(/^not drilled on AWS yet/),
    });
    expect(await latestDrill(objects, ENV)).toMatchObject({ record: { complete: false } });
  });
});
