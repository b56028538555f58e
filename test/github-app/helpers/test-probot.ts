import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit, type ApplicationFunction } from "probot";

export const WEBHOOK_SECRET = "labenv-test-webhook-secret";
export const APP_ID = 4242;

let key: string | undefined;
/** An RSA key for the app's JWTs (generated once per test file). */
export function privateKey(): string {
  key ??= generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
  return key;
}

/** Octokit with retries and throttling off (the function form: the object form is overridden in Probot 14.3). */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A Probot for tests: fixed app id and webhook secret, quiet JSON logs, no retries or throttling. */
export async function testProbot(app: ApplicationFunction): Promise<Probot> {
  const probot = new Probot({
    appId: APP_ID,
    privateKey: privateKey(),
    secret: WEBHOOK_SECRET,
    Octokit: TestOctokit,
    logLevel: "fatal",
    logFormat: "json",
  });
  await probot.load(app);
  return probot;
}
