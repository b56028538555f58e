// A restore drill on AWS against moto (ECS RunTask/DescribeTasks/StopTask, EC2 snapshots, S3),
// AWS Backup mocked (moto runs no Backup jobs). The test plays the container runtime: for each
// task ECS was asked to run it reads what moto recorded — the task definition's image and
// environment, and the command and environment overrides — and runs exactly that command with the
// real agent. The image's interpreter keeps its packages on /opt/jupyter, the volume ECS creates
// from the snapshot's EBS snapshot; moto keeps no volumeConfigurations, so the runtime mounts the
// one EBS snapshot this test made (a local directory of installed distributions), and which
// snapshot the task asked for is checked in drill-runner.test.ts by call shape.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  BackupClient,
  DescribeRecoveryPointCommand,
  DescribeRestoreJobCommand,
  StartRestoreJobCommand,
} from "@aws-sdk/client-backup";
import { CreateSnapshotCommand, CreateVolumeCommand } from "@aws-sdk/client-ec2";
import {
  DescribeTasksCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand, type AccessPointDescription } from "@aws-sdk/client-efs";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { AwsSnapshotSources } from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { AwsDrillRunner, drillTaskObjects } from "../../../reconciler/adapters/aws/drill-runner.js";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import {
  drillObjects,
  drillTimeSentence,
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
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { AGENT, playTasks, runProcess as run } from "./container-runtime.js";
import { REGION, testClients, warmUpMoto } from "./aws-test-clients.js";
import { applyRnaseqWithObjectStore } from "./account-setup.js";

const moto = useMoto({ warmUp: warmUpMoto });
const BUCKET = "labenv-objects";
const ENV = "genomics-core/rnaseq";
const ID = `${ENV}/thesis`;
const SNAPSHOT_IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:${"5".repeat(64)}`;
const RP =
  "arn:aws:backup:eu-west-1:123456789012:recovery-point:7d1e0a52-0d1b-4a8e-9d5f-2b7c3e4f5a6b";
const HOME = "/labs/genomics-core/environments/rnaseq";
const RESTORE_MOVE_ROLE = "arn:aws:iam::123456789012:role/labenv-restore-move";
const sha = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");
const NOTEBOOK = '{"cells": [], "nbformat": 4}\n';
const COUNTS = Buffer.alloc(20_000, 7);
const HOME_FILES = [
  { path: "analysis.ipynb", size: NOTEBOOK.length, sha256: sha(NOTEBOOK) },
  { path: "data/counts.bin", size: COUNTS.length, sha256: sha(COUNTS) },
];

function put(root: string, rel: string, data: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), data);
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

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
      backupRoleArn: "arn:aws:iam::123456789012:role/labenv-backup",
      restoreMoveRoleArn: RESTORE_MOVE_ROLE,
    };
    ({ objects } = await applyRnaseqWithObjectStore(moto.endpoint, clients, config, BUCKET));
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
    backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "drill-restore-job-0001" });
    backup
      .on(DescribeRestoreJobCommand)
      .resolves({ Status: "COMPLETED", CreationDate: new Date("2026-12-07T10:00:00Z") });
    // The EFS file system as a task on an access point at its root sees it: the live home in it.
    root = mkdtempSync(join(tmpdir(), "labenv-efs-root-"));
    put(root, `${HOME}/analysis.ipynb`, "the researcher's notebook today\n");
    put(root, `${HOME}/new-results.csv`, "1,2,3\n");
  });

  let root: string;

  /** Every file of the live home with its sum: a drill must leave it exactly so. */
  function liveHome(): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
        else out[`${rel}${e.name}`] = sha(readFileSync(join(dir, e.name)));
      }
    };
    walk(join(root, HOME), "");
    return out;
  }

  /** AWS Backup's item-level restore: the home's path under a new directory off the root. */
  function awsBackupRestores(name: string, files: [string, string | Buffer][]): string {
    for (const [rel, data] of files) put(root, `${name}${HOME}/${rel}`, data);
    return join(root, name);
  }

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
  async function captured(withHome = false, files = HOME_FILES): Promise<SnapshotManifest> {
    const observation = await captureObservation();
    const lock = "apiVersion: labenv.westtek.io/v1\nkind: EnvironmentLock\n";
    const inventory = JSON.stringify({ kind: "HomeInventory", spec: { files } });
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
              path: HOME,
              fileCount: files.length,
              totalBytes: files.reduce((n, f) => n + f.size, 0),
              files,
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
    const accessPoints = new Map<string, AccessPointDescription | undefined>();
    const ran = await playTasks(
      clients,
      config.cluster,
      moto.endpoint,
      servers,
      async (t, command) => {
        const { td, container } = t;
        // A task with the file system root mounted (the home's check) sees it from its access point.
        const mount = container.mountPoints?.find(
          (m) => td.volumes?.find((v) => v.name === m.sourceVolume)?.efsVolumeConfiguration,
        );
        const efs = mount && td.volumes!.find((v) => v.name === mount.sourceVolume)!;
        const accessPoint = efs
          ? (
              await clients.efs.send(
                new DescribeAccessPointsCommand({
                  AccessPointId: efs.efsVolumeConfiguration!.authorizationConfig!.accessPointId,
                }),
              )
            ).AccessPoints![0]!
          : undefined;
        accessPoints.set(t.task.taskArn!, accessPoint);
        const shown = join(root, accessPoint?.RootDirectory?.Path ?? "/");
        const local = command.map((a) =>
          mount && a.startsWith(mount.containerPath!)
            ? join(shown, a.slice(mount.containerPath!.length))
            : a,
        );
        const observing = !local.includes("--restore-check");
        return {
          command: [...local, ...(observing ? imageLayout(volume) : [])],
          // The image sets the agent's interval (build-context.ts); the override wins, as in ECS.
          imageEnvironment: { LABENV_AGENT_INTERVAL_MINUTES: "15" },
        };
      },
    );
    return ran.map((r) => ({
      taskArn: r.task.taskArn,
      image: r.container.image,
      family: r.td.family,
      taskRoleArn: r.td.taskRoleArn,
      accessPoint: accessPoints.get(r.task.taskArn!),
      mounts: r.container.mountPoints,
      command: r.command,
      status: r.status,
      stderr: r.stderr,
    }));
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

  it("once the drill task is read back, the revisions labenv registered for drills of the environment are deregistered; one labenv did not register, or a running task uses, stays", async () => {
    const family = "labenvdrill-genomics-core-rnaseq";
    const register = async (tags: { key: string; value: string }[]) =>
      (
        await clients.ecs.send(
          new RegisterTaskDefinitionCommand({
            family,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: "256",
            memory: "512",
            containerDefinitions: [{ name: "other", image: "busybox", memory: 512 }],
            ...(tags.length > 0 && { tags }),
          }),
        )
      ).taskDefinition!.taskDefinitionArn!;
    const foreign = await register([]);
    const manifest = await captured();
    await drill(manifest);
    clock = new Date("2026-12-07T10:03:00Z");
    await runTasks();
    // An earlier drill's revision that a task still runs (started after the runtime stopped the drill's).
    const inUse = await register([
      { key: "labenv:lab", value: "genomics-core" },
      { key: "labenv:environment", value: ENV },
      { key: "labenv:purpose", value: "drill" },
    ]);
    const running = await clients.ecs.send(
      new RunTaskCommand({
        cluster: config.cluster,
        taskDefinition: inUse,
        launchType: "FARGATE",
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: [...config.subnets],
            securityGroups: [...config.securityGroups],
          },
        },
      }),
    );
    const record = (await drill(manifest)) as DrillRecord;
    expect(record).toMatchObject({ ok: true, complete: true });
    const active = await clients.ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, status: "ACTIVE" }),
    );
    expect([...(active.taskDefinitionArns ?? [])].sort()).toEqual([foreign, inUse].sort());
    await clients.ecs.send(
      new StopTaskCommand({ cluster: config.cluster, task: running.tasks![0]!.taskArn! }),
    );
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

  /** The packages half, then the home's restore job started: the drill waits for it. */
  async function upToTheHomeCheck(manifest: SnapshotManifest) {
    expect(await drill(manifest)).toMatchObject({ pending: expect.stringMatching(/drill task/) });
    expect(await runTasks()).toHaveLength(1);
    expect(await drill(manifest)).toEqual({
      environment: ENV,
      snapshot: ID,
      pending: `started the AWS Backup restore job drill-restore-job-0001 of ${HOME} from ${RP} for the drill`,
    });
  }

  it("a snapshot with a home: its own restore job, then a check task through a root access point made for the drill; every file identical is a full pass, and nothing is left behind or touched", async () => {
    const manifest = await captured(true);
    const before = liveHome();
    await upToTheHomeCheck(manifest);
    // An older job's restore of the same home, and this drill's.
    const older = awsBackupRestores("aws-backup-restore_20261101T090000Z", [
      ["analysis.ipynb", "an older version"],
    ]);
    const mine = awsBackupRestores("aws-backup-restore_20261207T100505Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    expect(await drill(manifest)).toMatchObject({
      pending: expect.stringMatching(
        /^the AWS Backup restore job drill-restore-job-0001 completed; started the restore-check task arn:aws:ecs:/,
      ),
    });
    // Only the check runs now: the packages half's task is not started again.
    const [check, ...more] = await runTasks();
    expect(more).toEqual([]);
    expect([check!.status, check!.stderr]).toEqual([0, ""]);
    expect(check).toMatchObject({
      image: SNAPSHOT_IMAGE,
      family: "restore-check-genomics-core-rnaseq",
      taskRoleArn: RESTORE_MOVE_ROLE,
      accessPoint: { PosixUser: { Uid: 10001, Gid: 5001 }, RootDirectory: { Path: "/" } },
    });
    expect(check!.command.slice(2, 8)).toEqual([
      "--restore-check",
      "/mnt/labenv-root",
      "--path",
      HOME,
      "--after",
      "2026-12-07T10:00:00.000Z",
    ]);
    expect(check!.command).not.toContain("--into");
    // A check of its own: its tags (and so its bound) are a restore-check's, not a move's.
    const checkTask = (
      await clients.ecs.send(
        new DescribeTasksCommand({
          cluster: config.cluster,
          tasks: [check!.taskArn!],
          include: ["TAGS"],
        }),
      )
    ).tasks![0]!;
    expect(checkTask.tags).toContainEqual({ key: "labenv:purpose", value: "restore-check" });

    const record = (await drill(manifest)) as DrillRecord;
    expect(record).toMatchObject({ ok: true, complete: true });
    expect(record.steps.find((s) => s.step === "home")).toEqual({
      step: "home",
      ok: true,
      detail:
        "2/2 files restored identical (into /aws-backup-restore_20261207T100505Z, removed after)",
    });
    expect(await latestDrill(objects, ENV)).toMatchObject({ record: { ok: true, complete: true } });
    // No copy left, the older job's directory and the live home untouched, the access point gone.
    expect(existsSync(mine)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(["aws-backup-restore_20261101T090000Z", "labs"]);
    expect(readFileSync(join(older, HOME, "analysis.ipynb"), "utf8")).toBe("an older version");
    expect(liveHome()).toEqual(before);
    const points = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(
      (points.AccessPoints ?? []).filter(
        (a) => a.AccessPointId === check!.accessPoint!.AccessPointId,
      ),
    ).toEqual([]);
    // Neither the drill task's revision nor the check's is left ACTIVE.
    const active = await clients.ecs.send(new ListTaskDefinitionsCommand({ status: "ACTIVE" }));
    expect(
      (active.taskDefinitionArns ?? []).filter((a) => /labenvdrill-|restore-check-/.test(a)),
    ).toEqual([]);
    const starts = backup.commandCalls(StartRestoreJobCommand);
    expect(starts).toHaveLength(1);
    expect(starts[0]!.args[0].input).toMatchObject({
      RecoveryPointArn: RP,
      ResourceType: "EFS",
      Metadata: { ItemsToRestore: JSON.stringify([HOME]), newFileSystem: "false" },
    });
    // The next drill is a new one: its own restore job token, never this one's.
    clock = new Date("2026-12-14T10:00:00Z");
    await drill(manifest);
    await runTasks();
    await drill(manifest);
    const tokens = backup
      .commandCalls(StartRestoreJobCommand)
      .map((c) => c.args[0].input.IdempotencyToken);
    expect(new Set(tokens).size).toBe(2);
  });

  it("the recorded time is what AWS reports the restore job took, not the waits between the runs that followed it", async () => {
    const manifest = await captured(true);
    backup.on(DescribeRestoreJobCommand).resolves({
      Status: "COMPLETED",
      CreationDate: new Date("2026-12-07T10:03:00Z"),
      CompletionDate: new Date("2026-12-07T10:08:00Z"),
    });
    await drill(manifest);
    clock = new Date("2026-12-07T10:03:00Z");
    await runTasks();
    await drill(manifest);
    // The next run comes two hours later: the job had completed long before.
    clock = new Date("2026-12-07T12:00:00Z");
    awsBackupRestores("aws-backup-restore_20261207T100305Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await drill(manifest);
    await runTasks();
    clock = new Date("2026-12-07T12:01:00Z");
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.ok).toBe(true);
    // moto reports no task times: the tasks are timed by labenv's clock, the job by AWS Backup's.
    expect(record.time).toEqual([
      { part: "task", seconds: 180, reported: false },
      { part: "restore job", seconds: 300, reported: true },
      { part: "check task", seconds: 60, reported: false },
      { part: "checks", seconds: 0, reported: false },
    ]);
    expect(record.seconds).toBe(540);
    expect(drillTimeSentence(record)).toBe(
      "540 s (task 180 s by labenv's clock, restore job 300 s, check task 60 s by labenv's clock, checks 0 s; not the waits between reconciler runs)",
    );
  });

  it("a restore job not completed in six hours fails the drill; the next drill starts none beside it while it runs, and removes what it restored once it completed", async () => {
    const manifest = await captured(true);
    backup
      .on(DescribeRestoreJobCommand)
      .resolves({ Status: "RUNNING", PercentDone: "40%", CreationDate: clock });
    await upToTheHomeCheck(manifest);
    clock = new Date("2026-12-07T15:00:00Z");
    expect(await drill(manifest)).toMatchObject({
      pending:
        "waiting for the drill's AWS Backup restore job drill-restore-job-0001 (RUNNING, 40% done)",
    });
    clock = new Date("2026-12-07T16:01:00Z");
    const failed = (await drill(manifest)) as DrillRecord;
    expect(failed.ok).toBe(false);
    expect(failed.steps.find((s) => s.step === "home")!.detail).toBe(
      `the drill's AWS Backup restore job drill-restore-job-0001 had not completed in 6 hours (RUNNING, 40% done): the drill stopped waiting for it. AWS Backup cannot stop a restore job, so the next drill of ${ENV} first removes what it restored, once it has ended`,
    );

    // A week later the job still runs: no second restore is started beside it.
    clock = new Date("2026-12-14T10:00:00Z");
    await drill(manifest);
    await runTasks();
    const blocked = (await drill(manifest)) as DrillRecord;
    expect(blocked.steps.find((s) => s.step === "home")!.detail).toMatch(
      /^the AWS Backup restore job drill-restore-job-0001 that an earlier drill stopped waiting for still runs \(RUNNING\)/,
    );
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(1);

    // It completed: its copy is removed by a check task, then the drill's own job starts.
    backup.on(DescribeRestoreJobCommand, { RestoreJobId: "drill-restore-job-0001" }).resolves({
      Status: "COMPLETED",
      CreationDate: new Date("2026-12-07T10:00:00Z"),
      CompletionDate: new Date("2026-12-07T18:30:00Z"),
    });
    const stale = awsBackupRestores("aws-backup-restore_20261207T100505Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    // A real restore of the same snapshot into the home, in progress: its copy is never removed.
    const real = awsBackupRestores("aws-backup-restore_20261221T093000Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    clock = new Date("2026-12-21T10:00:00Z");
    await drill(manifest);
    await runTasks();
    expect(await drill(manifest)).toMatchObject({
      pending: expect.stringMatching(
        /^removing what the AWS Backup restore job drill-restore-job-0001 that an earlier drill stopped waiting for restored: .*started the restore-check task/,
      ),
    });
    const [cleanup] = await runTasks();
    expect(cleanup!.command).toContain("--before");
    expect([cleanup!.status, cleanup!.stderr]).toEqual([0, ""]);
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(join(real, HOME, "data/counts.bin")).equals(COUNTS)).toBe(true);
    backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "drill-restore-job-0002" });
    expect(await drill(manifest)).toMatchObject({
      pending: expect.stringMatching(/^started the AWS Backup restore job drill-restore-job-0002/),
    });
    // Forgotten: the drill after it finds nothing in its way.
    const left = await objects.get(drillTaskObjects.abandoned(ENV));
    expect(Buffer.from(left!).toString("utf8")).toBe("{}\n");
  });

  it("a snapshot of an empty home: the drill says the home held no files, not 0/0 files restored identical", async () => {
    const manifest = await captured(true, []);
    await upToTheHomeCheck(manifest);
    const mine = join(root, "aws-backup-restore_20261207T100505Z");
    mkdirSync(join(mine, HOME), { recursive: true });
    await drill(manifest);
    const [check] = await runTasks();
    expect([check!.status, check!.stderr]).toEqual([0, ""]);
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.steps.find((s) => s.step === "home")).toEqual({
      step: "home",
      ok: true,
      detail:
        "the snapshot's home held no files, so the restore (into /aws-backup-restore_20261207T100505Z, removed after) had none to compare",
    });
    expect(existsSync(mine)).toBe(false);
  });

  it("a damaged, a missing and an extra restored file fail the drill naming each, and the restore directory is still removed", async () => {
    const manifest = await captured(true);
    const before = liveHome();
    await upToTheHomeCheck(manifest);
    const mine = awsBackupRestores("aws-backup-restore_20261207T100505Z", [
      ["analysis.ipynb", "damaged"],
      ["stray.txt", "x"],
    ]);
    await drill(manifest);
    await runTasks();
    const record = (await drill(manifest)) as DrillRecord;
    expect(record).toMatchObject({ ok: false, complete: true });
    expect(record.steps.find((s) => s.step === "home")).toEqual({
      step: "home",
      ok: false,
      detail: "3 of 2 files differ after the restore",
      differences: [
        `analysis.ipynb: sha256 ${sha(NOTEBOOK).slice(0, 12)}… expected, ${sha("damaged").slice(0, 12)}… restored`,
        "data/counts.bin: missing after the restore",
        "stray.txt: restored but not in the manifest",
      ],
    });
    expect(existsSync(mine)).toBe(false);
    expect(liveHome()).toEqual(before);
  });

  it("without the restore-move role no restore job is started (nothing could check and remove its copy) and the drill says what to set", async () => {
    delete config.restoreMoveRoleArn;
    const manifest = await captured(true);
    await drill(manifest);
    await runTasks();
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.ok).toBe(false);
    expect(record.steps.find((s) => s.step === "home")!.detail).toMatch(/aws\.restoreMoveRoleArn/);
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(0);
  });

  it("a restore job that failed fails the drill's home step with AWS Backup's message", async () => {
    backup
      .on(DescribeRestoreJobCommand)
      .resolves({ Status: "FAILED", StatusMessage: "Access denied to the file system" });
    const manifest = await captured(true);
    await upToTheHomeCheck(manifest);
    const record = (await drill(manifest)) as DrillRecord;
    expect(record.ok).toBe(false);
    expect(record.steps.find((s) => s.step === "home")).toEqual({
      step: "home",
      ok: false,
      detail:
        "the drill's AWS Backup restore job drill-restore-job-0001 ended FAILED: Access denied to the file system",
    });
  });
});
