// Pruning a scheduled snapshot's home backup on AWS Backup (aws-sdk-client-mock: moto does not
// implement AWS Backup): the calls and their shapes, and the refusals — a point outside
// labenv's vault, one in a locked vault still within its minimum retention, one in use, one
// whose tags say it is not a schedule's — each a clear failure that deletes nothing.
import "aws-sdk-client-mock-vitest/extend";
import {
  DeleteRecoveryPointCommand,
  DescribeBackupVaultCommand,
  DescribeRecoveryPointCommand,
  InvalidRequestException,
  InvalidResourceStateException,
  ListTagsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-backup";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { ACCOUNT, CONFIG, REGION, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const E = "genomics-core/rnaseq";
const KEY = `backup-job:${E}/scheduled-20261101-0300`;
const ARN = `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:1EB3B5E7-9E2C-4A4B-8A7B-0A1B2C3D4E5F`;
const VAULT = CONFIG.backupVaultName!;
const TAGS = {
  "labenv:lab": "genomics-core",
  "labenv:environment": E,
  "labenv:resource": KEY,
  "labenv:trigger": "schedule",
};
const NOW = new Date("2026-12-07T12:00:00Z");
const notFound = () => new ResourceNotFoundException({ message: "not found", $metadata: {} });

const prune = (id = ARN, key = KEY): Action => ({
  outcome: "delete",
  kind: "backup-job",
  key,
  environment: E,
  observed: {
    kind: "backup-job",
    key,
    environment: E,
    id,
    spec: {},
    tags: {},
  } as unknown as ObservedResource,
  changes: [],
  reason: "delete scheduled-20261101-0300's home backup: pruned by keep (daily 1)",
});

describe("pruning a recovery point (AWS Backup)", () => {
  let aws: MockedAws;
  let provider: AwsProvider;

  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider(CONFIG, aws.clients, { now: () => NOW });
    aws.backup
      .on(DescribeRecoveryPointCommand)
      .resolves({
        RecoveryPointArn: ARN,
        Status: "COMPLETED",
        CreationDate: new Date("2026-11-01T03:05:00Z"),
      })
      .on(ListTagsCommand)
      .resolves({ Tags: TAGS })
      .on(DescribeBackupVaultCommand)
      .resolves({ BackupVaultName: VAULT, Locked: false })
      .on(DeleteRecoveryPointCommand)
      .resolves({});
  });

  it("looks in labenv's vault, reads its tags and the vault's lock, then deletes it there", async () => {
    await expect(provider.apply(prune(), () => undefined)).resolves.toEqual({ key: KEY, id: ARN });
    expect(aws.calls()).toEqual([
      "backup.DescribeRecoveryPoint",
      "backup.ListTags",
      "backup.DescribeBackupVault",
      "backup.DeleteRecoveryPoint",
    ]);
    expect(aws.backup).toHaveReceivedCommandWith(DescribeRecoveryPointCommand, {
      BackupVaultName: VAULT,
      RecoveryPointArn: ARN,
    });
    expect(aws.backup).toHaveReceivedCommandWith(ListTagsCommand, { ResourceArn: ARN });
    expect(aws.backup).toHaveReceivedCommandWith(DeleteRecoveryPointCommand, {
      BackupVaultName: VAULT,
      RecoveryPointArn: ARN,
    });
  });

  it("one already gone (or being deleted) is done, without a delete", async () => {
    aws.backup
      .on(DescribeRecoveryPointCommand)
      .rejects(notFound())
      .on(ListTagsCommand)
      .rejects(notFound());
    await expect(provider.apply(prune(), () => undefined)).resolves.toEqual({ key: KEY, id: ARN });
    aws.backup
      .on(DescribeRecoveryPointCommand)
      .resolves({ RecoveryPointArn: ARN, Status: "DELETING" });
    await expect(provider.apply(prune(), () => undefined)).resolves.toEqual({ key: KEY, id: ARN });
    expect(aws.backup).not.toHaveReceivedCommand(DeleteRecoveryPointCommand);
  });

  it("refuses a point that is not in labenv's vault", async () => {
    aws.backup
      .on(DescribeRecoveryPointCommand)
      .rejects(notFound())
      .on(ListTagsCommand)
      .resolves({ Tags: TAGS });
    await expect(provider.apply(prune(), () => undefined)).rejects.toThrow(
      `refused to delete recovery point ${ARN}: it is not in labenv's vault ${VAULT}`,
    );
    expect(aws.backup).not.toHaveReceivedCommand(DeleteRecoveryPointCommand);
  });

  it("refuses one in a vault locked with a minimum retention that still keeps it, saying until when", async () => {
    aws.backup
      .on(DescribeBackupVaultCommand)
      .resolves({ BackupVaultName: VAULT, Locked: true, MinRetentionDays: 365 });
    await expect(provider.apply(prune(), () => undefined)).rejects.toThrow(
      /locked \(AWS Backup Vault Lock\) with a minimum retention of 365 days: AWS keeps it until 2027-11-01/,
    );
    expect(aws.backup).not.toHaveReceivedCommand(DeleteRecoveryPointCommand);
  });

  it("a locked vault whose minimum retention has passed lets the prune through", async () => {
    aws.backup
      .on(DescribeBackupVaultCommand)
      .resolves({ BackupVaultName: VAULT, Locked: true, MinRetentionDays: 7 });
    await expect(provider.apply(prune(), () => undefined)).resolves.toEqual({ key: KEY, id: ARN });
  });

  it("one in use (a restore or copy job) fails clearly and is kept", async () => {
    aws.backup.on(DeleteRecoveryPointCommand).rejects(
      new InvalidResourceStateException({
        message: "Recovery point is being used by a restore job",
        $metadata: {},
      }),
    );
    await expect(provider.apply(prune(), () => undefined)).rejects.toThrow(
      /cannot be deleted now \(Recovery point is being used by a restore job\): a restore or copy job may be using it.*it is kept/,
    );
  });

  it("AWS refusing it for a lock or a retention setting fails clearly", async () => {
    aws.backup
      .on(DeleteRecoveryPointCommand)
      .rejects(new InvalidRequestException({ message: "Backup vault is locked", $metadata: {} }));
    await expect(provider.apply(prune(), () => undefined)).rejects.toThrow(
      /AWS Backup refused to delete recovery point .*\(Backup vault is locked\): a locked vault or a retention setting keeps it/,
    );
  });

  it.each([
    [
      "a document's (trigger request)",
      { ...TAGS, "labenv:trigger": "request" },
      /not taken by a schedule/,
    ],
    ["one under a legal hold tag", { ...TAGS, "labenv:legal-hold": "true" }, /under legal hold/],
    ["one labenv did not make", {}, /labenv did not create it/],
    [
      "one tagged for another snapshot",
      { ...TAGS, "labenv:resource": `backup-job:${E}/thesis` },
      /its labenv:resource tag is/,
    ],
  ])("refuses %s before any delete", async (_n, tags, refused) => {
    aws.backup.on(ListTagsCommand).resolves({ Tags: tags });
    await expect(provider.apply(prune(), () => undefined)).rejects.toThrow(refused);
    expect(aws.backup).not.toHaveReceivedCommand(DeleteRecoveryPointCommand);
  });

  it("refuses an id that is not a recovery point ARN, without calling AWS", async () => {
    await expect(
      provider.apply(
        prune("arn:aws:elasticfilesystem:eu-west-1:1:file-system/fs-1"),
        () => undefined,
      ),
    ).rejects.toThrow(/names no recovery point/);
    expect(aws.calls()).toEqual([]);
  });
});
