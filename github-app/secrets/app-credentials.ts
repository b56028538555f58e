import { LabenvError } from "../../reconciler/core/errors.js";
import { checkAppId, checkPrivateKey } from "./credential-checks.js";
import type { SecretReader } from "./secrets-manager.js";

/** What Probot needs to act as the app. */
export interface AppCredentials {
  appId: string;
  privateKey: string;
  webhookSecret: string;
}

/** Environment variables naming the secrets (set by infra/, see infra/lib/runtime-environment.ts). */
export const SECRET_ARN_VARIABLES = {
  appId: "LABENV_GITHUB_APP_ID_SECRET_ARN",
  privateKey: "LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN",
  webhookSecret: "LABENV_GITHUB_WEBHOOK_SECRET_ARN",
} as const;

/** Probot's own variables, for running without Secrets Manager (local, tests). */
export const PLAIN_VARIABLES = {
  appId: "APP_ID",
  privateKey: "PRIVATE_KEY",
  webhookSecret: "WEBHOOK_SECRET",
} as const;

const UNFILLED = /^UNSET\b/;

/**
 * The app's credentials: each from Secrets Manager when its `…_SECRET_ARN`
 * variable is set, else from the plain Probot variable. A secret still
 * holding the deploy's placeholder is refused with a message saying so, and
 * so are an app id that is not a number and a key that does not parse.
 */
export async function readAppCredentials(
  env: NodeJS.ProcessEnv,
  read: SecretReader,
): Promise<AppCredentials> {
  const out: Partial<AppCredentials> = {};
  for (const key of Object.keys(SECRET_ARN_VARIABLES) as (keyof AppCredentials)[]) {
    const arn = env[SECRET_ARN_VARIABLES[key]];
    const value = arn ? (await read(arn)).trim() : env[PLAIN_VARIABLES[key]];
    if (!value)
      throw new LabenvError(
        "config",
        `no ${key}: set ${SECRET_ARN_VARIABLES[key]} (a Secrets Manager ARN) or ${PLAIN_VARIABLES[key]}`,
      );
    if (UNFILLED.test(value))
      throw new LabenvError("config", `the ${key} secret ${arn} still holds the placeholder`, {
        hint: "write the GitHub App's value into it (docs/github-app.md)",
      });
    const from = arn ? `the ${key} secret ${arn}` : PLAIN_VARIABLES[key];
    out[key] =
      key === "privateKey"
        ? checkPrivateKey(value, from)
        : key === "appId"
          ? String(checkAppId(value, from))
          : value;
  }
  return out as AppCredentials;
}
