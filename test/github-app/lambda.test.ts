import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { createLambdaHandler } from "../../github-app/lambda.js";
import { lambdaTrigger } from "../../github-app/lambda-reconcile-trigger.js";
import { LabenvError } from "../../reconciler/core/errors.js";
import { mockCommitStatus, mockToken, type Captured } from "./helpers/github-api.js";
import { installationEvent, pushEvent } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { APP_ID, TestOctokit, WEBHOOK_SECRET, privateKey } from "./helpers/test-probot.js";
import { sign } from "./helpers/webhook-server.js";
import { fakeSecrets } from "./helpers/secrets-manager.js";

strictNock();

const lambdaMock = mockClient(LambdaClient);
afterEach(() => lambdaMock.reset());

const ARN = (name: string) =>
  `arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/${name}-AbCdEf`;
const env: NodeJS.ProcessEnv = {
  AWS_REGION: "eu-west-1",
  AWS_ACCESS_KEY_ID: "AKIATEST",
  AWS_SECRET_ACCESS_KEY: "secret",
  AWS_SESSION_TOKEN: "session",
  LOG_LEVEL: "fatal" as const,
  LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id"),
  LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN: ARN("key"),
  LABENV_GITHUB_WEBHOOK_SECRET_ARN: ARN("hook"),
  LABENV_RECONCILER_FUNCTION: "labenv-reconciler",
};
const SHA = "9".repeat(40);

/** The three app secrets in a Secrets Manager double; returns its reader. */
function appSecrets() {
  const secrets = fakeSecrets({
    [ARN("app-id")]: String(APP_ID),
    [ARN("key")]: privateKey(),
    [ARN("hook")]: WEBHOOK_SECRET,
  });
  restoreSecrets = secrets.restore;
  return secrets;
}
let restoreSecrets = () => {};
afterEach(() => restoreSecrets());

/** A Function URL event (payload format 2.0) as Lambda hands it over. */
function functionUrlEvent(
  event: string,
  id: string,
  body: string,
  signature: string,
  base64 = false,
) {
  return {
    version: "2.0",
    rawPath: "/",
    headers: {
      "Content-Type": "application/json",
      "X-GitHub-Event": event,
      "X-GitHub-Delivery": id,
      "X-Hub-Signature-256": signature,
    },
    requestContext: { http: { method: "POST", path: "/" } },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  };
}

