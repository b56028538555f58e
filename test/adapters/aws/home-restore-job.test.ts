// A restored environment's home on AWS, call by call (aws-sdk-client-mock, since moto runs no
// AWS Backup jobs): an item-level restore job of just the home's path, started once (by its
// idempotency token and the record it leaves), followed across runs, a failed job said with
// AWS Backup's message; the move after it is in test/integration/aws/home-restore-aws.test.ts.
import "aws-sdk-client-mock-vitest/extend";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeRestoreJobCommand, StartRestoreJobCommand } from "@aws-sdk/client-backup";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsSnapshotSources } from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
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

  beforeEach(() => {
    aws = mockedAws();
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
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

  it("a failed restore job fails the restore with AWS Backup's message", async () => {
    await sources.restoreHomeStep(RP, FROM, TO);
    aws.backup
      .on(DescribeRestoreJobCommand)
      .resolves({ Status: "FAILED", StatusMessage: "Access denied to the file system" });
    expect(await sources.restoreHomeStep(RP, FROM, TO)).toEqual({
      state: "failed",
      reason:
        "the AWS Backup restore job restore-job-0001 ended FAILED: Access denied to the file system",
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
