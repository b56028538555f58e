import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { AwsProvider } from "../adapters/aws/aws-provider.js";
import { DynamoStateStore } from "../adapters/aws/dynamodb-state-store.js";
import { ObjectStoreTaskDefinitionSpecCache } from "../adapters/aws/object-store-task-definition-spec-cache.js";
import { S3ObjectStore } from "../adapters/aws/s3-object-store.js";
import { createAwsClients, sdkClientSettings } from "../adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../adapters/aws/aws-provider-config.js";
import { AwsSnapshotSources } from "../adapters/aws/aws-snapshot-sources.js";
import { AwsDrillRunner, type AwsDrillRunnerOptions } from "../adapters/aws/drill-runner.js";
import type { ObservedResource } from "../core/model/resources.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Provider } from "../ports/provider.js";
import type { StateStore } from "../ports/state-store.js";
import type { LambdaEnv } from "./lambda-env.js";

/**
 * The object bucket as an object store, with the same client settings as every labenv SDK
 * client (a local endpoint, such as moto's, gets path-style addressing and test credentials).
 */
export function s3Objects(
  where: { region: string; endpoint?: string },
  bucket: string,
  prefix?: string,
): S3ObjectStore {
  const settings = sdkClientSettings({
    region: where.region,
    ...(where.endpoint
      ? {
          endpoint: where.endpoint,
          credentials: { accessKeyId: "labenv", secretAccessKey: "labenv" },
        }
      : {}),
  });
  return new S3ObjectStore({
    client: new S3Client({ ...settings, forcePathStyle: !!where.endpoint }),
    bucket,
    ...(prefix ? { prefix } : {}),
  });
}

/** Where the AWS provider points, from the Lambda's environment (or labenv.yaml `aws:`). */
export function awsProviderConfig(env: LambdaEnv): AwsProviderConfig {
  return {
    region: env.region,
    ...(env.endpoint
      ? {
          endpoint: env.endpoint,
          credentials: { accessKeyId: "labenv", secretAccessKey: "labenv" },
        }
      : {}),
    cluster: env.cluster,
    fileSystemId: env.fileSystemId,
    subnets: env.subnets,
    securityGroups: env.securityGroups,
    ...(env.ebsRoleArn ? { ebsRoleArn: env.ebsRoleArn } : {}),
    ...(env.taskRoleBoundaryArn ? { taskRoleBoundaryArn: env.taskRoleBoundaryArn } : {}),
    ...(env.backupVaultName ? { backupVaultName: env.backupVaultName } : {}),
    ...(env.backupRoleArn ? { backupRoleArn: env.backupRoleArn } : {}),
    ...(env.restoreMoveRoleArn ? { restoreMoveRoleArn: env.restoreMoveRoleArn } : {}),
    ...(env.imageBuildProject && env.buildContextBucket
      ? {
          imageBuild: {
            project: env.imageBuildProject,
            contextBucket: env.buildContextBucket,
            ...(env.endpoint ? { pollMilliseconds: 50 } : {}),
          },
        }
      : {}),
    ...(env.vpcId && env.listenerArn && env.wakeTargetGroupArn
      ? {
          access: {
            vpcId: env.vpcId,
            listenerArn: env.listenerArn,
            wakeTargetGroupArn: env.wakeTargetGroupArn,
          },
        }
      : {}),
  };
}

/** A snapshot's evidence on AWS (and its one-off tasks), for the capture, verify and restore steps. */
export function awsSnapshotSources(
  env: LambdaEnv,
  objects: ObjectStore,
  observed: readonly ObservedResource[],
  now: () => Date,
): AwsSnapshotSources {
  const config = awsProviderConfig(env);
  return new AwsSnapshotSources(config, createAwsClients(config), objects, observed, now);
}

/** The drill's throw-away tasks on AWS (the packages half of a restore drill). */
export function awsDrillRunner(
  env: LambdaEnv,
  objects: ObjectStore,
  observed: readonly ObservedResource[],
  now: () => Date,
  options: AwsDrillRunnerOptions = {},
): AwsDrillRunner {
  const config = awsProviderConfig(env);
  return new AwsDrillRunner(config, createAwsClients(config), objects, observed, now, options);
}

/**
 * The production ports: AWS provider, DynamoDB state store, S3 object store.
 * The provider remembers described task definition revisions in the object
 * store (`memo`, by default the S3 one when a bucket is configured).
 */
export function awsContext(
  env: LambdaEnv,
  memo?: ObjectStore,
): { provider: Provider; state: StateStore; objects?: ObjectStore } {
  const base = {
    region: env.region,
    ...(env.endpoint
      ? {
          endpoint: env.endpoint,
          credentials: { accessKeyId: "labenv", secretAccessKey: "labenv" },
        }
      : {}),
  };
  const settings = sdkClientSettings(base);
  const objects = env.objectBucket ? s3Objects(env, env.objectBucket) : undefined;
  const memoStore = memo ?? objects;
  const provider = new AwsProvider(awsProviderConfig(env), undefined, {
    ...(memoStore
      ? { taskDefinitionSpecs: new ObjectStoreTaskDefinitionSpecCache(memoStore) }
      : {}),
    // Idle shutdown reads the reports tasks' authorizers write beside their observations.
    ...(objects ? { activityReports: objects } : memo ? { activityReports: memo } : {}),
  });
  const state = new DynamoStateStore({
    client: new DynamoDBClient(settings),
    table: env.stateTable,
  });
  return { provider, state, ...(objects ? { objects } : {}) };
}