describe("the Lambda handler", () => {
  const client = () =>
    new LambdaClient({
      region: "eu-west-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });

  it("reads the app's secrets once, rejects a forged delivery with 400 and answers a signed one with 200", async () => {
    const secrets = appSecrets(); // mocks every SecretsManagerClient: the handler's own reader is used here
    const handler = createLambdaHandler({ env, Octokit: TestOctokit, lambda: client() });
    const body = JSON.stringify(installationEvent("created"));
    const forged = await handler(
      functionUrlEvent("installation", "d-1", body, sign(body, "wrong")),
      {},
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("signature does not match");
    const ok = await handler(
      functionUrlEvent("installation", "d-2", body, sign(body, WEBHOOK_SECRET), true),
      {},
    );
    expect(ok.statusCode).toBe(200);
    expect(secrets.calls()).toBe(3);
  });

  it("starts the reconciler Lambda asynchronously after a merge and leaves the status pending for it", async () => {
    const secrets = appSecrets();
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    const handler = createLambdaHandler({
      env,
      Octokit: TestOctokit,
      lambda: client(),
      readSecret: secrets.read,
    });
    const body = JSON.stringify(pushEvent({ ref: "refs/heads/main", after: SHA }));
    expect(
      (await handler(functionUrlEvent("push", "d-3", body, sign(body, WEBHOOK_SECRET)), {}))
        .statusCode,
    ).toBe(200);
    const calls = lambdaMock.commandCalls(InvokeCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input).toMatchObject({ FunctionName: "labenv-reconciler", InvocationType: "Event" });
    expect(JSON.parse(Buffer.from(input.Payload as Uint8Array).toString())).toEqual({
      source: "labenv.github-app",
      commit: SHA,
      repository: "westtek-research/labs",
      installationId: 91001,
    });
    expect(statuses.map((s) => [s.state, s.description])).toEqual([
      ["pending", "reconcile of 9999999 requested"],
      ["pending", "reconcile of 9999999 queued; the reconciler reports the result"],
    ]);
  });

  it("with LABENV_GITHUB_REPOSITORY, a push to another repository of the installation invokes nothing", async () => {
    const secrets = appSecrets();
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const handler = createLambdaHandler({
      env: { ...env, LABENV_GITHUB_REPOSITORY: "westtek-research/labs" },
      Octokit: TestOctokit,
      lambda: client(),
      readSecret: secrets.read,
    });
    const push = pushEvent({ ref: "refs/heads/main", after: SHA });
    push.repository.name = "scratch";
    push.repository.full_name = "westtek-research/scratch";
    const body = JSON.stringify(push);
    const answer = await handler(
      functionUrlEvent("push", "d-elsewhere", body, sign(body, WEBHOOK_SECRET)),
      {},
    );
    expect(answer.statusCode).toBe(200);
    expect(lambdaMock.commandCalls(InvokeCommand)).toHaveLength(0);
  });

  it("fails the invocation (an alarm, a redelivery) when the app itself fails", async () => {
    const secrets = appSecrets();
    lambdaMock.on(InvokeCommand).rejects(new Error("AccessDenied"));
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    const handler = createLambdaHandler({
      env,
      Octokit: TestOctokit,
      lambda: client(),
      readSecret: secrets.read,
    });
    const body = JSON.stringify(pushEvent({ ref: "refs/heads/main", after: SHA }));
    await expect(
      handler(functionUrlEvent("push", "d-4", body, sign(body, WEBHOOK_SECRET)), {}),
    ).rejects.toThrow(/cannot start labenv-reconciler/);
    expect(statuses[1]).toMatchObject({ state: "error" });
  });
});

describe("lambdaTrigger", () => {
  const client = () =>
    new LambdaClient({
      region: "eu-west-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });

  it("sends a revert request to the drift function and refuses an invocation that was not queued", async () => {
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const report = await lambdaTrigger(client(), { reconciler: "rec", drift: "drift" }).trigger(
      SHA,
      { owner: "o", repo: "r" },
      { revert: "genomics-core/rnaseq", fingerprint: "sha256:1", installationId: 5 },
    );
    expect(report).toEqual({
      state: "pending",
      description:
        "putting genomics-core/rnaseq back to its committed lock is queued; the drift run reports the result",
    });
    const input = lambdaMock.commandCalls(InvokeCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ FunctionName: "drift", InvocationType: "Event" });
    expect(JSON.parse(Buffer.from(input.Payload as Uint8Array).toString())).toEqual({
      source: "labenv.github-app",
      commit: SHA,
      repository: "o/r",
      installationId: 5,
      revert: "genomics-core/rnaseq",
      fingerprint: "sha256:1",
    });
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 200 });
    await expect(
      lambdaTrigger(client(), { reconciler: "rec" }).trigger(SHA, { owner: "o", repo: "r" }),
    ).rejects.toBeInstanceOf(LabenvError);
  });

  it("reports a revert as not configured when there is no drift function", async () => {
    const report = await lambdaTrigger(client(), { reconciler: "rec" }).trigger(
      SHA,
      { owner: "o", repo: "r" },
      { revert: "genomics-core/rnaseq" },
    );
    expect(report).toEqual({
      state: "error",
      description:
        "no drift function configured (LABENV_DRIFT_FUNCTION): genomics-core/rnaseq is not put back",
    });
    expect(lambdaMock.commandCalls(InvokeCommand)).toEqual([]);
  });
});
