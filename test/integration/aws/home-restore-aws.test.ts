// A restored environment's home on AWS end to end, against moto (ECS, EFS, S3) with AWS Backup
// mocked (moto runs no Backup jobs). The test plays AWS Backup's restore (the files it would put
// in a new aws-backup-restore_<time> directory off the file system root, here a local directory)
// and the container runtime: for each task ECS was asked to run it reads what moto recorded — the
// task definition's image, its EFS volume and mount, the command override — and runs exactly that
// command with the real agent, the mount being the local "file system root", the ECS credentials
// and metadata endpoints stand-ins on 127.0.0.1 and S3 moto's. What the restore reports comes
// from the files the agent moved and summed.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  BackupClient,
  DescribeRestoreJobCommand,
  StartRestoreJobCommand,
} from "@aws-sdk/client-backup";
import {
  DescribeTasksCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand, type AccessPointDescription } from "@aws-sdk/client-efs";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import {
  AwsSnapshotSources,
  restoreJobObjects,
  restoreToken,
} from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { renderRestores } from "../../../reconciler/cli/snapshot-sources.js";
import { sha256Hex } from "../../../reconciler/core/lock/canonical.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { EnvironmentLock } from "../../../reconciler/core/model/documents.js";
import {
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import { lockSpecDigest } from "../../../reconciler/core/snapshots/restore-decision.js";
import {
  compareFiles,
  completeRestores,
  latestRestore,
  restoreObjects,
} from "../../../reconciler/core/snapshots/restore.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { parse } from "yaml";
import type { StoredFileSum } from "../../../reconciler/ports/snapshot-sources.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { playTasks } from "./container-runtime.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { REGION, testClients, warmUpMoto } from "./aws-test-clients.js";
import { applyRnaseqWithObjectStore } from "./account-setup.js";

const moto = useMoto({ warmUp: warmUpMoto });
const BUCKET = "labenv-objects";
const RP =
  "arn:aws:backup:eu-west-1:123456789012:recovery-point:5c1e0a52-0d1b-4a8e-9d5f-2b7c3e4f5a6b";
const HOME = "/labs/genomics-core/environments/rnaseq";
const JOB_CREATED = new Date("2026-12-07T04:00:00Z");
const RESTORE_MOVE_ROLE = "arn:aws:iam::123456789012:role/labenv-restore-move";
const IMAGE =
  "123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:" + "ab".repeat(32);
const sha = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");
const NOTEBOOK = '{"cells": [], "nbformat": 4}\n';
const COUNTS = Buffer.alloc(40_000, 7);
const SNAPSHOT_FILES: StoredFileSum[] = [
  { path: "analysis.ipynb", size: NOTEBOOK.length, sha256: sha(NOTEBOOK) },
  { path: "data/counts.bin", size: COUNTS.length, sha256: sha(COUNTS) },
];
const MOVE = {
  environment: "genomics-core/rnaseq",
  snapshot: "genomics-core/rnaseq/thesis",
  image: IMAGE,
  files: SNAPSHOT_FILES,
};

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function put(root: string, rel: string, data: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), data);
}

