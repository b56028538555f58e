export { AwsProvider } from "./aws-provider.js";
export type { AwsProviderConfig } from "./aws-provider-config.js";
export { createAwsClients, sdkClientSettings, type AwsClients } from "./aws-clients.js";
export { DynamoStateStore, type DynamoStateStoreOptions } from "./dynamodb-state-store.js";
export { S3ObjectStore, type S3ObjectStoreOptions } from "./s3-object-store.js";
