// `npm run app`: the labenv GitHub App as a long-running web server
// (POST /api/github/webhooks). Reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
// WEBHOOK_SECRET, PORT (3000), HOST, LOG_LEVEL, LOG_FORMAT,
// LABENV_GITHUB_REPOSITORY, and LABENV_RECONCILER_FUNCTION to start
// reconciles in Lambda; refuses to start (exit 2) when one is missing or
// wrong. Deliveries are answered as soon as they are verified; the work
// continues in this process (github-app/app.ts, `work: "background"`).
// SIGTERM or SIGINT: stop accepting, finish the work in flight, exit 0.
import { Probot } from "probot";
import { isLabenvError } from "../reconciler/core/errors.js";
import { createLabenvApp } from "./app.js";
import { tuneHeapForReviews } from "./heap-tuning.js";
import { reconcileTriggerFromEnv } from "./reconcile-trigger-from-env.js";
import { readServerConfig, type ServerConfig } from "./server-config.js";
import { startWebServer } from "./web-server.js";

let config: ServerConfig;
try {
  config = readServerConfig(process.env);
} catch (e) {
  const hint = isLabenvError(e) && e.hint ? ` (${e.hint})` : "";
  process.stderr.write(`labenv app: ${(e as Error).message}${hint}; see docs/github-app.md\n`);
  process.exit(2);
}
tuneHeapForReviews();
const probot = new Probot({
  appId: config.appId,
  privateKey: config.privateKey,
  secret: config.webhookSecret,
  logLevel: config.logLevel,
  logFormat: config.logFormat,
  ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
});
const app = createLabenvApp({
  work: "background",
  trigger: reconcileTriggerFromEnv(process.env),
  ...(config.repository ? { repository: config.repository } : {}),
});
const server = await startWebServer(app, probot, config);
probot.log.info(`labenv app listening on ${server.url}`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  probot.log.info(`labenv app: ${signal}: finishing the work in flight, then stopping`);
  server.stop().then(
    () => process.exit(0),
    (e: unknown) => {
      probot.log.error({ err: e }, "labenv app: could not stop cleanly");
      process.exit(1);
    },
  );
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
