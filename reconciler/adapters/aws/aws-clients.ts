import { BackupClient } from "@aws-sdk/client-backup";
import { CodeBuildClient } from "@aws-sdk/client-codebuild";
import { ECRClient } from "@aws-sdk/client-ecr";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient } from "@aws-sdk/client-ecs";
import { EFSClient } from "@aws-sdk/client-efs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { IAMClient } from "@aws-sdk/client-iam";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { S3Client } from "@aws-sdk/client-s3";
import type { AwsProviderConfig } from "./aws-provider-config.js";

/** The SDK clients the provider calls. Tests pass their own (pointed at moto or mocked). */
export interface AwsClients {
  ecs: ECSClient;
  efs: EFSClient;
  ec2: EC2Client;
  backup: BackupClient;
  tagging: ResourceGroupsTaggingAPIClient;
  /** Image builds: the lab repositories, the build project, the build context bucket. */
  ecr: ECRClient;
  codebuild: CodeBuildClient;
  s3: S3Client;
  /** Researcher access: target groups and listener rules. */
  elbv2: ElasticLoadBalancingV2Client;
  /** Environment task roles (labenv.yaml `aws.taskRoleBoundaryArn`). Without it, none are observed. */
  iam?: IAMClient;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Settings every labenv SDK client shares: region, endpoint, credentials and adaptive retry for throttling. */
export function sdkClientSettings(
  config: Pick<AwsProviderConfig, "region" | "endpoint" | "credentials" | "maxAttempts">,
) {
  return {
    region: config.region,
    retryMode: "adaptive" as const,
    maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(config.endpoint !== undefined && { endpoint: config.endpoint }),
    ...(config.credentials !== undefined && { credentials: config.credentials }),
  };
}

export function createAwsClients(config: AwsProviderConfig): AwsClients {
  const settings = sdkClientSettings(config);
  return {
    ecs: new ECSClient(settings),
    efs: new EFSClient(settings),
    ec2: new EC2Client(settings),
    backup: new BackupClient(settings),
    tagging: new ResourceGroupsTaggingAPIClient(settings),
    ecr: new ECRClient(settings),
    codebuild: new CodeBuildClient(settings),
    s3: new S3Client({ ...settings, forcePathStyle: config.endpoint !== undefined }),
    elbv2: new ElasticLoadBalancingV2Client(settings),
    iam: new IAMClient(settings),
  };
}
