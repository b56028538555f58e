// A restored environment's home on AWS, call by call (aws-sdk-client-mock, since moto runs no
// AWS Backup jobs): an item-level restore job of just the home's path, started once (by its
// idempotency token and the record it leaves), followed across runs, a failed job said with
// AWS Backup's message; the move after it is in test/integration/aws/home-restore-aws.test.ts.
import "aws-sdk-client-mock-vitest/extend";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeRestoreJobCommand,
  ResourceNotFoundException,
  StartRestoreJobCommand,
} from "@aws-sdk/client-backup";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AwsSnapshotSources,
  restoreJobObjects,
  restoreToken,
} from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import { clientToken } from "../../../reconciler/adapters/aws/client-token.js";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import {
  ACCOUNT,
  CONFIG,
  FILE_SYSTEM,
  REGION,
  mockedAws,
  type MockedAws,
} from "./fixtures/mocked-aws.js";

const RP = `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`;
const FROM = "/labs/genomics-core/environments/rnaseq";
const TO = "/labs/genomics-core/environments/rnaseq-thesis";

describe("the home's restore job (aws-sdk-client-mock)", () => {
  let aws: MockedAws;
  let sources: AwsSnapshotSources;
  let objects: DirectoryObjectStore;

  beforeEach(() => {
    aws = mockedAws();
    objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    sources = new AwsSnapshotSources(
      CONFIG,
      aws.clients,
      objects,
      [],
      () => new Date("2026-12-07T04:00:00Z"),
    );
    aws.backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "restore-job-0001" });
  });

  it("starts an item-level restore of just the home's path into the same file system, once", async () => {
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "pending",
      reason: `started the AWS Backup restore job restore-job-0001 of ${FROM} from ${RP}`,
    });
    expect(aws.backup).toHaveReceivedCommandWith(StartRestoreJobCommand, {
      RecoveryPointArn: RP,
      IamRoleArn: CONFIG.backupRoleArn,
      ResourceType: "EFS",
      IdempotencyToken: clientToken(`restore:${TO}`, RP),
      Metadata: {
        "file-system-id": FILE_SYSTEM,
        newFileSystem: "false",
        ItemsToRestore: JSON.stringify([FROM]),
      },
    });
    aws.backup.on(DescribeRestoreJobCommand).resolves({ Status: "RUNNING", PercentDone: "40%" });
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "pending",
      reason: "waiting for the AWS Backup restore job restore-job-0001 (RUNNING, 40% done)",
    });
    expect(aws.backup).toHaveReceivedCommandTimes(StartRestoreJobCommand, 1);
    expect(aws.backup).toHaveReceivedCommandWith(DescribeRestoreJobCommand, {
      RestoreJobId: "restore-job-0001",
    });
  });

  it("a job AWS Backup ends FAILED or ABORTED is retried by a new job, each recorded with AWS's message, and the third ending fails the attempt naming all three", async () => {
    await sources.restoreHomeStep(RP, FROM, TO);
    const token = clientToken(`restore:${TO}`, RP);
    aws.backup
      .on(StartRestoreJobCommand, { IdempotencyToken: `${token}-job2` })
      .resolves({ RestoreJobId: "restore-job-0002" })
      .on(StartRestoreJobCommand, { IdempotencyToken: `${token}-job3` })
      .resolves({ RestoreJobId: "restore-job-0003" });
    aws.backup
      .on(DescribeRestoreJobCommand, { RestoreJobId: "restore-job-0001" })
      .resolves({ Status: "FAILED", StatusMessage: "Access denied to the file system" })
      .on(DescribeRestoreJobCommand, { RestoreJobId: "restore-job-0002" })
      .resolves({ Status: "ABORTED", StatusMessage: "Job aborted by the service" })
      .on(DescribeRestoreJobCommand, { RestoreJobId: "restore-job-0003" })
      .resolves({ Status: "FAILED", StatusMessage: "Access denied to the file system" });
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "pending",
      reason:
        "the AWS Backup restore job restore-job-0001 ended FAILED: Access denied to the file system; started the restore job restore-job-0002 of the same recovery point (automatic retry 1 of 2)",
    });
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "pending",
      reason:
        "the AWS Backup restore job restore-job-0002 ended ABORTED: Job aborted by the service; started the restore job restore-job-0003 of the same recovery point (automatic retry 2 of 2)",
    });
    const failed = {
      state: "failed",
      final: true,
      reason:
        "AWS Backup ended all 3 restore jobs of attempt 1 without restoring (restore-job-0001 FAILED (Access denied to the file system); restore-job-0002 ABORTED (Job aborted by the service); restore-job-0003 FAILED (Access denied to the file system)); labenv retried 2 times by itself and stops here. The files each job restored, if any, stay where AWS Backup put them; fix what AWS Backup names first",
    };
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual(failed);
    // Bounded: a later run starts nothing more.
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual(failed);
    expect(aws.backup).toHaveReceivedCommandTimes(StartRestoreJobCommand, 3);
    // Each attempt's job is in its record, with what AWS Backup said.
    const record = JSON.parse(
      Buffer.from((await objects.get(restoreJobObjects.job(RP, TO)))!).toString("utf8"),
    );
    expect(record).toMatchObject({
      restoreJobId: "restore-job-0003",
      endedJobs: [
        {
          restoreJobId: "restore-job-0001",
          status: "FAILED",
          statusMessage: "Access denied to the file system",
        },
        {
          restoreJobId: "restore-job-0002",
          status: "ABORTED",
          statusMessage: "Job aborted by the service",
        },
      ],
    });
  });

  it("a retry after a crash between starting the new job and recording it starts no second job (the same token)", async () => {
    await sources.restoreHomeStep(RP, FROM, TO);
    aws.backup
      .on(DescribeRestoreJobCommand)
      .resolves({ Status: "ABORTED", StatusMessage: "Job aborted by the service" });
    const put = objects.put.bind(objects);
    objects.put = async () => {
      throw new Error("killed");
    };
    await expect(sources.restoreHomeStep(RP, FROM, TO)).rejects.toThrow("killed");
    objects.put = put;
    await sources.restoreHomeStep(RP, FROM, TO);
    const tokens = aws.backup
      .commandCalls(StartRestoreJobCommand)
      .map((c) => c.args[0].input.IdempotencyToken);
    const token = clientToken(`restore:${TO}`, RP);
    expect(tokens).toEqual([token, `${token}-job2`, `${token}-job2`]);
  });

  it("a raised attempt is a fresh restore under a new token; attempt 1 keeps the token (and record) it always had", async () => {
    await sources.restoreHomeStep(RP, FROM, TO);
    aws.backup.on(DescribeRestoreJobCommand).resolves({ Status: "COMPLETED" });
    aws.backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "restore-job-0100" });
    const move = {
      environment: "genomics-core/rnaseq-thesis",
      snapshot: "genomics-core/rnaseq/thesis",
      image: "x@sha256:1",
      files: [],
      attempt: 2,
    };
    expect(await sources.restoreHomeStep(RP, FROM, TO, move)).toEqual({
      state: "pending",
      reason: `started the AWS Backup restore job restore-job-0100 of ${FROM} from ${RP} (attempt 2)`,
    });
    const tokens = aws.backup
      .commandCalls(StartRestoreJobCommand)
      .map((c) => c.args[0].input.IdempotencyToken);
    expect(tokens).toEqual([clientToken(`restore:${TO}`, RP), restoreToken(RP, TO, 2)]);
    expect(restoreToken(RP, TO, 2)).not.toBe(restoreToken(RP, TO, 1));
    expect(restoreJobObjects.job(RP, TO)).toBe(
      `restores/jobs/${clientToken(`restore:${TO}`, RP)}.json`,
    );
    expect(await objects.get(restoreJobObjects.job(RP, TO))).toBeDefined();
    expect(await objects.get(restoreJobObjects.job(RP, TO, 2))).toBeDefined();
  });

  it("a recovery point AWS Backup no longer has fails the restore for good: a retry cannot mend it", async () => {
    aws.backup
      .on(StartRestoreJobCommand)
      .rejects(
        new ResourceNotFoundException({ message: "Recovery point not found", $metadata: {} }),
      );
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "failed",
      final: true,
      mendable: false,
      reason: `the recovery point ${RP} is not in AWS Backup any more (Recovery point not found): the snapshot's home cannot be restored from it`,
    });
  });

  it("a completed job without a move request waits, saying where the files are", async () => {
    await sources.restoreHomeStep(RP, FROM, TO);
    aws.backup.on(DescribeRestoreJobCommand).resolves({ Status: "COMPLETED" });
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "pending",
      reason:
        "the AWS Backup restore job restore-job-0001 completed: the home's files are in a new aws-backup-restore_<time> directory off the file system root, untouched",
    });
  });

  it("a completed job for an environment with no home access point on AWS fails: whose files they are is not known", async () => {
    await sources.restoreHomeStep(RP, FROM, TO);
    aws.backup.on(DescribeRestoreJobCommand).resolves({ Status: "COMPLETED" });
    const move = {
      environment: "genomics-core/rnaseq-thesis",
      snapshot: "genomics-core/rnaseq/thesis",
      image: "x@sha256:1",
      files: [],
    };
    expect(await sources.restoreHomeStep(RP, FROM, TO, move)).toEqual({
      state: "failed",
      reason:
        "genomics-core/rnaseq-thesis has no home access point on AWS: whose files the restore moves is not known",
    });
  });

  it("without the backup role nothing is started and the restore says what to set", async () => {
    const { backupRoleArn: _omitted, ...noRole } = CONFIG;
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    const s = new AwsSnapshotSources(noRole, aws.clients, objects, [], () => new Date());
    expect(await s.restoreHomeStep(RP, FROM, TO)).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(/aws\.backupRoleArn/),
    });
    expect(aws.backup).not.toHaveReceivedCommand(StartRestoreJobCommand);
  });
});
