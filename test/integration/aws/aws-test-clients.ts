// SDK clients for tests: a local endpoint, a fixed region, dummy credentials,
// and a recorder of every call that reaches the wire.
import { BackupClient } from "@aws-sdk/client-backup";
import { CodeBuildClient } from "@aws-sdk/client-codebuild";
import { ECRClient } from "@aws-sdk/client-ecr";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient } from "@aws-sdk/client-ecs";
import { EFSClient } from "@aws-sdk/client-efs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { S3Client } from "@aws-sdk/client-s3";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";

export const REGION = "eu-west-1";
export const CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

export function testSettings(endpoint: string, extra: { maxAttempts?: number } = {}) {
  return {
    region: REGION,
    endpoint,
    credentials: CREDENTIALS,
    retryMode: "adaptive" as const,
    maxAttempts: extra.maxAttempts ?? 3,
  };
}

export function testClients(endpoint: string, extra: { maxAttempts?: number } = {}): AwsClients {
  const s = testSettings(endpoint, extra);
  return {
    ecs: new ECSClient(s),
    efs: new EFSClient(s),
    ec2: new EC2Client(s),
    backup: new BackupClient(s),
    tagging: new ResourceGroupsTaggingAPIClient(s),
    ecr: new ECRClient(s),
    codebuild: new CodeBuildClient(s),
    s3: new S3Client({ ...s, forcePathStyle: true }),
    elbv2: new ElasticLoadBalancingV2Client(s),
  };
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient(testSettings(endpoint));
}

export function s3Client(endpoint: string): S3Client {
  return new S3Client({ ...testSettings(endpoint), forcePathStyle: true });
}

export interface CallLog {
  readonly calls: string[];
  /** Calls that may change something: anything not Describe*, List* or Get*. */
  mutating(): string[];
  clear(): void;
}

/** The part of an SDK client's middleware stack the recorder uses; every v3 client has it. */
interface Recordable {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize"; name: string },
    ): void;
  };
}

/** Records `Service.Command` for every call the clients send (one entry per call, retries not counted). */
export function recordCalls(clients: object): CallLog {
  const calls: string[] = [];
  for (const [service, client] of Object.entries(clients as Record<string, unknown>)) {
    (client as Recordable).middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(`${service}.${String(context.commandName ?? "").replace(/Command$/, "")}`);
        return next(args);
      },
      { step: "initialize", name: "labenvCallLog" },
    );
  }
  return {
    calls,
    mutating: () => calls.filter((c) => !/\.(Describe|List|Get)/.test(c)),
    clear: () => void calls.splice(0),
  };
}

/** Touches the moto backends that are slow on first use (EC2 ~4 s, the Tagging API ~2 s). */
export async function warmUpMoto(endpoint: string): Promise<void> {
  const clients = testClients(endpoint);
  const { DescribeVpcsCommand } = await import("@aws-sdk/client-ec2");
  const { GetResourcesCommand } = await import("@aws-sdk/client-resource-groups-tagging-api");
  await clients.ec2.send(new DescribeVpcsCommand({}));
  await clients.tagging.send(new GetResourcesCommand({ ResourceTypeFilters: ["ecs:service"] }));
}
