import type { LambdaClient } from "@aws-sdk/client-lambda";
import { Probot, ProbotOctokit } from "probot";
import { LabenvError } from "../reconciler/core/errors.js";
import { createLabenvApp, type LabenvAppOptions } from "./app.js";
import { tuneHeapForReviews } from "./heap-tuning.js";
import { reconcileTriggerFromEnv } from "./reconcile-trigger-from-env.js";
import { readAppCredentials } from "./secrets/app-credentials.js";
import { secretsManagerReader, type SecretReader } from "./secrets/secrets-manager.js";

/** The parts of a Function URL (or API Gateway) event and result the handler uses. */
export interface WebhookHttpEvent {
  headers: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
  httpMethod?: string;
  path?: string;
}
export interface WebhookHttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

export interface LambdaHandlerDeps {
  env: NodeJS.ProcessEnv;
  readSecret?: SecretReader;
  lambda?: LambdaClient;
  Octokit?: typeof ProbotOctokit;
  app?: LabenvAppOptions;
}

type AdapterFunction = (event: unknown, context: unknown) => Promise<WebhookHttpResult>;

/**
 * The GitHub App on AWS Lambda behind a Function URL. On the first delivery
 * of a sandbox it reads the app id, private key and webhook secret from
 * Secrets Manager (ARNs in LABENV_GITHUB_*_SECRET_ARN), builds one Probot with
 * retries and throttling on, and loads the app; warm deliveries reuse that
 * instance and its delivery memory. Each delivery is verified (HMAC of the
 * body with the webhook secret) by Probot's webhooks and handled before the
 * answer: the
 * sandbox freezes once the response is sent. A forged or malformed delivery
 * is answered 400; a failed handler is a Lambda error (alarm, redelivery).
 */
export function createLambdaHandler(
  deps: LambdaHandlerDeps,
): (event: WebhookHttpEvent, context: unknown) => Promise<WebhookHttpResult> {
  let ready: Promise<AdapterFunction> | undefined;
  const start = async (): Promise<AdapterFunction> => {
    const env = deps.env;
    const creds = await readAppCredentials(env, deps.readSecret ?? secretsManagerReader());
    const probot = new Probot({
      appId: creds.appId,
      privateKey: creds.privateKey,
      secret: creds.webhookSecret,
      logFormat: "json",
      logLevel: (env.LOG_LEVEL as "info" | undefined) ?? "info",
      ...(deps.Octokit ? { Octokit: deps.Octokit } : {}),
    });
    const handle = webhookFunction(probot);
    const repository = env.LABENV_GITHUB_REPOSITORY?.trim();
    await probot.load(
      createLabenvApp({
        trigger: reconcileTriggerFromEnv(env, deps.lambda),
        ...(repository ? { repository } : {}),
        ...deps.app,
      }),
    );
    return handle;
  };
  return async (event, context) => {
    ready ??= start().catch((e: unknown) => {
      ready = undefined;
      throw e;
    });
    const handle = await ready;
    const body =
      event.isBase64Encoded && event.body
        ? Buffer.from(event.body, "base64").toString("utf8")
        : event.body;
    try {
      return await handle({ ...event, body, isBase64Encoded: false }, context);
    } catch (e) {
      const status = rejectedStatus(e);
      if (status === undefined) throw e;
      return {
        statusCode: status,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ error: (e as Error).message }),
      };
    }
  };
}

/**
 * What @probot/adapter-aws-lambda-serverless did, without it: that package
 * bundles a second, older Probot (with Sentry, Express and ioredis) only to
 * re-export it, which cost the Lambda about 140 ms of CPU at every cold start
 * and its memory. Header names are case-insensitive (RFC 7230 §3.2).
 */
function webhookFunction(probot: Probot): AdapterFunction {
  return async (event) => {
    const { headers, body } = event as WebhookHttpEvent;
    const header = (name: string) =>
      Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? "";
    await probot.webhooks.verifyAndReceive({
      id: header("x-github-delivery"),
      name: header("x-github-event"),
      signature: header("x-hub-signature-256"),
      payload: body ?? "",
    });
    return { statusCode: 200, body: JSON.stringify({ ok: true }) };
  };
}

/** 400 for a delivery Probot refused (bad signature, not JSON), undefined for a failure of the app itself. */
function rejectedStatus(e: unknown): number | undefined {
  const inner = e instanceof AggregateError ? e.errors[0] : e;
  const status = (inner as { status?: unknown } | undefined)?.status;
  return typeof status === "number" &&
    status >= 400 &&
    status < 500 &&
    !(inner instanceof LabenvError)
    ? status
    : undefined;
}

/** The Lambda entry (infra/ bundles this file): one app instance per sandbox. */
tuneHeapForReviews();
export const handler = createLambdaHandler({ env: process.env });
