// EBS archive tiering on AWS (aws-sdk-client-mock): observe reports each snapshot's tier and
// start, a plan's tier move is ModifySnapshotTier to the archive tier or a permanent
// RestoreSnapshotTier back, and a move already under way or done is not an error.
import "aws-sdk-client-mock-vitest/extend";
import {
  DescribeSnapshotsCommand,
  ModifySnapshotTierCommand,
  RestoreSnapshotTierCommand,
} from "@aws-sdk/client-ec2";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { ebsSnapshotDriver } from "../../../reconciler/adapters/aws/ebs-snapshot-driver.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { CONFIG, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const E = "genomics-core/rnaseq";
const KEY = `ebs-snapshot:${E}/thesis`;
const ID = "snap-0123456789abcdef0";
const move = (from: string, to: string): Action => ({
  outcome: "update",
  kind: "ebs-snapshot",
  key: KEY,
  environment: E,
  observed: {
    kind: "ebs-snapshot",
    key: KEY,
    environment: E,
    id: ID,
    spec: {},
    tags: {},
  } as unknown as ObservedResource,
  changes: [{ field: "storageTier", from, to }],
  reason: "tier",
});
const incorrect = (message: string) =>
  Object.assign(new Error(message), { name: "IncorrectState" });

describe("EBS archive tiering (AWS)", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider(CONFIG, aws.clients);
  });

  it("observe reports the storage tier and when the snapshot was taken", async () => {
    aws.ec2.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        {
          SnapshotId: ID,
          State: "completed",
          StorageTier: "archive",
          StartTime: new Date("2026-09-01T03:00:00Z"),
          Tags: [
            { Key: "labenv:resource", Value: KEY },
            { Key: "labenv:environment", Value: E },
          ],
        },
      ],
    });
    const [o] = await ebsSnapshotDriver.observe({
      config: CONFIG,
      clients: aws.clients,
      keyOf: () => undefined,
    });
    expect(o).toMatchObject({ storageTier: "archive", startedAt: "2026-09-01T03:00:00.000Z" });
  });

  it("to the archive tier: ModifySnapshotTier with StorageTier archive, and nothing else", async () => {
    aws.ec2.on(ModifySnapshotTierCommand).resolves({ SnapshotId: ID });
    await expect(provider.apply(move("standard", "archive"), () => undefined)).resolves.toEqual({
      key: KEY,
      id: ID,
    });
    expect(aws.calls()).toEqual(["ec2.ModifySnapshotTier"]);
    expect(aws.ec2).toHaveReceivedCommandWith(ModifySnapshotTierCommand, {
      SnapshotId: ID,
      StorageTier: "archive",
    });
  });

  it("back for a restore: a permanent RestoreSnapshotTier", async () => {
    aws.ec2.on(RestoreSnapshotTierCommand).resolves({ SnapshotId: ID });
    await provider.apply(move("archive", "standard"), () => undefined);
    expect(aws.calls()).toEqual(["ec2.RestoreSnapshotTier"]);
    expect(aws.ec2).toHaveReceivedCommandWith(RestoreSnapshotTierCommand, {
      SnapshotId: ID,
      PermanentRestore: true,
    });
  });

  it("a restore already in progress or a snapshot already archived is done; any other refusal fails", async () => {
    aws.ec2
      .on(RestoreSnapshotTierCommand)
      .rejects(incorrect("The snapshot is already being restored."));
    await expect(provider.apply(move("archive", "standard"), () => undefined)).resolves.toEqual({
      key: KEY,
      id: ID,
    });
    aws.ec2.on(ModifySnapshotTierCommand).rejects(incorrect("The snapshot is already archived."));
    await expect(provider.apply(move("standard", "archive"), () => undefined)).resolves.toEqual({
      key: KEY,
      id: ID,
    });
    aws.ec2.on(ModifySnapshotTierCommand).rejects(
      Object.assign(new Error("Snapshots younger than ... cannot be archived"), {
        name: "InvalidParameterValue",
      }),
    );
    await expect(provider.apply(move("standard", "archive"), () => undefined)).rejects.toThrow(
      /AWS refused to update ebs-snapshot .*InvalidParameterValue/,
    );
  });
});
