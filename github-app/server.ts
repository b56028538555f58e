// `npm run app`: the labenv GitHub App as a long-running web server
// (Probot's server: POST /api/github/webhooks). Reads Probot's variables:
// APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT (3000), HOST,
// LOG_LEVEL; and LABENV_RECONCILER_FUNCTION to start reconciles in Lambda.
// Deliveries are answered as soon as they are verified; the work continues
// in this process (see github-app/app.ts, `work: "background"`).
import { run } from "probot";
import { createLabenvApp } from "./app.js";
import { reconcileTriggerFromEnv } from "./reconcile-trigger-from-env.js";

if (!process.env.WEBHOOK_SECRET) {
  process.stderr.write(
    "labenv app: WEBHOOK_SECRET is not set; refusing to accept unsigned deliveries (see docs/github-app.md)\n",
  );
  process.exit(2);
}
const app = createLabenvApp({ work: "background", trigger: reconcileTriggerFromEnv(process.env) });
const server = await run(app);
const stop = async () => {
  await app.idle();
  await server.stop();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
