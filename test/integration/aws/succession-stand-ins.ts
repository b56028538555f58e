// What moto does not run, played for a succession on AWS: AWS Backup (aws-sdk-client-mock: a
// started job's recovery point is what the mock was asked to create, tags included, and the
// Resource Groups Tagging API lists it beside moto's own answers) and the container runtime
// (each task ECS was asked to start, run with the real agent over a local directory as its home
// mount, with the ECS credentials and metadata endpoints on 127.0.0.1 and S3 moto's).
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  BackupClient,
  DescribeRecoveryPointCommand,
  ListRecoveryPointsByBackupVaultCommand,
  StartBackupJobCommand,
} from "@aws-sdk/client-backup";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  type GetResourcesCommandInput,
} from "@aws-sdk/client-resource-groups-tagging-api";
import type { AwsClientStub } from "aws-sdk-client-mock";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { repoRoot } from "../../helpers/example-repo.js";
import { REGION } from "./aws-test-clients.js";

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

async function listen(servers: Server[], handler: () => unknown): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(handler()));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function run(command: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/** The container runtime: runs every task moto holds as its definition and overrides say, then stops it. */
export async function runTasks(
  clients: AwsClients,
  cluster: string,
  homeDir: string,
  endpoint: string,
  servers: Server[],
): Promise<{ command: string[]; status: number | null; stderr: string }[]> {
  const credentials = await listen(servers, () => ({
    AccessKeyId: "ASIATASKROLE",
    SecretAccessKey: "task-role-secret",
    Token: "session-token",
    Expiration: "2099-01-01T00:00:00Z",
  }));
  const listed = await clients.ecs.send(new ListTasksCommand({ cluster }));
  const tasks =
    (await clients.ecs.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns }))).tasks ??
    [];
  const out = [];
  for (const task of tasks.filter((t) => t.lastStatus !== "STOPPED")) {
    const td = (
      await clients.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
      )
    ).taskDefinition!;
    const container = td.containerDefinitions!.find((c) => c.name === "jupyter")!;
    const command = task.overrides!.containerOverrides!.find((c) => c.name === "jupyter")!.command!;
    const mount = container.mountPoints!.find((m) => m.sourceVolume === "home")!.containerPath!;
    const local = command.map((a) =>
      a === "/opt/labenv/agent/observe.py"
        ? join(repoRoot, "reconciler/agent/observe.py")
        : a === mount
          ? homeDir
          : a,
    );
    const metadata = await listen(servers, () => ({ TaskARN: task.taskArn }));
    const env = Object.fromEntries((container.environment ?? []).map((e) => [e.name!, e.value!]));
    const r = await run(local, {
      ...env,
      PATH: process.env.PATH ?? "",
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${credentials}/v2/credentials/task`,
      ECS_CONTAINER_METADATA_URI_V4: metadata,
      LABENV_S3_ENDPOINT: endpoint,
    });
    await clients.ecs.send(new StopTaskCommand({ cluster, task: task.taskArn, reason: "exited" }));
    out.push({ command, ...r });
  }
  return out;
}
