import { readFileSync } from "node:fs";
import { LabenvError } from "../reconciler/core/errors.js";
import { checkAppId, checkPrivateKey } from "./secrets/credential-checks.js";

/** What `npm run app` needs, checked before anything listens. */
export interface ServerConfig {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  host: string;
  port: number;
  /** `owner/name` of the repository labenv governs (LABENV_GITHUB_REPOSITORY). */
  repository?: string;
  /** GitHub Enterprise Server's API (GHE_HOST, GHE_PROTOCOL), as Probot reads them. */
  baseUrl?: string;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  logFormat: "json" | "pretty";
}

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

/**
 * Reads and checks the server's variables. Probot starts a "setup mode" when
 * the app id or key is missing or wrong: it answers every delivery 200 and
 * runs nothing, and offers to register a new app. labenv refuses to start
 * instead, naming the variable: a numeric APP_ID, a private key that parses,
 * a webhook secret.
 */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const secret = env.WEBHOOK_SECRET;
  if (!secret)
    throw new LabenvError(
      "config",
      "WEBHOOK_SECRET is not set; refusing to accept unsigned deliveries",
      { hint: "set it to the webhook secret of the GitHub App (docs/github-app.md)" },
    );
  const appId = checkAppId(env.APP_ID ?? "", "APP_ID");
  const privateKey = readPrivateKey(env);
  const port = Number(env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LabenvError("config", `PORT must be a port number, not ${JSON.stringify(env.PORT)}`);
  const repository = env.LABENV_GITHUB_REPOSITORY?.trim();
  if (repository && !/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(repository))
    throw new LabenvError(
      "config",
      `LABENV_GITHUB_REPOSITORY must be owner/name, not ${JSON.stringify(repository)}`,
    );
  if (!repository && env.LABENV_RECONCILER_FUNCTION)
    throw new LabenvError(
      "config",
      "LABENV_RECONCILER_FUNCTION is set but LABENV_GITHUB_REPOSITORY is not: labenv must know the one repository whose pushes start reconciles",
      { hint: "set LABENV_GITHUB_REPOSITORY=owner/name" },
    );
  const level = (env.LOG_LEVEL ?? "info") as ServerConfig["logLevel"];
  if (!LEVELS.includes(level))
    throw new LabenvError("config", `LOG_LEVEL must be one of ${LEVELS.join(", ")}`);
  const gheHost = env.GHE_HOST;
  return {
    appId,
    privateKey,
    webhookSecret: secret,
    host: env.HOST ?? "localhost",
    port,
    ...(repository ? { repository } : {}),
    ...(gheHost ? { baseUrl: `${env.GHE_PROTOCOL ?? "https"}://${gheHost}/api/v3` } : {}),
    logLevel: level,
    logFormat: env.LOG_FORMAT === "json" ? "json" : "pretty",
  };
}

function readPrivateKey(env: NodeJS.ProcessEnv): string {
  let pem = env.PRIVATE_KEY;
  const from = pem ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH";
  if (!pem && env.PRIVATE_KEY_PATH) {
    try {
      pem = readFileSync(env.PRIVATE_KEY_PATH, "utf8");
    } catch (e) {
      throw new LabenvError(
        "config",
        `PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH} cannot be read: ${(e as Error).message}`,
        { cause: e },
      );
    }
  }
  if (!pem)
    throw new LabenvError("config", "neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set", {
      hint: "generate a private key on the app's settings page and give its .pem",
    });
  return checkPrivateKey(pem, from);
}
