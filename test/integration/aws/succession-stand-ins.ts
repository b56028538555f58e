// What moto does not run, played for a succession on AWS: AWS Backup (aws-sdk-client-mock: a
// started job's recovery point is what the mock was asked to create, tags included, and the
// Resource Groups Tagging API lists it beside moto's own answers) and the container runtime
// (each task ECS was asked to start, run with the real agent over a local directory as its home
// mount, with the ECS credentials and metadata endpoints on 127.0.0.1 and S3 moto's).
import type { Server } from "node:http";
import {
  BackupClient,
  DescribeRecoveryPointCommand,
  ListRecoveryPointsByBackupVaultCommand,
  StartBackupJobCommand,
} from "@aws-sdk/client-backup";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  type GetResourcesCommandInput,
} from "@aws-sdk/client-resource-groups-tagging-api";
import type { AwsClientStub } from "aws-sdk-client-mock";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { REGION } from "./aws-test-clients.js";
import { playTasks } from "./container-runtime.js";

const taggingSend = ResourceGroupsTaggingAPIClient.prototype.send;

/** AWS Backup as the mocks play it; returns the recovery points made so far. */
export function playBackup(
  backup: AwsClientStub<BackupClient>,
  tagging: AwsClientStub<ResourceGroupsTaggingAPIClient>,
): { arn: string; tags: Record<string, string> }[] {
  const points: {
    arn: string;
    tags: Record<string, string>;
    created: Date;
    lifecycle?: { MoveToColdStorageAfterDays?: number };
  }[] = [];
  backup
    .on(StartBackupJobCommand)
    .callsFake(
      (input: {
        RecoveryPointTags?: Record<string, string>;
        Lifecycle?: { MoveToColdStorageAfterDays?: number };
      }) => {
        const arn = `arn:aws:backup:${REGION}:123456789012:recovery-point:rp-${points.length + 1}`;
        points.push({
          arn,
          tags: input.RecoveryPointTags ?? {},
          created: new Date(),
          ...(input.Lifecycle ? { lifecycle: input.Lifecycle } : {}),
        });
        return { BackupJobId: `job-${points.length}`, RecoveryPointArn: arn };
      },
    );
  // The vault lists each point with the lifecycle its job was started with.
  backup.on(ListRecoveryPointsByBackupVaultCommand).callsFake(() => ({
    RecoveryPoints: points.map((p) => {
      const cold = p.lifecycle?.MoveToColdStorageAfterDays;
      return {
        RecoveryPointArn: p.arn,
        ResourceType: "EFS",
        Status: "COMPLETED",
        CreationDate: p.created,
        ...(p.lifecycle ? { Lifecycle: p.lifecycle } : {}),
        ...(cold !== undefined
          ? {
              CalculatedLifecycle: {
                MoveToColdStorageAt: new Date(p.created.getTime() + cold * 86_400_000),
              },
            }
          : {}),
      };
    }),
  }));
  backup.on(DescribeRecoveryPointCommand).callsFake(() => ({
    Status: "COMPLETED",
    CreationDate: new Date(Date.now() - 60_000),
  }));
  tagging.on(GetResourcesCommand).callsFake(async (input: GetResourcesCommandInput, getClient) => {
    if (input.ResourceTypeFilters?.includes("backup:recovery-point")) {
      const filter = input.TagFilters?.[0];
      return {
        ResourceTagMappingList: points
          .filter(
            (p) =>
              !filter?.Key ||
              (filter.Key in p.tags &&
                (!filter.Values || filter.Values.includes(p.tags[filter.Key]!))),
          )
          .map((p) => ({
            ResourceARN: p.arn,
            Tags: Object.entries(p.tags).map(([Key, Value]) => ({ Key, Value })),
          })),
      };
    }
    return (taggingSend as (command: GetResourcesCommand) => Promise<unknown>).call(
      getClient(),
      new GetResourcesCommand(input),
    );
  });
  return points;
}

/** The container runtime: runs every task moto holds as its definition and overrides say, then stops it. */
export async function runTasks(
  clients: AwsClients,
  cluster: string,
  homeDir: string,
  endpoint: string,
  servers: Server[],
): Promise<{ command: string[]; status: number | null; stderr: string }[]> {
  const ran = await playTasks(clients, cluster, endpoint, servers, (t, command) => {
    // The home access point is mounted where the task definition says: here, homeDir.
    const mount = t.container.mountPoints!.find((m) => m.sourceVolume === "home")!.containerPath!;
    return { command: command.map((a) => (a === mount ? homeDir : a)) };
  });
  return ran.map((r) => ({ command: r.command, status: r.status, stderr: r.stderr }));
}
