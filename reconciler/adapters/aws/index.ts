export { AwsProvider, type AwsProviderPorts } from "./aws-provider.js";
export type { AwsProviderConfig } from "./aws-provider-config.js";
export { createAwsClients, sdkClientSettings, type AwsClients } from "./aws-clients.js";
export { DynamoStateStore, type DynamoStateStoreOptions } from "./dynamodb-state-store.js";
export { S3ObjectStore, type S3ObjectStoreOptions } from "./s3-object-store.js";
export type { RememberedRevision, TaskDefinitionSpecCache } from "./task-definition-spec-cache.js";
export { InMemoryTaskDefinitionSpecCache } from "./in-memory-task-definition-spec-cache.js";
export {
  ObjectStoreTaskDefinitionSpecCache,
  TASK_DEFINITION_SPECS_KEY,
  type ObjectStoreTaskDefinitionSpecCacheOptions,
} from "./object-store-task-definition-spec-cache.js";
export { REQUIRED_IAM_ACTIONS } from "./required-iam-actions.js";
