import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { LabenvError } from "../../reconciler/core/errors.js";

/** Reads one secret's string value by ARN. */
export type SecretReader = (arn: string) => Promise<string>;

/**
 * Secrets Manager `GetSecretValue` with the function's own credentials, in the
 * region the ARN names (one client per region, kept by the reader).
 */
export function secretsManagerReader(
  client: (region: string) => SecretsManagerClient = (region) =>
    new SecretsManagerClient({ region }),
): SecretReader {
  const clients = new Map<string, SecretsManagerClient>();
  return async (arn) => {
    const region = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):/.exec(arn)?.[1];
    if (!region) throw new LabenvError("config", `${arn} is not a Secrets Manager secret ARN`);
    if (!clients.has(region)) clients.set(region, client(region));
    let value: string | undefined;
    try {
      ({ SecretString: value } = await clients
        .get(region)!
        .send(new GetSecretValueCommand({ SecretId: arn })));
    } catch (e) {
      throw new LabenvError("config", `Secrets Manager refused ${arn}: ${(e as Error).message}`, {
        cause: e,
      });
    }
    if (value === undefined) throw new LabenvError("config", `${arn} has no string value`);
    return value;
  };
}
