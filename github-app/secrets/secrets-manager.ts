import { LabenvError } from "../../reconciler/core/errors.js";
import { signV4, type AwsCredentials } from "./sigv4.js";

/** Reads one secret's string value by ARN. */
export type SecretReader = (arn: string) => Promise<string>;

/**
 * Secrets Manager `GetSecretValue` over HTTPS with a Signature V4, using the
 * credentials Lambda puts in the environment (the function's role). A
 * hand-rolled call because no Secrets Manager client is among labenv's
 * dependencies; the region is the one in the ARN.
 */
export function secretsManagerReader(creds: AwsCredentials, options: { fetch?: typeof fetch; now?: () => Date } = {}): SecretReader {
  const doFetch = options.fetch ?? fetch;
  return async (arn) => {
    const region = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):/.exec(arn)?.[1];
    if (!region) throw new LabenvError("config", `${arn} is not a Secrets Manager secret ARN`);
    const url = new URL(`https://secretsmanager.${region}.amazonaws.com/`);
    const body = JSON.stringify({ SecretId: arn });
    const headers = signV4({ method: "POST", url, body, headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "secretsmanager.GetSecretValue" } }, creds, region, "secretsmanager", (options.now ?? (() => new Date()))());
    let response: Response;
    try {
      response = await doFetch(url, { method: "POST", headers, body });
    } catch (e) {
      throw new LabenvError("config", `cannot reach Secrets Manager for ${arn}: ${(e as Error).message}`, { cause: e });
    }
    const text = await response.text();
    if (!response.ok) throw new LabenvError("config", `Secrets Manager refused ${arn} (${response.status}): ${text.slice(0, 300)}`);
    const value = (JSON.parse(text) as { SecretString?: string }).SecretString;
    if (value === undefined) throw new LabenvError("config", `${arn} has no string value`);
    return value;
  };
}