describe("a home restored on AWS (moto; AWS Backup mocked): the real agent moves the restore into the home", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let objects: S3ObjectStore;
  /** The EFS file system as the move task's root mount shows it. */
  let root: string;
  const backup = mockClient(BackupClient);

  beforeEach(async () => {
    backup.reset();
    clients = { ...testClients(moto.endpoint), backup: new BackupClient({ region: REGION }) };
    config = {
      ...(await createAccountFixtures(clients, moto.endpoint)),
      backupVaultName: "labenv-research",
      backupRoleArn: "arn:aws:iam::123456789012:role/labenv-backup",
      restoreMoveRoleArn: RESTORE_MOVE_ROLE,
    };
    ({ objects } = await applyRnaseqWithObjectStore(moto.endpoint, clients, config, BUCKET));
    backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "restore-job-0001" });
    backup
      .on(DescribeRestoreJobCommand)
      .resolves({ Status: "COMPLETED", CreationDate: JOB_CREATED });
    root = mkdtempSync(join(tmpdir(), "labenv-efs-root-"));
    // The new environment's home, with what Jupyter placed at its first start.
    put(root, `${HOME}/examples/intro.ipynb`, "{}\n");
  });

  async function sources(now = () => new Date()) {
    const observed = (await new AwsProvider(config, clients).observe()).resources;
    return new AwsSnapshotSources(config, clients, objects, observed, now);
  }

  /** AWS Backup's item-level restore: the home's path under a new directory off the root. */
  function awsBackupRestores(name: string, files: [string, string | Buffer][]): string {
    for (const [rel, data] of files) put(root, `${name}${HOME}/${rel}`, data);
    return join(root, name);
  }

  /** The container runtime: runs every task moto holds as its task definition and overrides say, then stops it. */
  async function runTasks() {
    const accessPoints = new Map<string, AccessPointDescription>();
    const ran = await playTasks(
      clients,
      config.cluster,
      moto.endpoint,
      servers,
      async (t, command) => {
        const mount = t.container.mountPoints![0]!;
        const volume = t.td.volumes!.find((v) => v.name === mount.sourceVolume)!;
        const accessPoint = (
          await clients.efs.send(
            new DescribeAccessPointsCommand({
              AccessPointId: volume.efsVolumeConfiguration!.authorizationConfig!.accessPointId,
            }),
          )
        ).AccessPoints![0]!;
        accessPoints.set(t.task.taskArn!, accessPoint);
        // The mount shows the file system from the access point's root directory.
        const shown = join(root, accessPoint.RootDirectory?.Path ?? "/");
        return {
          command: command.map((a) =>
            a.startsWith(mount.containerPath!)
              ? join(shown, a.slice(mount.containerPath!.length))
              : a,
          ),
        };
      },
    );
    return ran.map((r) => ({
      command: r.command,
      td: r.td,
      accessPoint: accessPoints.get(r.task.taskArn!)!,
      status: r.status,
      stderr: r.stderr,
    }));
  }

  const step = async () => (await sources()).restoreHomeStep(RP, HOME, HOME, MOVE);

  it("starts the job, then the move task with its own role and the root access point, and brings every file into the home checked", async () => {
    expect(await step()).toMatchObject({
      state: "pending",
      reason: `started the AWS Backup restore job restore-job-0001 of ${HOME} from ${RP}`,
    });
    // An older restore of the same home (a restore done last month) and this job's.
    const older = awsBackupRestores("aws-backup-restore_20261101T090000Z", [
      ["analysis.ipynb", "an older version"],
    ]);
    const mine = awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);

    expect(await step()).toMatchObject({
      state: "pending",
      reason: expect.stringMatching(
        /^the AWS Backup restore job restore-job-0001 completed; started the restore-move task arn:aws:ecs:.* to move its files into \/labs\/genomics-core\/environments\/rnaseq$/,
      ),
    });
    const [ran, ...more] = await runTasks();
    expect(more).toEqual([]);
    expect([ran!.status, ran!.stderr]).toEqual([0, ""]);
    // The move runs the environment's image with infra/'s restore-move role, over TLS through an
    // access point on the root that acts as the home's owner.
    expect(ran!.td).toMatchObject({
      family: "restore-move-genomics-core-rnaseq",
      taskRoleArn: RESTORE_MOVE_ROLE,
      containerDefinitions: [expect.objectContaining({ image: IMAGE })],
      volumes: [
        expect.objectContaining({
          efsVolumeConfiguration: expect.objectContaining({
            fileSystemId: config.fileSystemId,
            transitEncryption: "ENABLED",
            authorizationConfig: expect.objectContaining({ iam: "ENABLED" }),
          }),
        }),
      ],
    });
    expect(ran!.accessPoint).toMatchObject({
      PosixUser: { Uid: 10001, Gid: 5001 },
      RootDirectory: { Path: "/" },
    });
    expect(ran!.command.slice(2, 8)).toEqual([
      "--restore-find",
      "/mnt/labenv-root",
      "--path",
      HOME,
      "--after",
      JOB_CREATED.toISOString(),
    ]);

    const done = await step();
    if (done.state !== "done") throw new Error(done.reason);
    expect(done.startedAt).toBe(JOB_CREATED.toISOString());
    expect(done.home).toEqual({
      restoreDirectory: "/aws-backup-restore_20261207T041005Z",
      placed: "home",
      path: HOME,
      files: SNAPSHOT_FILES,
      left: 0,
    });
    expect(compareFiles(SNAPSHOT_FILES, done.home.files, done.home.path)).toEqual([]);
    // The files are in the home, summed from the bytes there; what Jupyter placed is untouched.
    expect(readFileSync(join(root, HOME, "data/counts.bin")).equals(COUNTS)).toBe(true);
    expect(readFileSync(join(root, HOME, "examples/intro.ipynb"), "utf8")).toBe("{}\n");
    // This job's restore directory is gone, the older one untouched; the root access point too.
    expect(existsSync(mine)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(["aws-backup-restore_20261101T090000Z", "labs"]);
    expect(readFileSync(join(older, HOME, "analysis.ipynb"), "utf8")).toBe("an older version");
    const left = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(
      (left.AccessPoints ?? []).filter((a) => a.AccessPointId === ran!.accessPoint.AccessPointId),
    ).toEqual([]);
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(1);
    // The move's task definition revision was retired with its access point.
    const active = await clients.ecs.send(new ListTaskDefinitionsCommand({ status: "ACTIVE" }));
    expect((active.taskDefinitionArns ?? []).filter((a) => a.includes("/restore-move-"))).toEqual(
      [],
    );
  });

  it("a damaged restored file stays in the restore directory, which is kept, and the check names it", async () => {
    await step();
    const mine = awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", Buffer.alloc(40_000, 8)],
    ]);
    await step();
    await runTasks();
    const done = await step();
    if (done.state !== "done") throw new Error(done.reason);
    expect(done.home.left).toBe(1);
    expect(compareFiles(SNAPSHOT_FILES, done.home.files, done.home.path)).toEqual([
      {
        object: `${HOME}/data/counts.bin`,
        problem: "checksum",
        expected: sha(COUNTS),
        actual: sha(Buffer.alloc(40_000, 8)),
      },
    ]);
    expect(existsSync(join(root, HOME, "data/counts.bin"))).toBe(false);
    expect(readFileSync(join(mine, HOME, "data/counts.bin")).equals(Buffer.alloc(40_000, 8))).toBe(
      true,
    );
  });

  it("a file the home already has is never overwritten: the restored one stays beside it", async () => {
    put(root, `${HOME}/analysis.ipynb`, "written since the restore began");
    await step();
    const mine = awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await step();
    await runTasks();
    const done = await step();
    if (done.state !== "done") throw new Error(done.reason);
    expect(done.home).toMatchObject({
      placed: "beside",
      path: `/aws-backup-restore_20261207T041005Z${HOME}`,
      left: 1,
    });
    expect(compareFiles(SNAPSHOT_FILES, done.home.files, done.home.path)).toEqual([]);
    expect(readFileSync(join(root, HOME, "analysis.ipynb"), "utf8")).toBe(
      "written since the restore began",
    );
    expect(readFileSync(join(mine, HOME, "analysis.ipynb"), "utf8")).toBe(NOTEBOOK);
  });

  it("a move task still running after six hours is stopped in ECS, fails the restore, and its root access point is deleted", async () => {
    await step();
    awsBackupRestores("aws-backup-restore_20261207T041005Z", [["analysis.ipynb", NOTEBOOK]]);
    const started = await step();
    const taskArn = /started the restore-move task (\S+)/.exec(
      (started as { reason: string }).reason,
    )![1]!;
    const later = new Date(Date.now() + 6 * 3_600_000 + 60_000);
    const describe = async () =>
      (
        await clients.ecs.send(
          new DescribeTasksCommand({ cluster: config.cluster, tasks: [taskArn] }),
        )
      ).tasks![0]!;
    const status = (await describe()).lastStatus;
    expect(status).not.toBe("STOPPED");
    const r = await (await sources(() => later)).restoreHomeStep(RP, HOME, HOME, MOVE);
    expect(r).toEqual({
      state: "failed",
      final: true,
      reason: `the restore-move task ${taskArn} had not stopped in 6 hours (${status}); it was stopped; no file was moved over another, and every file it did not move is where AWS Backup put it`,
    });
    // ECS itself stopped it: it no longer runs over the home.
    expect(await describe()).toMatchObject({
      lastStatus: "STOPPED",
      stoppedReason: "labenv: the restore-move task had not stopped in 6 hours",
    });
    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect((aps.AccessPoints ?? []).filter((a) => a.RootDirectory?.Path === "/")).toEqual([]);
  });

  it("a move task that found no restore directory of the job fails the restore, naming the task and where its output is", async () => {
    await step();
    awsBackupRestores("aws-backup-restore_20261101T090000Z", [["analysis.ipynb", NOTEBOOK]]);
    await step();
    const [ran] = await runTasks();
    expect(ran!.status).toBe(2);
    expect(ran!.stderr).toMatch(
      /no aws-backup-restore_\* directory under .* was made at or after 2026-12-07T04:00:00.000Z \(older ones: \/aws-backup-restore_20261101T090000Z\): nothing moved/,
    );
    const r = await step();
    expect(r).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(
        /^the restore-move task arn:aws:ecs:\S+ \(restore-move-genomics-core-rnaseq:1\) stopped: Essential container in task exited; its jupyter container exited \d+ \(its output is in the environment's log group, stream prefix jupyter\), without writing restore-moves\/reports\/[0-9a-f]{32}\.json; no file was moved over another, and every file it did not move is where AWS Backup put it$/,
      ),
    });
    // Its access point on the file system root goes with the failed move.
    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(
      (aps.AccessPoints ?? []).filter((a) => a.AccessPointId === ran!.accessPoint.AccessPointId),
    ).toEqual([]);
  });

  it("a report that is not usable (replaced in the bucket) fails the restore, and the root access point still goes", async () => {
    await step();
    awsBackupRestores("aws-backup-restore_20261207T041005Z", [["analysis.ipynb", NOTEBOOK]]);
    await step();
    const [ran] = await runTasks();
    expect(ran!.status).toBe(0);
    const [report] = await objects.list("restore-moves/reports/");
    await objects.put(report!, "{ not json");
    expect(await step()).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(
        /^the restore report restore-moves\/reports\/\S+ is not usable: not JSON/,
      ),
    });
    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(
      (aps.AccessPoints ?? []).filter((a) => a.AccessPointId === ran!.accessPoint.AccessPointId),
    ).toEqual([]);
  });

  /**
   * The restore step (completeRestores) over the example with rnaseq's \`restoreFrom\` as given,
   * from a stored snapshot of its home whose observation the running Jupyter's agent reports.
   */
  async function throughRestoreStep(restoreFrom = `{ snapshot: ${MOVE.snapshot} }`) {
    const files = exampleFiles().map((f) =>
      f.path === "environments/genomics-core/rnaseq/environment.yaml"
        ? {
            ...f,
            content: String(f.content).replace(
              "  state: running\n",
              `  state: running\n  restoreFrom: ${restoreFrom}\n`,
            ),
          }
        : f,
    );
    const repository = loadRepository(files, createSchemaValidator()).repository;
    const lockText = String(
      files.find((f) => f.path === "environments/genomics-core/rnaseq/environment.lock.yaml")!
        .content,
    );
    const lock = parse(lockText) as EnvironmentLock;
    // The running Jupyter's agent reports what the snapshot's observation holds.
    const observation = JSON.stringify({
      apiVersion: "labenv.westtek.io/v1",
      kind: "Observation",
      metadata: {
        lab: "genomics-core",
        environment: "rnaseq",
        observedAt: "2026-12-07T03:00:00Z",
        source: "agent",
      },
      spec: {
        python: "3.11.9",
        packages: [{ name: "numpy", version: "1.26.4" }],
        kernels: [],
        extensions: [],
        jupyterConfig: [],
      },
    });
    const observationKey = snapshotObjects.content(sha256Hex(observation));
    await objects.put(observationKey, observation);
    await objects.put("observations/genomics-core/rnaseq/latest.json", observation);
    const manifest = {
      apiVersion: "labenv.westtek.io/v1",
      kind: "SnapshotManifest",
      id: MOVE.snapshot,
      request: {
        file: "environments/genomics-core/rnaseq/snapshots/thesis.yaml",
        requestedBy: "rpatel",
        reason: "Figures of thesis chapter 3",
        include: { packages: true, home: true },
      },
      capturedAt: "2026-12-01T10:00:00.000Z",
      commit: "a".repeat(40),
      provider: "aws eu-west-1 / cluster labenv",
      lock: {
        key: snapshotObjects.content(sha256Hex(lockText)),
        size: Buffer.byteLength(lockText),
        sha256: sha256Hex(lockText),
        file: "environments/genomics-core/rnaseq/environment.lock.yaml",
        digest: `sha256:${"d".repeat(64)}`,
        specDigest: lockSpecDigest(lock),
        domainPack: `${lock.spec.domainPack.name}@${lock.spec.domainPack.version}`,
        image: lock.spec.image,
      },
      image: IMAGE,
      observation: {
        key: observationKey,
        size: observation.length,
        sha256: sha256Hex(observation),
      },
      home: {
        backupJobId: "backup-job-0001",
        recoveryPointArn: RP,
        path: HOME,
        fileCount: 2,
        totalBytes: NOTEBOOK.length + COUNTS.length,
        files: SNAPSHOT_FILES,
      },
    } as SnapshotManifest;
    const manifests = new Map([[MOVE.snapshot, { manifest, digest: `sha256:${"e".repeat(64)}` }]]);
    const restore = async () => {
      const aws = await sources();
      // moto starts no service tasks: the restored service's running task, played here, runs the snapshot's image.
      const running = Object.assign(Object.create(aws) as AwsSnapshotSources, {
        runningImage: async () => IMAGE,
      });
      return completeRestores(
        { repository, manifests, startedAt: new Date() },
        { objects, sources: running, restorer: running, now: () => new Date() },
      );
    };
    return restore;
  }

  it("through the restore step: the record says every file is identical in the home, and the time since the restore job began", async () => {
    const restore = await throughRestoreStep();
    expect((await restore()).map((r) => [r.outcome, r.environment])).toEqual([
      ["waiting", "genomics-core/rnaseq"],
    ]);
    awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    expect(await restore()).toEqual([
      expect.objectContaining({
        outcome: "waiting",
        reason: expect.stringMatching(/started the restore-move task/),
      }),
    ]);
    await runTasks();
    const results = await restore();
    const record = results[0]!.record!;
    expect(record).toMatchObject({
      ok: true,
      startedAt: JOB_CREATED.toISOString(),
      packages: { matched: 1, total: 1, differences: [] },
      home: { placed: "home", path: HOME, files: 2, identical: 2, findings: [], left: 0 },
    });
    expect(record.seconds).toBe((Date.parse(record.finishedAt) - JOB_CREATED.getTime()) / 1000);
    expect(renderRestores(results)).toMatch(
      /^restores:\n {2}✓ restored {2}genomics-core\/rnaseq from genomics-core\/rnaseq\/thesis: 1\/1 packages match, 2\/2 files identical in its home, in \d+\.\d s$/,
    );
    expect(
      await objects.get(restoreObjects.record("genomics-core/rnaseq", MOVE.snapshot)),
    ).toBeDefined();
    // A restore done is not done again: no second restore job, no second move task.
    const again = await restore();
    expect(again).toEqual([expect.objectContaining({ outcome: "restored", now: false })]);
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(1);
    const tasks = await clients.ecs.send(new ListTasksCommand({ cluster: config.cluster }));
    expect(tasks.taskArns).toHaveLength(1);
  });

  it("through the restore step: jobs AWS Backup ends FAILED are retried twice, then attempt 1 is recorded failed and no run starts another; attempt 2 restores the home, recorded apart", async () => {
    const token = restoreToken(RP, HOME);
    backup
      .on(StartRestoreJobCommand, { IdempotencyToken: `${token}-job2` })
      .resolves({ RestoreJobId: "restore-job-0002" })
      .on(StartRestoreJobCommand, { IdempotencyToken: `${token}-job3` })
      .resolves({ RestoreJobId: "restore-job-0003" });
    for (const id of ["restore-job-0001", "restore-job-0002", "restore-job-0003"])
      backup
        .on(DescribeRestoreJobCommand, { RestoreJobId: id })
        .resolves({ Status: "FAILED", StatusMessage: "Access denied to the file system" });
    const restore = await throughRestoreStep();
    const reasons = async () =>
      (await restore()).map((r) => `${r.outcome}: ${r.outcome === "restored" ? "" : r.reason}`);
    expect(await reasons()).toEqual([
      `waiting: started the AWS Backup restore job restore-job-0001 of ${HOME} from ${RP}`,
    ]);
    expect(await reasons()).toEqual([
      "waiting: the AWS Backup restore job restore-job-0001 ended FAILED: Access denied to the file system; started the restore job restore-job-0002 of the same recovery point (automatic retry 1 of 2)",
    ]);
    expect(await reasons()).toEqual([
      "waiting: the AWS Backup restore job restore-job-0002 ended FAILED: Access denied to the file system; started the restore job restore-job-0003 of the same recovery point (automatic retry 2 of 2)",
    ]);
    const [failed] = await reasons();
    expect(failed).toMatch(
      /^failed: attempt 1 failed at \S+: AWS Backup ended all 3 restore jobs of attempt 1 without restoring \(restore-job-0001 FAILED \(Access denied to the file system\); restore-job-0002 FAILED .*; fix what AWS Backup names first — not run again by itself: raise restoreFrom\.attempt to 2 in a pull request for a fresh restore/,
    );
    // Recorded: later runs say the same and ask AWS Backup nothing more.
    const asked = backup.calls().length;
    expect(await reasons()).toEqual([failed]);
    expect(backup.calls()).toHaveLength(asked);
    expect((await latestRestore(objects, "genomics-core/rnaseq"))?.failure).toMatchObject({
      mendable: true,
    });

    // The pull request raising the attempt: a fresh restore job under attempt 2's token.
    const JOB2 = new Date("2026-12-07T06:00:00Z");
    backup
      .on(StartRestoreJobCommand, { IdempotencyToken: restoreToken(RP, HOME, 2) })
      .resolves({ RestoreJobId: "restore-job-0100" })
      .on(DescribeRestoreJobCommand, { RestoreJobId: "restore-job-0100" })
      .resolves({ Status: "COMPLETED", CreationDate: JOB2 });
    const retry = await throughRestoreStep(`{ snapshot: ${MOVE.snapshot}, attempt: 2 }`);
    expect((await retry()).map((r) => (r.outcome === "restored" ? "" : r.reason))).toEqual([
      `started the AWS Backup restore job restore-job-0100 of ${HOME} from ${RP} (attempt 2)`,
    ]);
    awsBackupRestores("aws-backup-restore_20261207T060010Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await retry();
    await runTasks();
    const results = await retry();
    expect(results[0]!.record).toMatchObject({
      attempt: 2,
      ok: true,
      home: { placed: "home", path: HOME, files: 2, identical: 2, left: 0 },
    });
    expect(renderRestores(results)).toMatch(
      /✓ restored {2}genomics-core\/rnaseq from genomics-core\/rnaseq\/thesis \(attempt 2\): 1\/1 packages match, 2\/2 files identical in its home/,
    );
    expect((await latestRestore(objects, "genomics-core/rnaseq"))?.attempt).toBe(2);
    expect(
      await objects.get(restoreObjects.record("genomics-core/rnaseq", MOVE.snapshot)),
    ).toBeDefined();
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(4);
  });

  const KEPT = ".labenv-replaced/20261207T040000Z";
  const overwriting = async () =>
    (await sources()).restoreHomeStep(RP, HOME, HOME, { ...MOVE, overwrite: true });

  it("with overwrite, the move task runs --replace: what differs in the home is replaced, each replaced thing kept aside as it was, never through a symbolic link", async () => {
    put(root, `${HOME}/analysis.ipynb`, "edited since the snapshot");
    // A symbolic link in the home where the snapshot has a directory: it must not lead the restore out.
    const outside = mkdtempSync(join(tmpdir(), "labenv-outside-"));
    put(outside, "counts.bin", "another home's counts");
    symlinkSync(outside, join(root, HOME, "data"));
    await overwriting();
    const mine = awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await overwriting();
    const [ran, ...more] = await runTasks();
    expect(more).toEqual([]);
    expect([ran!.status, ran!.stderr]).toEqual([0, ""]);
    expect(ran!.command.at(-1)).toBe("--replace");
    const done = await overwriting();
    if (done.state !== "done") throw new Error(done.reason);
    expect(done.home).toEqual({
      restoreDirectory: "/aws-backup-restore_20261207T041005Z",
      placed: "home",
      path: HOME,
      files: SNAPSHOT_FILES,
      left: 0,
      keptAside: KEPT,
      replaced: [
        { path: "analysis.ipynb", keptAt: `${KEPT}/analysis.ipynb` },
        { path: "data", keptAt: `${KEPT}/data` },
      ],
    });
    expect(compareFiles(SNAPSHOT_FILES, done.home.files, done.home.path)).toEqual([]);
    // The snapshot's files are in the home; the researcher's edit and the link are kept aside as they were.
    expect(readFileSync(join(root, HOME, "analysis.ipynb"), "utf8")).toBe(NOTEBOOK);
    expect(readFileSync(join(root, HOME, KEPT, "analysis.ipynb"), "utf8")).toBe(
      "edited since the snapshot",
    );
    expect(lstatSync(join(root, HOME, "data")).isDirectory()).toBe(true);
    expect(readFileSync(join(root, HOME, "data/counts.bin")).equals(COUNTS)).toBe(true);
    expect(readlinkSync(join(root, HOME, KEPT, "data"))).toBe(outside);
    expect(readdirSync(outside)).toEqual(["counts.bin"]);
    expect(readFileSync(join(outside, "counts.bin"), "utf8")).toBe("another home's counts");
    // What the snapshot does not have stays; the restore directory is gone.
    expect(readFileSync(join(root, HOME, "examples/intro.ipynb"), "utf8")).toBe("{}\n");
    expect(existsSync(mine)).toBe(false);
  });

  it("with overwrite, a move task that stopped without a report says each home file it replaced is kept aside, not that none was moved over another", async () => {
    await overwriting();
    awsBackupRestores("aws-backup-restore_20261101T090000Z", [["analysis.ipynb", NOTEBOOK]]);
    await overwriting();
    const [ran] = await runTasks();
    expect([ran!.status, ran!.command.at(-1)]).toEqual([2, "--replace"]);
    const r = await overwriting();
    expect(r).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(
        /without writing restore-moves\/reports\/[0-9a-f]{32}\.json; each home file it replaced is kept as it was under \.labenv-replaced\/ in the home, and every file it did not move is where AWS Backup put it$/,
      ),
    });
    expect(r.state === "failed" && r.reason).not.toMatch(/no file was moved over another/);
  });

  it("with overwrite, a report that is not a replace (an agent that predates it) or replaced what is in the way of no snapshot file fails the restore", async () => {
    put(root, `${HOME}/analysis.ipynb`, "edited since the snapshot");
    await overwriting();
    awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await overwriting();
    await runTasks();
    const [key] = await objects.list("restore-moves/reports/");
    const report = JSON.parse(Buffer.from((await objects.get(key!))!).toString("utf8"));
    const tampered = async (spec: Record<string, unknown>) => {
      await objects.put(key!, JSON.stringify({ ...report, spec: { ...report.spec, ...spec } }));
      return overwriting();
    };
    expect(await tampered({ replace: undefined })).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(
        /is not usable: it is not a replace \(restoreFrom\.overwrite asked for --replace\): the image's agent may predate it$/,
      ),
    });
    expect(
      await tampered({
        replaced: [
          ...report.spec.replaced,
          { path: "thesis/draft.tex", keptAt: `${KEPT}/thesis/draft.tex` },
        ],
      }),
    ).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(
        /is not usable: it replaced thesis\/draft\.tex, which is in the way of none of the snapshot's files$/,
      ),
    });
    expect(
      await tampered({
        replaced: [{ path: "analysis.ipynb", keptAt: "elsewhere/analysis.ipynb" }],
      }),
    ).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(/is not kept at its own path/),
    });
    // The report as the agent wrote it is usable; without overwrite the same report is refused.
    await objects.put(key!, JSON.stringify(report));
    expect(await overwriting()).toMatchObject({ state: "done" });
    expect(await step()).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(
        /is not usable: it is a replace, which this restore did not ask for$/,
      ),
    });
  });

  it("through the restore step with restoreFrom.overwrite: the record and the output list what was replaced and where it is kept, as on the sandbox", async () => {
    put(root, `${HOME}/analysis.ipynb`, "edited since the snapshot");
    const restore = await throughRestoreStep(`{ snapshot: ${MOVE.snapshot}, overwrite: true }`);
    await restore();
    awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await restore();
    const [ran] = await runTasks();
    expect(ran!.command.at(-1)).toBe("--replace");
    const results = await restore();
    const record = results[0]!.record!;
    expect(record).toMatchObject({
      ok: true,
      home: {
        placed: "home",
        path: HOME,
        files: 2,
        identical: 2,
        findings: [],
        keptAside: KEPT,
        replaced: [{ path: "analysis.ipynb", keptAt: `${KEPT}/analysis.ipynb` }],
      },
    });
    expect(renderRestores(results)).toContain(
      `overwrite: 1 file of the home replaced by the snapshot's; the replaced versions are kept in ${HOME}/${KEPT}/ (nothing was deleted)\n        analysis.ipynb → ${KEPT}/analysis.ipynb`,
    );
    expect(readFileSync(join(root, HOME, KEPT, "analysis.ipynb"), "utf8")).toBe(
      "edited since the snapshot",
    );
  });

  it("the same move brings a snapshot's home into a share's own directory (a read-only share of a snapshot)", async () => {
    const copy = "/labs/genomics-core/shares/rnaseq-to-ml-vision/thesis";
    const toShare = async () => (await sources()).restoreHomeStep(RP, HOME, copy, MOVE);
    await toShare();
    awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await toShare();
    const [ran] = await runTasks();
    expect(ran!.command).toContain(`/mnt/labenv-root${copy}`);
    const done = await toShare();
    if (done.state !== "done") throw new Error(done.reason);
    expect(done.home).toMatchObject({ placed: "home", path: copy, left: 0 });
    expect(compareFiles(SNAPSHOT_FILES, done.home.files, done.home.path)).toEqual([]);
    expect(readFileSync(join(root, copy, "analysis.ipynb"), "utf8")).toBe(NOTEBOOK);
    // The lent environment's home is not touched.
    expect(readdirSync(join(root, HOME))).toEqual(["examples"]);
  });

  it("a move task that died fails its attempt for good; attempt 2 is a fresh job and move under a new token, and never touches what attempt 1 left", async () => {
    await step();
    const first = awsBackupRestores("aws-backup-restore_20261207T041005Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    await step();
    // The container dies before the agent moves anything (ECS stops the task).
    const listed = await clients.ecs.send(new ListTasksCommand({ cluster: config.cluster }));
    const [moveTask] = listed.taskArns!;
    await clients.ecs.send(
      new StopTaskCommand({ cluster: config.cluster, task: moveTask, reason: "OutOfMemoryError" }),
    );
    const failed = await step();
    expect(failed).toMatchObject({
      state: "failed",
      final: true,
      reason: expect.stringMatching(
        /stopped: OutOfMemoryError.*every file it did not move is where AWS Backup put it$/,
      ),
    });

    // Raised to attempt 2 in a pull request: a new restore job (a new token), a new move.
    const JOB2 = new Date("2026-12-07T05:00:00Z");
    backup
      .on(StartRestoreJobCommand, { IdempotencyToken: restoreToken(RP, HOME, 2) })
      .resolves({ RestoreJobId: "restore-job-0002" })
      .on(DescribeRestoreJobCommand, { RestoreJobId: "restore-job-0002" })
      .resolves({ Status: "COMPLETED", CreationDate: JOB2 });
    const retry = async () =>
      (await sources()).restoreHomeStep(RP, HOME, HOME, { ...MOVE, attempt: 2 });
    expect(await retry()).toMatchObject({
      state: "pending",
      reason: `started the AWS Backup restore job restore-job-0002 of ${HOME} from ${RP} (attempt 2)`,
    });
    awsBackupRestores("aws-backup-restore_20261207T050004Z", [
      ["analysis.ipynb", NOTEBOOK],
      ["data/counts.bin", COUNTS],
    ]);
    expect(await retry()).toMatchObject({
      state: "pending",
      reason: expect.stringMatching(
        /^the AWS Backup restore job restore-job-0002 completed; started the restore-move task/,
      ),
    });
    const [ran, ...more] = await runTasks();
    expect(more).toEqual([]);
    expect(ran!.command).toContain(JOB2.toISOString());
    const done = await retry();
    if (done.state !== "done") throw new Error(done.reason);
    expect(done.home).toMatchObject({
      restoreDirectory: "/aws-backup-restore_20261207T050004Z",
      placed: "home",
      path: HOME,
      left: 0,
    });
    expect(compareFiles(SNAPSHOT_FILES, done.home.files, done.home.path)).toEqual([]);
    // What the failed move of attempt 1 left is where AWS Backup put it, every byte.
    expect(readFileSync(join(first, HOME, "analysis.ipynb"), "utf8")).toBe(NOTEBOOK);
    expect(readFileSync(join(first, HOME, "data/counts.bin")).equals(COUNTS)).toBe(true);
    // Each attempt's move has its own report and its own task; attempt 1's record is kept.
    expect(await objects.get(restoreJobObjects.job(RP, HOME))).toBeDefined();
    expect(await objects.get(restoreJobObjects.job(RP, HOME, 2))).toBeDefined();
    expect(await objects.list("restore-moves/reports/")).toEqual([
      `restore-moves/reports/${restoreToken(RP, HOME, 2)}.json`,
    ]);
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(2);
  });

  it("without infra/'s restore-move role a completed job waits, saying where the files are and what to set", async () => {
    const { restoreMoveRoleArn: _omitted, ...noRole } = config;
    config = noRole;
    await step();
    expect(await step()).toMatchObject({
      state: "pending",
      reason: expect.stringMatching(
        /untouched; moving them into .* needs infra\/'s restore-move role \(aws\.restoreMoveRoleArn/,
      ),
    });
    const listed = await clients.ecs.send(new ListTasksCommand({ cluster: config.cluster }));
    expect(listed.taskArns ?? []).toEqual([]);
  });
});
