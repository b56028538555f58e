// "AWS defaults are not drift", one test per kind, replaying responses shaped
// like real AWS's, which carry more defaults than moto's: requiresAttributes,
// registeredAt/By, hostPort, secretOptions, deployment volume iops/throughput/
// filesystem type, a service-linked role, Name tags… Each test observes the
// response and expects the desired spec back. backup-job lives only here:
// moto does not implement AWS Backup jobs.
import { DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand, type AccessPointDescription } from "@aws-sdk/client-efs";
import { ListRecoveryPointsByBackupVaultCommand } from "@aws-sdk/client-backup";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import {
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

const HOME_AP = "fsap-0a1b2c3d4e5f60718";
const DATA_AP = "fsap-0f0e0d0c0b0a09080";
const TD_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/labenv-genomics-core-rnaseq:7`;
const SERVICE_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:service/labenv/labenv-genomics-core-rnaseq`;
const lower = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));
const upper = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

describe("AWS defaults are not drift (real AWS response shapes)", () => {
  let aws: MockedAws;
  let env: EnvironmentResources;

  beforeEach(() => {
    aws = mockedAws();
    env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
      datasets: ["reference-genomes"],
      logGroup: "/labenv/jupyter",
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/labenv-task-genomics-core`,
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/labenv-task-execution`,
    });
    // By default the account holds nothing; each test adds one kind.
    aws.efs.on(DescribeAccessPointsCommand).resolves({ AccessPoints: [] });
    aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" });
    aws.ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
    aws.ecs.on(ListServicesCommand).resolves({ serviceArns: [] });
  });

  async function observedSpec(d: DesiredResource): Promise<unknown> {
    const observed = await new AwsProvider(CONFIG, aws.clients).observe();
    return observed.resources.find((r) => r.key === d.key)?.spec;
  }

  function accessPoint(d: DesiredResource<"access-point">, id: string): AccessPointDescription {
    return {
      ClientToken: "2f6c3a9e0b1d4c5e8f7a6b5c4d3e2f1a",
      Name: d.key,
      Tags: upper({
        Name: d.key,
        ...d.tags,
        "labenv:purpose": d.spec.purpose,
        "aws:cloudformation:stack-name": "unrelated",
      }),
      AccessPointId: id,
      AccessPointArn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${id}`,
      FileSystemId: FILE_SYSTEM,
      PosixUser: { Uid: d.spec.posixUser.uid, Gid: d.spec.posixUser.gid, SecondaryGids: [] },
      RootDirectory: {
        Path: d.spec.rootDirectory.path,
        CreationInfo: {
          OwnerUid: d.spec.rootDirectory.owner.uid,
          OwnerGid: d.spec.rootDirectory.owner.gid,
          Permissions: "0750",
        },
      },
      OwnerId: ACCOUNT,
      LifeCycleState: "available",
    };
  }

  it("access-point: Name tag, secondary gids, owner id, ARN and lifecycle are AWS's own", async () => {
    aws.efs
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [accessPoint(env.home, HOME_AP)] });
    expect(await observedSpec(env.home)).toEqual(env.home.spec);
  });

  it("task-definition: revision, requiresAttributes, compatibilities, registeredAt/By, cpu 0, hostPort, EFS root '/' and env order are AWS's own", async () => {
    aws.efs.on(DescribeAccessPointsCommand).resolves({
      AccessPoints: [accessPoint(env.home, HOME_AP), accessPoint(env.datasets[0]!, DATA_AP)],
    });
    aws.ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [TD_ARN] });
    const efs = (accessPointId: string) => ({
      fileSystemId: FILE_SYSTEM,
      rootDirectory: "/",
      transitEncryption: "ENABLED" as const,
      authorizationConfig: { accessPointId, iam: "ENABLED" as const },
    });
    aws.ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: TD_ARN,
        containerDefinitions: [
          {
            name: "jupyter",
            image: env.taskDefinition.spec.image,
            cpu: 0,
            memory: 4096,
            portMappings: [{ containerPort: 8888, hostPort: 8888, protocol: "tcp" }],
            essential: true,
            environment: Object.entries(env.taskDefinition.spec.environment)
              .reverse()
              .map(([name, value]) => ({ name, value })),
            environmentFiles: [],
            mountPoints: [
              { sourceVolume: "home", containerPath: "/home/jovyan", readOnly: false },
              { sourceVolume: "jupyter", containerPath: "/opt/jupyter", readOnly: false },
              {
                sourceVolume: "dataset-1",
                containerPath: "/data/reference-genomes",
                readOnly: true,
              },
            ],
            volumesFrom: [],
            logConfiguration: {
              logDriver: "awslogs",
              options: {
                "awslogs-group": "/labenv/jupyter",
                "awslogs-region": REGION,
                "awslogs-stream-prefix": "jupyter",
              },
              secretOptions: [],
            },
            systemControls: [],
          },
        ],
        family: "labenv-genomics-core-rnaseq",
        taskRoleArn: env.taskDefinition.spec.taskRoleArn,
        executionRoleArn: env.taskDefinition.spec.executionRoleArn,
        networkMode: "awsvpc",
        revision: 7,
        volumes: [
          { name: "home", efsVolumeConfiguration: efs(HOME_AP) },
          { name: "jupyter", configuredAtLaunch: true },
          { name: "dataset-1", efsVolumeConfiguration: efs(DATA_AP) },
        ],
        status: "ACTIVE",
        requiresAttributes: [
          { name: "com.amazonaws.ecs.capability.logging-driver.awslogs" },
          { name: "ecs.capability.execution-role-awslogs" },
          { name: "ecs.capability.efsAuth" },
          { name: "ecs.capability.efs" },
          { name: "com.amazonaws.ecs.capability.task-iam-role" },
          { name: "ecs.capability.task-eni" },
          { name: "ecs.capability.ebs-task-attach" },
        ],
        placementConstraints: [],
        compatibilities: ["EC2", "FARGATE"],
        requiresCompatibilities: ["FARGATE"],
        cpu: "1024",
        memory: "4096",
        registeredAt: new Date("2026-11-20T09:12:44Z"),
        registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/labenv-reconciler/labenv`,
        enableFaultInjection: false,
      },
      tags: lower({ ...env.taskDefinition.tags, "aws:ecs:cluster": "unrelated" }),
    });
    expect(await observedSpec(env.taskDefinition)).toEqual(env.taskDefinition.spec);
  });

  it("service: deployments, events, platform, roles, volume iops/throughput/filesystem and the revision ARN are AWS's own", async () => {
    aws.ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [TD_ARN] });
    aws.ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: TD_ARN,
        family: "labenv-genomics-core-rnaseq",
        status: "ACTIVE",
      },
      tags: lower(env.taskDefinition.tags),
    });
    aws.ecs.on(ListServicesCommand).resolves({ serviceArns: [SERVICE_ARN] });
    const network = {
      awsvpcConfiguration: {
        subnets: [...CONFIG.subnets],
        securityGroups: [...CONFIG.securityGroups],
        assignPublicIp: "DISABLED" as const,
      },
    };
    aws.ecs.on(DescribeServicesCommand).resolves({
      services: [
        {
          serviceArn: SERVICE_ARN,
          serviceName: "labenv-genomics-core-rnaseq",
          clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/labenv`,
          loadBalancers: [],
          serviceRegistries: [],
          status: "ACTIVE",
          desiredCount: 1,
          runningCount: 1,
          pendingCount: 0,
          launchType: "FARGATE",
          platformVersion: "LATEST",
          platformFamily: "Linux",
          taskDefinition: TD_ARN,
          deploymentConfiguration: {
            deploymentCircuitBreaker: { enable: false, rollback: false },
            maximumPercent: 200,
            minimumHealthyPercent: 100,
          },
          deployments: [
            {
              id: "ecs-svc/1234567890123456789",
              status: "PRIMARY",
              taskDefinition: TD_ARN,
              desiredCount: 1,
              pendingCount: 0,
              runningCount: 1,
              failedTasks: 0,
              createdAt: new Date("2026-11-20T09:13:00Z"),
              updatedAt: new Date("2026-11-20T09:15:00Z"),
              launchType: "FARGATE",
              platformVersion: "1.4.0",
              platformFamily: "Linux",
              networkConfiguration: network,
              rolloutState: "COMPLETED",
              rolloutStateReason: "ECS deployment ecs-svc/1234567890123456789 completed.",
              volumeConfigurations: [
                {
                  name: "jupyter",
                  managedEBSVolume: {
                    encrypted: true,
                    volumeType: "gp3",
                    sizeInGiB: 50,
                    iops: 3000,
                    throughput: 125,
                    tagSpecifications: [
                      {
                        resourceType: "volume",
                        tags: [{ key: "labenv:service", value: env.service.key }],
                        propagateTags: "NONE",
                      },
                    ],
                    roleArn: CONFIG.ebsRoleArn,
                    filesystemType: "xfs",
                  },
                },
              ],
            },
          ],
          roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
          events: [
            {
              id: "e1",
              createdAt: new Date("2026-11-20T09:15:00Z"),
              message: "(service labenv-genomics-core-rnaseq) has reached a steady state.",
            },
          ],
          createdAt: new Date("2026-11-20T09:13:00Z"),
          placementConstraints: [],
          placementStrategy: [],
          networkConfiguration: network,
          healthCheckGracePeriodSeconds: 0,
          schedulingStrategy: "REPLICA",
          deploymentController: { type: "ECS" },
          tags: lower({ ...env.service.tags, "labenv:volume": "50/gp3/encrypted" }),
          createdBy: `arn:aws:iam::${ACCOUNT}:role/labenv-reconciler`,
          enableECSManagedTags: true,
          propagateTags: "SERVICE",
          enableExecuteCommand: false,
          availabilityZoneRebalancing: "DISABLED",
        },
      ],
      failures: [],
    });
    expect(await observedSpec(env.service)).toEqual(env.service.spec);
  });

  it("ebs-snapshot: state, progress, size, encryption, KMS key, storage tier and the ASCII description are AWS's own", async () => {
    const snapshot = desiredResource(
      "ebs-snapshot",
      "ebs-snapshot:genomics-core/rnaseq/succession-lwu",
      "genomics-core/rnaseq",
      "genomics-core",
      {
        service: env.service.key,
        description: "before hand-over lwu → mchen",
        trigger: "succession",
      },
    );
    aws.ec2.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        {
          SnapshotId: "snap-0123456789abcdef0",
          VolumeId: "vol-0123456789abcdef0",
          State: "completed",
          StartTime: new Date("2026-11-20T10:00:00Z"),
          Progress: "100%",
          OwnerId: ACCOUNT,
          Description: "before hand-over lwu -> mchen",
          VolumeSize: 50,
          Encrypted: true,
          KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111`,
          StorageTier: "standard",
          Tags: upper({
            ...snapshot.tags,
            "labenv:service": env.service.key,
            "labenv:trigger": "succession",
            "labenv:description": `b64:${Buffer.from("before hand-over lwu → mchen").toString("base64")}`,
          }),
        },
      ],
    });
    expect(await observedSpec(snapshot)).toEqual(snapshot.spec);
  });

  it("backup-job (moto gap: no AWS Backup jobs): the recovery point's tags give the spec back", async () => {
    const backup = desiredResource(
      "backup-job",
      "backup-job:genomics-core/rnaseq/paper",
      "genomics-core/rnaseq",
      "genomics-core",
      {
        accessPoint: env.home.key,
        description: "home before the paper submission",
        trigger: "request",
      },
    );
    aws.tagging
      .on(GetResourcesCommand, { ResourceTypeFilters: ["backup:recovery-point"] })
      .resolves({
        ResourceTagMappingList: [
          {
            ResourceARN: `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45`,
            Tags: upper({
              ...backup.tags,
              "labenv:access-point": env.home.key,
              "labenv:trigger": "request",
              "labenv:description": "home before the paper submission",
              "aws:backup:source-resource": FILE_SYSTEM,
            }),
          },
        ],
        PaginationToken: "",
      });
    // What the vault lists of it, as AWS Backup fills it in (its lifecycle is not the spec).
    aws.backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({
      RecoveryPoints: [
        {
          RecoveryPointArn: `arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45`,
          BackupVaultName: "labenv-research",
          BackupVaultArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:labenv-research`,
          ResourceArn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${FILE_SYSTEM}`,
          ResourceType: "EFS",
          CreatedBy: {},
          IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/labenv-backup`,
          Status: "COMPLETED",
          CreationDate: new Date("2026-11-01T03:00:00Z"),
          CompletionDate: new Date("2026-11-01T03:20:00Z"),
          BackupSizeInBytes: 123456789,
          Lifecycle: { MoveToColdStorageAfterDays: 30, OptInToArchiveForSupportedResources: false },
          CalculatedLifecycle: { MoveToColdStorageAt: new Date("2026-12-01T03:00:00Z") },
          IsEncrypted: true,
          EncryptionKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0000`,
        },
      ],
    });
    expect(await observedSpec(backup)).toEqual(backup.spec);
  });
});
