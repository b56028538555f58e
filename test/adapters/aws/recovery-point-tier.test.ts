// A home's recovery point on AWS (aws-sdk-client-mock: moto has no AWS Backup recovery points):
// observe reports where AWS Backup holds it, warm or cold storage, and its lifecycle, from one
// listing of labenv's vault; a plan's lifecycle change is UpdateRecoveryPointLifecycle, keeping
// a deletion date someone set and never adding one.
import "aws-sdk-client-mock-vitest/extend";
import {
  ListRecoveryPointsByBackupVaultCommand,
  UpdateRecoveryPointLifecycleCommand,
} from "@aws-sdk/client-backup";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { backupJobDriver } from "../../../reconciler/adapters/aws/backup-job-driver.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { ACCOUNT, CONFIG, REGION, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const E = "genomics-core/rnaseq";
const KEY = `backup-job:${E}/thesis`;
const ARN = `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45`;
const NOW = new Date("2026-12-07T12:00:00Z");
const tagged = () => ({
  ResourceTagMappingList: [
    {
      ResourceARN: ARN,
      Tags: [
        { Key: "labenv:resource", Value: KEY },
        { Key: "labenv:environment", Value: E },
        { Key: "labenv:lab", Value: "genomics-core" },
        { Key: "labenv:trigger", Value: "request" },
      ],
    },
  ],
  PaginationToken: "",
});
const listed = (over: object) => ({
  RecoveryPoints: [
    {
      RecoveryPointArn: ARN,
      ResourceType: "EFS",
      Status: "COMPLETED" as const,
      CreationDate: new Date("2026-10-01T03:00:00Z"),
      ...over,
    },
  ],
});
const change = (from: string, to: string, lifecycle?: object): Action => ({
  outcome: "update",
  kind: "backup-job",
  key: KEY,
  environment: E,
  observed: {
    kind: "backup-job",
    key: KEY,
    environment: E,
    id: ARN,
    spec: {},
    tags: {},
    storageClass: "warm",
    lifecycle: lifecycle ?? {},
  } as unknown as ObservedResource,
  changes: [{ field: "coldStorageAfterDays", from, to }],
  reason: "tier",
});

describe("home recovery points' storage and lifecycle (AWS Backup)", () => {
  let aws: MockedAws;
  beforeEach(() => {
    aws = mockedAws();
  });
  const observe = () =>
    backupJobDriver.observe({
      config: CONFIG,
      clients: aws.clients,
      keyOf: () => undefined,
      now: () => NOW,
    });

  it.each([
    [
      "its move to cold storage has passed: cold",
      {
        Lifecycle: { MoveToColdStorageAfterDays: 30 },
        CalculatedLifecycle: { MoveToColdStorageAt: new Date("2026-10-31T03:00:00Z") },
      },
      { storageClass: "cold", lifecycle: { coldStorageAfterDays: 30 } },
    ],
    [
      "its move is still ahead: warm",
      {
        Lifecycle: { MoveToColdStorageAfterDays: 90 },
        CalculatedLifecycle: { MoveToColdStorageAt: new Date("2026-12-30T03:00:00Z") },
      },
      { storageClass: "warm", lifecycle: { coldStorageAfterDays: 90 } },
    ],
    ["no lifecycle: warm, no move", {}, { storageClass: "warm", lifecycle: {} }],
    [
      "AWS Backup's -1 (kept indefinitely): warm, no move",
      { Lifecycle: { MoveToColdStorageAfterDays: -1, DeleteAfterDays: -1 } },
      { storageClass: "warm", lifecycle: {} },
    ],
    [
      "a deletion date someone set: reported",
      { Lifecycle: { DeleteAfterDays: 4000 } },
      { storageClass: "warm", lifecycle: { deleteAfterDays: 4000 } },
    ],
  ])("%s", async (_name, point, expected) => {
    aws.tagging.on(GetResourcesCommand).resolves(tagged());
    aws.backup.on(ListRecoveryPointsByBackupVaultCommand).resolves(listed(point));
    const [o] = await observe();
    expect(o).toMatchObject({ ...expected, startedAt: "2026-10-01T03:00:00.000Z" });
    expect(aws.backup).toHaveReceivedCommandWith(ListRecoveryPointsByBackupVaultCommand, {
      BackupVaultName: CONFIG.backupVaultName,
      ByResourceType: "EFS",
    });
  });

  it("a point the vault does not list: no storage reported (the tier comes from the schedule)", async () => {
    aws.tagging.on(GetResourcesCommand).resolves(tagged());
    aws.backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({ RecoveryPoints: [] });
    const [o] = await observe();
    expect(o!.storageClass).toBeUndefined();
    expect(o!.lifecycle).toBeUndefined();
  });

  it("no recovery point of labenv's: the vault is not listed", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    expect(await observe()).toEqual([]);
    expect(aws.calls()).toEqual(["tagging.GetResources"]);
  });

  it("follows the vault's pages", async () => {
    aws.tagging.on(GetResourcesCommand).resolves(tagged());
    aws.backup
      .on(ListRecoveryPointsByBackupVaultCommand)
      .resolvesOnce({ RecoveryPoints: [], NextToken: "next" })
      .resolvesOnce(listed({ CalculatedLifecycle: { MoveToColdStorageAt: new Date(0) } }));
    const [o] = await observe();
    expect(o!.storageClass).toBe("cold");
    expect(aws.backup).toHaveReceivedCommandTimes(ListRecoveryPointsByBackupVaultCommand, 2);
  });

  describe("apply", () => {
    let provider: AwsProvider;
    beforeEach(() => {
      provider = new AwsProvider(CONFIG, aws.clients);
      aws.backup.on(UpdateRecoveryPointLifecycleCommand).resolves({});
    });

    it("sets its move to cold storage, and nothing else (no deletion date)", async () => {
      await expect(provider.apply(change("none", "30"), () => undefined)).resolves.toEqual({
        key: KEY,
        id: ARN,
      });
      expect(aws.calls()).toEqual(["backup.UpdateRecoveryPointLifecycle"]);
      expect(aws.backup).toHaveReceivedCommandWith(UpdateRecoveryPointLifecycleCommand, {
        BackupVaultName: CONFIG.backupVaultName,
        RecoveryPointArn: ARN,
        Lifecycle: { MoveToColdStorageAfterDays: 30 },
      });
    });

    it("keeps a deletion date someone set (AWS would reset what the call leaves out)", async () => {
      await provider.apply(change("30", "120", { deleteAfterDays: 4000 }), () => undefined);
      expect(
        aws.backup.commandCalls(UpdateRecoveryPointLifecycleCommand)[0]!.args[0].input.Lifecycle,
      ).toEqual({ MoveToColdStorageAfterDays: 120, DeleteAfterDays: 4000 });
    });

    it("removes the move for a snapshot an environment restores from: AWS Backup's -1, kept indefinitely", async () => {
      await provider.apply(change("30", "none"), () => undefined);
      expect(
        aws.backup.commandCalls(UpdateRecoveryPointLifecycleCommand)[0]!.args[0].input.Lifecycle,
      ).toEqual({ MoveToColdStorageAfterDays: -1, DeleteAfterDays: -1 });
    });

    it("refuses a plan that names no whole number of days", async () => {
      await expect(provider.apply(change("none", "soon"), () => undefined)).rejects.toThrow(
        /no cold storage move of soon days/,
      );
      expect(aws.calls()).toEqual([]);
    });
  });
});
