// The requests apply sends, checked with aws-sdk-client-mock: an idempotency
// token on every create that takes one, a look-up first where none exists,
// and the shapes the design asks for.
import "aws-sdk-client-mock-vitest/extend";
import { StartBackupJobCommand } from "@aws-sdk/client-backup";
import {
  CreateSnapshotCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
} from "@aws-sdk/client-ec2";
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import { CreateAccessPointCommand, DescribeFileSystemsCommand } from "@aws-sdk/client-efs";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { clientToken } from "../../../reconciler/adapters/aws/client-token.js";
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

const TOKEN = /^[0-9a-f]{32}$/;

describe("apply: idempotency tokens and request shapes", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  let env: EnvironmentResources;
  const ids = new Map([
    ["access-point:genomics-core/rnaseq/home", "fsap-0000000000000home"],
    ["access-point:genomics-core/dataset/reference-genomes", "fsap-00000000000000ds"],
    [
      "task-definition:genomics-core/rnaseq",
      `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/labenv-genomics-core-rnaseq:1`,
    ],
    [
      "service:genomics-core/rnaseq",
      `arn:aws:ecs:${REGION}:${ACCOUNT}:service/labenv/labenv-genomics-core-rnaseq`,
    ],
  ]);
  const resolve = (key: string) => ids.get(key);

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
      datasets: ["reference-genomes"],
      logGroup: "/labenv/jupyter",
    });
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" });
  });

  it("access point: deterministic ClientToken from key and spec hash, POSIX user, root directory with creation info, tags", async () => {
    aws.efs.on(CreateAccessPointCommand).resolves({ AccessPointId: "fsap-0123" });
    await provider.apply(createAction(env.home), resolve);
    expect(aws.efs).toHaveReceivedCommandWith(CreateAccessPointCommand, {
      ClientToken: clientToken(env.home.key, env.home.specHash),
      FileSystemId: FILE_SYSTEM,
      PosixUser: { Uid: 20001, Gid: 5001 },
      RootDirectory: {
        Path: "/labs/genomics-core/environments/rnaseq",
        CreationInfo: { OwnerUid: 20001, OwnerGid: 5001, Permissions: "0750" },
      },
      Tags: expect.arrayContaining([
        { Key: "labenv:resource", Value: env.home.key },
        { Key: "labenv:purpose", Value: "home" },
      ]),
    });
    expect(aws.efs.commandCalls(CreateAccessPointCommand)[0]?.args[0].input.ClientToken).toMatch(
      TOKEN,
    );
    expect(aws.tagging).toHaveReceivedCommandWith(GetResourcesCommand, {
      ResourceTypeFilters: ["elasticfilesystem:access-point"],
      TagFilters: [{ Key: "labenv:resource", Values: [env.home.key] }],
    });
  });

  it("task definition: Fargate, awsvpc, jupyter on 8888, encrypted IAM-authorized EFS home, launch-time /opt/jupyter, read-only datasets, awslogs, container memory", async () => {
    aws.ecs.on(DescribeTaskDefinitionCommand).rejects(
      Object.assign(new Error("Unable to describe task definition."), {
        name: "ClientException",
      }),
    );
    aws.ecs
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { taskDefinitionArn: "arn:td:1" } });
    const applied = await provider.apply(createAction(env.taskDefinition), resolve);
    expect(applied).toEqual({ key: env.taskDefinition.key, id: "arn:td:1" });
    const input = aws.ecs.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      family: "labenv-genomics-core-rnaseq",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "1024",
      memory: "4096",
    });
    expect(input?.containerDefinitions?.[0]).toMatchObject({
      name: "jupyter",
      memory: 4096,
      portMappings: [{ containerPort: 8888, protocol: "tcp" }],
      mountPoints: [
        { sourceVolume: "home", containerPath: "/home/jovyan", readOnly: false },
        { sourceVolume: "jupyter", containerPath: "/opt/jupyter", readOnly: false },
        { sourceVolume: "dataset-1", containerPath: "/data/reference-genomes", readOnly: true },
      ],
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": "/labenv/jupyter",
          "awslogs-region": REGION,
          "awslogs-stream-prefix": "jupyter",
        },
      },
    });
    expect(input?.volumes).toEqual([
      {
        name: "home",
        efsVolumeConfiguration: {
          fileSystemId: FILE_SYSTEM,
          transitEncryption: "ENABLED",
          authorizationConfig: { accessPointId: "fsap-0000000000000home", iam: "ENABLED" },
        },
      },
      { name: "jupyter", configuredAtLaunch: true },
      {
        name: "dataset-1",
        efsVolumeConfiguration: {
          fileSystemId: FILE_SYSTEM,
          transitEncryption: "ENABLED",
          authorizationConfig: { accessPointId: "fsap-00000000000000ds", iam: "ENABLED" },
        },
      },
    ]);
    expect(input?.tags).toContainEqual({
      key: "labenv:spec-hash",
      value: env.taskDefinition.specHash,
    });
  });

  it("service: clientToken, Fargate, private awsvpc, managed encrypted gp3 volume with the EBS role and volume tags, propagated tags", async () => {
    aws.ecs
      .on(DescribeServicesCommand)
      .resolves({ services: [], failures: [{ reason: "MISSING" }] });
    aws.ecs.on(CreateServiceCommand).resolves({ service: { serviceArn: "arn:svc" } });
    await provider.apply(createAction(env.service), resolve);
    expect(aws.ecs).toHaveReceivedCommandWith(CreateServiceCommand, {
      cluster: "labenv",
      serviceName: "labenv-genomics-core-rnaseq",
      clientToken: clientToken(env.service.key, env.service.specHash),
      launchType: "FARGATE",
      desiredCount: 1,
      taskDefinition: ids.get(env.taskDefinition.key),
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: env.service.spec.subnets,
          securityGroups: env.service.spec.securityGroups,
          assignPublicIp: "DISABLED",
        },
      },
      volumeConfigurations: [
        {
          name: "jupyter",
          managedEBSVolume: {
            sizeInGiB: 50,
            volumeType: "gp3",
            encrypted: true,
            roleArn: CONFIG.ebsRoleArn,
            tagSpecifications: [
              {
                resourceType: "volume",
                propagateTags: "NONE",
                tags: expect.arrayContaining([
                  { key: "labenv:service", value: env.service.key },
                  { key: "labenv:lab", value: "genomics-core" },
                ]),
              },
            ],
          },
        },
      ],
      propagateTags: "SERVICE",
      enableECSManagedTags: true,
      tags: expect.arrayContaining([{ key: "labenv:resource", value: env.service.key }]),
    });
  });

  it("service from a snapshot: the snapshot key resolves to its id in the managed volume", async () => {
    const snapKey = "ebs-snapshot:genomics-core/rnaseq/before-genomics-2";
    const fromSnapshot = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
    }).service;
    fromSnapshot.spec.volume.fromSnapshot = snapKey;
    aws.ecs.on(DescribeServicesCommand).resolves({ services: [] });
    aws.ecs.on(CreateServiceCommand).resolves({ service: { serviceArn: "arn:svc" } });
    await provider.apply(createAction(fromSnapshot), (k) =>
      k === snapKey ? "snap-0feedface" : ids.get(k),
    );
    const input = aws.ecs.commandCalls(CreateServiceCommand)[0]?.args[0].input;
    expect(input?.volumeConfigurations?.[0]?.managedEBSVolume?.snapshotId).toBe("snap-0feedface");
    expect(input?.tags).toContainEqual({ key: "labenv:from-snapshot", value: snapKey });
  });

  it("backup job: IdempotencyToken, the file system's ARN, the vault and role, recovery point tags", async () => {
    const backup = desiredResource(
      "backup-job",
      "backup-job:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      {
        accessPoint: env.home.key,
        description: "home before hand-over lwu → mchen",
        trigger: "succession",
      },
    );
    const fsArn = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${FILE_SYSTEM}`;
    aws.efs
      .on(DescribeFileSystemsCommand)
      .resolves({ FileSystems: [{ FileSystemId: FILE_SYSTEM, FileSystemArn: fsArn } as never] });
    aws.backup.on(StartBackupJobCommand).resolves({
      BackupJobId: "job-1",
      RecoveryPointArn: `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:rp-1`,
    });
    const applied = await provider.apply(createAction(backup), resolve);
    expect(applied.id).toContain("recovery-point:rp-1");
    expect(aws.backup).toHaveReceivedCommandWith(StartBackupJobCommand, {
      BackupVaultName: "labenv-research",
      ResourceArn: fsArn,
      IamRoleArn: CONFIG.backupRoleArn,
      IdempotencyToken: clientToken(backup.key, backup.specHash),
      RecoveryPointTags: expect.objectContaining({
        "labenv:resource": backup.key,
        "labenv:access-point": env.home.key,
        "labenv:trigger": "succession",
        "labenv:description": expect.stringMatching(/^b64:/),
      }),
    });
    // No retention asked for: no lifecycle, and never a deletion date.
    expect(
      aws.backup.commandCalls(StartBackupJobCommand)[0]?.args[0].input.Lifecycle,
    ).toBeUndefined();
  });

  it("backup job of a request: moved to cold storage after its warmAfterDays, never deleted", async () => {
    const backup = desiredResource(
      "backup-job",
      "backup-job:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      {
        accessPoint: env.home.key,
        description: "paper",
        trigger: "request",
        coldStorageAfterDays: 90,
      },
    );
    aws.efs.on(DescribeFileSystemsCommand).resolves({
      FileSystems: [{ FileSystemId: FILE_SYSTEM, FileSystemArn: "arn:fs" } as never],
    });
    aws.backup
      .on(StartBackupJobCommand)
      .resolves({ BackupJobId: "job-2", RecoveryPointArn: "arn:rp-2" });
    await provider.apply(createAction(backup), resolve);
    expect(aws.backup.commandCalls(StartBackupJobCommand)[0]?.args[0].input.Lifecycle).toEqual({
      MoveToColdStorageAfterDays: 90,
    });
  });

  it("EBS snapshot (CreateSnapshot takes no token): looks the key up first, then snapshots with labenv's tags", async () => {
    const snapshot = desiredResource(
      "ebs-snapshot",
      "ebs-snapshot:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      { service: env.service.key, description: "paper", trigger: "request" },
    );
    aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    aws.ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    aws.ec2
      .on(DescribeVolumesCommand)
      .resolves({ Volumes: [{ VolumeId: "vol-0abc", CreateTime: new Date() }] });
    aws.ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: "snap-0new" });
    await provider.apply(createAction(snapshot), resolve);
    expect(aws.calls()).toEqual([
      "ec2.DescribeSnapshots",
      "ecs.ListTasks",
      "ec2.DescribeVolumes",
      "ec2.CreateSnapshot",
    ]);
    expect(aws.ec2).toHaveReceivedCommandWith(DescribeSnapshotsCommand, {
      OwnerIds: ["self"],
      Filters: [{ Name: "tag:labenv:resource", Values: [snapshot.key] }],
    });
    expect(aws.ec2).toHaveReceivedCommandWith(CreateSnapshotCommand, {
      VolumeId: "vol-0abc",
      Description: "paper",
      TagSpecifications: [
        {
          ResourceType: "snapshot",
          Tags: expect.arrayContaining([
            { Key: "labenv:resource", Value: snapshot.key },
            { Key: "labenv:service", Value: env.service.key },
          ]),
        },
      ],
    });
  });

  it("already there: a second create of a taken snapshot sends nothing that mutates", async () => {
    const snapshot = desiredResource(
      "ebs-snapshot",
      "ebs-snapshot:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      { service: env.service.key, description: "paper", trigger: "request" },
    );
    aws.ec2
      .on(DescribeSnapshotsCommand)
      .resolves({ Snapshots: [{ SnapshotId: "snap-0old", State: "pending" }] });
    expect(await provider.apply(createAction(snapshot), resolve)).toEqual({
      key: snapshot.key,
      id: "snap-0old",
    });
    expect(aws.calls()).toEqual(["ec2.DescribeSnapshots"]);
  });
});
