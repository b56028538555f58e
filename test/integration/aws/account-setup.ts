// What infra/ deploys once and the reconciler finds in the account, made in moto for a test:
// the state table, the object store's bucket, and the VPC's DNS hostnames (infra/'s VPC resolves
// task addresses to names; moto's RunTask needs it too); and one environment applied in it.
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { DescribeSubnetsCommand, ModifyVpcAttributeCommand } from "@aws-sdk/client-ec2";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import {
  applyAll,
  createAction,
  environmentResources,
  type EnvironmentResources,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { REGION, dynamoClient, s3Client } from "./aws-test-clients.js";

/** The state store's table, with infra/'s key schema (pk, sk). */
export async function createStateTable(
  endpoint: string,
  tableName = "labenv-state",
): Promise<void> {
  await dynamoClient(endpoint).send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
}

/** The object store's bucket, in the tests' region. */
export async function createObjectBucket(
  endpoint: string,
  bucket = "labenv-objects",
): Promise<void> {
  await s3Client(endpoint).send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
}

/** DNS hostnames on the VPC of the given subnets, as infra/'s VPC has them. */
export async function enableDnsHostnames(clients: AwsClients, subnets: string[]): Promise<void> {
  const found = await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets }));
  const vpcId = found.Subnets?.[0]?.VpcId;
  if (vpcId === undefined) throw new Error(`no VPC found for subnets ${subnets.join(", ")}`);
  await clients.ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
  );
}

/**
 * genomics-core/rnaseq applied through the aws provider (what desire gives its task: where the
 * agent writes its observations), in an account whose VPC has DNS hostnames, with the object
 * store's bucket beside it.
 */
export async function applyRnaseqWithObjectStore(
  endpoint: string,
  clients: AwsClients,
  config: AwsProviderConfig,
  bucket: string,
): Promise<{ env: EnvironmentResources; objects: S3ObjectStore }> {
  await enableDnsHostnames(clients, config.subnets);
  const env = environmentResources({
    lab: "genomics-core",
    env: "rnaseq",
    uid: 10001,
    gid: 5001,
    subnets: config.subnets,
    securityGroups: config.securityGroups,
  });
  // What desire gives every task: where the agent writes (desire.ts, observation bucket).
  Object.assign(env.taskDefinition.spec.environment, {
    LABENV_OBSERVATION_BUCKET: bucket,
    AWS_REGION: REGION,
  });
  await applyAll(new AwsProvider(config, clients), env.all.map(createAction));
  await createObjectBucket(endpoint, bucket);
  return { env, objects: new S3ObjectStore({ client: s3Client(endpoint), bucket }) };
}

/** What infra/ sets on the reconciler Lambda for this account, moto's endpoint and a checkout. */
export function lambdaEnvironment(
  account: AwsProviderConfig,
  endpoint: string,
  repoPath: string,
): Record<string, string> {
  return {
    AWS_REGION: account.region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    LABENV_AWS_ENDPOINT: endpoint,
    LABENV_REPO_PATH: repoPath,
    LABENV_CLUSTER: account.cluster,
    LABENV_TASK_SUBNETS: account.subnets.join(","),
    LABENV_TASK_SECURITY_GROUPS: account.securityGroups.join(","),
    LABENV_FILE_SYSTEM_ID: account.fileSystemId,
    LABENV_STATE_TABLE: "labenv-state",
    LABENV_ECS_INFRASTRUCTURE_ROLE_ARN: account.ebsRoleArn!,
  };
}
