import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import {
  secretsManagerReader,
  type SecretReader,
} from "../../../github-app/secrets/secrets-manager.js";

/** A Secrets Manager double answering GetSecretValue from `values` (by ARN); records the regions asked. */
export function fakeSecrets(values: Record<string, string>): {
  read: SecretReader;
  regions: string[];
  calls: () => number;
  restore: () => void;
} {
  const mock = mockClient(SecretsManagerClient);
  mock.on(GetSecretValueCommand).callsFake((input: { SecretId: string }) => {
    const value = values[input.SecretId];
    if (value === undefined)
      throw Object.assign(new Error(`Secrets Manager can't find the specified secret.`), {
        name: "ResourceNotFoundException",
      });
    return { ARN: input.SecretId, SecretString: value };
  });
  const regions: string[] = [];
  const read = secretsManagerReader((region) => {
    regions.push(region);
    return new SecretsManagerClient({
      region,
      credentials: { accessKeyId: "AKIATEST", secretAccessKey: "secret" },
    });
  });
  return {
    read,
    regions,
    calls: () => mock.commandCalls(GetSecretValueCommand).length,
    restore: () => mock.restore(),
  };
}
