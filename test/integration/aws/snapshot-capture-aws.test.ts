// A snapshot captured on AWS end to end, against moto (ECS, EC2, S3) with AWS Backup mocked
// (moto runs no Backup jobs). The test plays the container runtime: for each task ECS was asked
// to run it reads what moto recorded — the task definition's image, environment and home mount,
// and the command override — and runs exactly that command with the real agent, the task's
// home mount being a local directory, the ECS credentials and metadata endpoints stand-ins on
// 127.0.0.1 and S3 moto's. The manifest is then built from what the agent wrote, and verify
// proves every checksum back to the files in that directory.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BackupClient, DescribeRecoveryPointCommand } from "@aws-sdk/client-backup";
import { CreateSnapshotCommand, CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { DescribeTasksCommand } from "@aws-sdk/client-ecs";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { AwsSnapshotSources } from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { keys } from "../../../reconciler/core/desire/names.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { captureSnapshots } from "../../../reconciler/core/snapshots/capture.js";
import { parseManifest, snapshotObjects } from "../../../reconciler/core/snapshots/manifest.js";
import { verifySnapshot } from "../../../reconciler/core/snapshots/verify.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { REGION, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import { applyRnaseqWithObjectStore } from "./account-setup.js";
import { playTasks } from "./container-runtime.js";

const moto = useMoto({ warmUp: warmUpMoto });
const BUCKET = "labenv-objects";
const ID = "genomics-core/rnaseq/before-genomics-2";
const RP =
  "arn:aws:backup:eu-west-1:123456789012:recovery-point:5c1e0a52-0d1b-4a8e-9d5f-2b7c3e4f5a6b";
const check = createSchemaValidator();

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const sha = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");

describe("a snapshot captured on AWS (moto; AWS Backup mocked), its home inventoried by the real agent", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let objects: S3ObjectStore;
  let home: string;
  let volumeSnapshotId: string;
  const backup = mockClient(BackupClient);

  beforeEach(async () => {
    backup.reset();
    clients = { ...testClients(moto.endpoint), backup: new BackupClient({ region: REGION }) };
    config = {
      ...(await createAccountFixtures(clients, moto.endpoint)),
      backupVaultName: "labenv-research",
    };
    ({ objects } = await applyRnaseqWithObjectStore(moto.endpoint, clients, config, BUCKET));
    const volume = await clients.ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 50 }),
    );
    volumeSnapshotId = (
      await clients.ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId }))
    ).SnapshotId as string;
    backup.on(DescribeRecoveryPointCommand).resolves({
      Status: "COMPLETED",
      CreationDate: new Date(Date.now() - 60_000),
    });
    // The researcher's home, as the task's home mount (/home/jovyan) would show it.
    home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    mkdirSync(join(home, "data"));
    writeFileSync(join(home, "analysis.ipynb"), '{"cells": [], "nbformat": 4}\n');
    writeFileSync(join(home, "data/counts.bin"), Buffer.alloc(40_000, 7));
    // Saved an hour before the backup began (a minute ago).
    const saved = new Date(Date.now() - 3_600_000);
    for (const f of ["analysis.ipynb", "data/counts.bin"]) utimesSync(join(home, f), saved, saved);
  });

  /** What observe gives (moto), and the parts it cannot: the snapshot's EBS snapshot and recovery point. */
  async function observed(): Promise<ObservedResource[]> {
    const base = (await new AwsProvider(config, clients).observe()).resources;
    const part = (kind: "ebs-snapshot" | "backup-job", key: string, id: string) =>
      ({
        kind,
        key,
        environment: "genomics-core/rnaseq",
        id,
        spec: {},
        tags: {},
        status: kind === "ebs-snapshot" ? "completed" : undefined,
      }) as unknown as ObservedResource;
    return [
      ...base,
      part(
        "ebs-snapshot",
        keys.snapshot("genomics-core", "rnaseq", "before-genomics-2"),
        volumeSnapshotId,
      ),
      part("backup-job", keys.backup("genomics-core", "rnaseq", "before-genomics-2"), RP),
    ];
  }

  /** The container runtime: runs every task moto holds as ECS would, the home mount this test's directory. */
  async function runTasks(): Promise<
    { command: string[]; status: number | null; stderr: string }[]
  > {
    return playTasks(clients, config.cluster, moto.endpoint, servers, ({ container }, command) => {
      const mount = container.mountPoints!.find((m) => m.sourceVolume === "home")!.containerPath!;
      return { command: command.map((a) => (a === mount ? home : a)) };
    });
  }

  /** The running Jupyter's agent reports what it has (as it does every 15 minutes). */
  async function runningContainerReports(): Promise<void> {
    const observation = {
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
    };
    await s3Client(moto.endpoint).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: "observations/genomics-core/rnaseq/latest.json",
        Body: JSON.stringify(observation),
      }),
    );
  }

  async function capture(now = () => new Date()) {
    const repository = loadRepository(exampleFiles(), check).repository;
    const sources = new AwsSnapshotSources(config, clients, objects, await observed(), now);
    const [r] = await captureSnapshots(
      {
        repository,
        commit: "0".repeat(40),
        provider: "aws eu-west-1 / cluster labenv",
        observed: await observed(),
        only: [ID],
      },
      { objects, sources, now: () => new Date() },
    );
    return { result: r!, sources };
  }

  it("a first run starts the inventory task, a later one writes the manifest from what the agent wrote, and verify proves every file", async () => {
    await runningContainerReports();
    const first = await capture();
    expect(first.result).toMatchObject({
      outcome: "requested",
      reason: expect.stringMatching(/^started the home-inventory task arn:aws:ecs:/),
    });
    expect(await objects.get(snapshotObjects.manifest(ID))).toBeUndefined();

    const ran = await runTasks();
    expect(ran.map((r) => [r.command.slice(2, 4), r.status, r.stderr])).toEqual([
      [["--home-inventory", "/home/jovyan"], 0, ""],
    ]);

    const second = await capture();
    expect(second.result).toMatchObject({ outcome: "captured", capturedNow: true });
    const parsed = parseManifest((await objects.get(snapshotObjects.manifest(ID)))!);
    if (!("manifest" in parsed)) throw new Error(parsed.problem);
    const m = parsed.manifest;
    expect(m.volume).toEqual({ snapshotId: volumeSnapshotId, path: "/opt/jupyter" });
    expect(m.home).toMatchObject({
      recoveryPointArn: RP,
      path: "/labs/genomics-core/environments/rnaseq",
      fileCount: 2,
      totalBytes: 40_000 + 29,
      inventory: {
        task: expect.stringMatching(/^arn:aws:ecs:/),
        key: expect.stringMatching(/^snapshots\/objects\/sha256\//),
      },
    });
    // The sums are the files' own, computed here from the directory the task mounted.
    expect(m.home!.files.map((f) => [f.path, f.size, f.sha256])).toEqual([
      ["analysis.ipynb", 29, sha('{"cells": [], "nbformat": 4}\n')],
      ["data/counts.bin", 40_000, sha(Buffer.alloc(40_000, 7))],
    ]);
    expect(m.home!.changedSinceBackup).toBeUndefined();

    const proof = await verifySnapshot(ID, { objects, sources: second.sources });
    expect(proof.findings).toEqual([]);
    expect(proof.checked).toMatchObject({ objects: 4, files: 2 });

    // A planted corruption: the stored inventory says another sum for a file.
    const key = m.home!.inventory!.key;
    const stored = Buffer.from((await objects.get(key))!).toString("utf8");
    await objects.put(key, stored.replace(sha(Buffer.alloc(40_000, 7)), "f".repeat(64)));
    const damaged = await verifySnapshot(ID, { objects, sources: second.sources });
    expect(damaged.ok).toBe(false);
    expect(damaged.findings).toEqual([
      {
        object: key,
        problem: "checksum",
        expected: m.home!.inventory!.sha256,
        actual: expect.any(String),
      },
    ]);
  });

  it("an inventory task still running after six hours is stopped in ECS and the capture fails saying so", async () => {
    await runningContainerReports();
    const first = await capture();
    const taskArn = /started the home-inventory task (\S+);/.exec(
      (first.result as { reason: string }).reason,
    )![1]!;
    const task = async () =>
      (
        await clients.ecs.send(
          new DescribeTasksCommand({ cluster: config.cluster, tasks: [taskArn] }),
        )
      ).tasks![0]!;
    const status = (await task()).lastStatus;
    expect(status).not.toBe("STOPPED");
    const later = new Date(Date.now() + 6 * 3_600_000 + 60_000);
    const r = (await capture(() => later)).result;
    expect(r).toMatchObject({
      outcome: "failed",
      reason: expect.stringContaining(
        `the home-inventory task ${taskArn} had not stopped in 6 hours (${status}); it was stopped`,
      ),
    });
    expect(await task()).toMatchObject({
      lastStatus: "STOPPED",
      stoppedReason: "labenv: the home-inventory task had not stopped in 6 hours",
    });
  });

  it("a file written after the backup began is named in the manifest: the recovery point may hold an earlier version", async () => {
    backup
      .on(DescribeRecoveryPointCommand)
      .resolves({ Status: "COMPLETED", CreationDate: new Date("2020-01-01T00:00:00Z") });
    await runningContainerReports();
    await capture();
    await runTasks();
    const r = (await capture()).result;
    expect(r).toMatchObject({
      outcome: "captured",
      changedSinceBackup: ["analysis.ipynb", "data/counts.bin"],
    });
  });
});
