// Paths moto cannot exercise, covered with aws-sdk-client-mock (each test's
// name says which gap): services never start tasks, so the running task's EBS
// attachment is never seen; EFS ClientToken reuse creates a duplicate in moto
// where AWS returns the first access point; AWS Backup jobs are not
// implemented.
import "aws-sdk-client-mock-vitest/extend";
import { StartBackupJobCommand } from "@aws-sdk/client-backup";
import { CreateSnapshotCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { CreateAccessPointCommand, DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import {
  createAction,
  desiredResource,
  environmentResources,
  type EnvironmentResources,
} from "./fixtures/environment-resources.js";
import {
  ACCOUNT,
  CONFIG,
  FILE_SYSTEM,
  REGION,
  mockedAws,
  type MockedAws,
} from "./fixtures/mocked-aws.js";

describe("moto gaps, covered with aws-sdk-client-mock", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  let env: EnvironmentResources;

  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider(CONFIG, aws.clients);
    env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
    });
  });

  it("moto gap (services never start tasks): snapshots the volume attached to the service's running task", async () => {
    const svcArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:service/labenv/labenv-genomics-core-rnaseq`;
    const taskArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/labenv/0123456789abcdef`;
    const snapshot = desiredResource(
      "ebs-snapshot",
      "ebs-snapshot:genomics-core/rnaseq/before-replace-abc",
      "genomics-core/rnaseq",
      "genomics-core",
      { service: env.service.key, description: "before replace", trigger: "before-replace" },
    );
    aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    aws.ecs.on(ListTasksCommand).resolves({ taskArns: [taskArn] });
    aws.ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn,
          attachments: [
            {
              type: "ElasticNetworkInterface",
              status: "ATTACHED",
              details: [{ name: "networkInterfaceId", value: "eni-0abc" }],
            },
            {
              type: "AmazonElasticBlockStorage",
              status: "ATTACHED",
              details: [
                { name: "volumeId", value: "vol-0attached" },
                { name: "sizeInGiB", value: "50" },
              ],
            },
          ],
        },
      ],
    });
    aws.ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: "snap-0new" });
    await provider.apply(createAction(snapshot), (k) =>
      k === env.service.key ? svcArn : undefined,
    );
    expect(aws.ecs).toHaveReceivedCommandWith(ListTasksCommand, {
      cluster: "labenv",
      serviceName: "labenv-genomics-core-rnaseq",
      desiredStatus: "RUNNING",
    });
    expect(aws.ec2).toHaveReceivedCommandWith(CreateSnapshotCommand, { VolumeId: "vol-0attached" });
  });

  it("moto gap (EFS ClientToken reuse duplicates in moto): a retry after a lost response sends the same token and gets the same access point", async () => {
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" }); // the Tagging API has not caught up yet
    aws.efs
      .on(CreateAccessPointCommand)
      .rejectsOnce(Object.assign(new Error("socket hang up"), { name: "TimeoutError" }))
      .resolves({ AccessPointId: "fsap-0first" });
    await expect(provider.apply(createAction(env.home), () => undefined)).rejects.toMatchObject({
      code: "provider",
    });
    expect(await provider.apply(createAction(env.home), () => undefined)).toEqual({
      key: env.home.key,
      id: "fsap-0first",
    });
    const tokens = aws.efs
      .commandCalls(CreateAccessPointCommand)
      .map((c) => c.args[0].input.ClientToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
  });

  it("moto gap (EFS ClientToken reuse duplicates in moto): once the Tagging API lists it, no create is sent at all", async () => {
    const arn = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/fsap-0first`;
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        {
          ResourceARN: arn,
          Tags: Object.entries(env.home.tags).map(([Key, Value]) => ({ Key, Value })),
        },
      ],
      PaginationToken: "",
    });
    aws.efs.on(DescribeAccessPointsCommand).resolves({
      AccessPoints: [
        {
          AccessPointId: "fsap-0first",
          FileSystemId: FILE_SYSTEM,
          LifeCycleState: "available",
          PosixUser: { Uid: 20001, Gid: 5001 },
          RootDirectory: {
            Path: env.home.spec.rootDirectory.path,
            CreationInfo: { OwnerUid: 20001, OwnerGid: 5001, Permissions: "0750" },
          },
          Tags: [
            ...Object.entries(env.home.tags).map(([Key, Value]) => ({ Key, Value })),
            { Key: "labenv:purpose", Value: "home" },
          ],
        },
      ],
    });
    expect(await provider.apply(createAction(env.home), () => undefined)).toEqual({
      key: env.home.key,
      id: "fsap-0first",
    });
    expect(aws.efs).not.toHaveReceivedCommand(CreateAccessPointCommand);
  });

  it("moto gap (AWS Backup jobs not implemented): a backup already taken is found by its recovery point's tag and not started again", async () => {
    const backup = desiredResource(
      "backup-job",
      "backup-job:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      { accessPoint: env.home.key, description: "paper", trigger: "request" },
    );
    const rp = `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:rp-1`;
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        { ResourceARN: rp, Tags: [{ Key: "labenv:resource", Value: backup.key }] },
      ],
      PaginationToken: "",
    });
    expect(await provider.apply(createAction(backup), () => undefined)).toEqual({
      key: backup.key,
      id: rp,
    });
    expect(aws.tagging).toHaveReceivedCommandWith(GetResourcesCommand, {
      ResourceTypeFilters: ["backup:recovery-point"],
      TagFilters: [{ Key: "labenv:resource", Values: [backup.key] }],
    });
    expect(aws.backup).not.toHaveReceivedCommand(StartBackupJobCommand);
  });

  it("moto gap (AWS Backup jobs not implemented): without a vault and role configured, a clear config error and no call", async () => {
    const backup = desiredResource(
      "backup-job",
      "backup-job:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      { accessPoint: env.home.key, description: "paper", trigger: "request" },
    );
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" });
    const bare = new AwsProvider(
      { ...CONFIG, backupVaultName: undefined, backupRoleArn: undefined },
      aws.clients,
    );
    await expect(bare.apply(createAction(backup), () => undefined)).rejects.toMatchObject({
      code: "config",
      hint: expect.stringContaining("backupVaultName"),
    });
    expect(aws.backup).not.toHaveReceivedCommand(StartBackupJobCommand);
  });
});
