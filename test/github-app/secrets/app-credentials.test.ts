import nock from "nock";
import { describe, expect, it } from "vitest";
import { readAppCredentials } from "../../../github-app/secrets/app-credentials.js";
import { secretsManagerReader } from "../../../github-app/secrets/secrets-manager.js";
import { LabenvError } from "../../../reconciler/core/errors.js";
import { mockSecret } from "../helpers/secrets-manager.js";
import { strictNock } from "../helpers/strict-nock.js";

strictNock();

const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/${name}-AbCdEf`;
const awsCreds = { accessKeyId: "AKIATEST", secretAccessKey: "secret", sessionToken: "session" };

describe("readAppCredentials", () => {
  it("reads the three secrets from Secrets Manager by the ARNs infra/ sets", async () => {
    mockSecret(ARN("app-id"), "123456\n");
    mockSecret(ARN("key"), "-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----");
    mockSecret(ARN("hook"), "hook-secret");
    const creds = await readAppCredentials(
      { LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id"), LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN: ARN("key"), LABENV_GITHUB_WEBHOOK_SECRET_ARN: ARN("hook") },
      secretsManagerReader(awsCreds),
    );
    expect(creds).toEqual({ appId: "123456", privateKey: "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----", webhookSecret: "hook-secret" });
  });

  it("falls back to Probot's plain variables, and names what is missing", async () => {
    const read = async () => { throw new Error("not called"); };
    expect(await readAppCredentials({ APP_ID: "1", PRIVATE_KEY: "k", WEBHOOK_SECRET: "s" }, read)).toEqual({ appId: "1", privateKey: "k", webhookSecret: "s" });
    await expect(readAppCredentials({ APP_ID: "1", PRIVATE_KEY: "k" }, read)).rejects.toThrow("no webhookSecret: set LABENV_GITHUB_WEBHOOK_SECRET_ARN (a Secrets Manager ARN) or WEBHOOK_SECRET");
  });

  it("refuses a secret that still holds the deploy's placeholder", async () => {
    mockSecret(ARN("app-id"), "UNSET: fill in as described in docs/deploy-aws.md");
    await expect(readAppCredentials({ LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id") }, secretsManagerReader(awsCreds))).rejects.toThrow(/still holds the placeholder/);
  });

  it("reports Secrets Manager's refusal", async () => {
    nock("https://secretsmanager.eu-west-1.amazonaws.com").post("/").reply(400, { __type: "AccessDeniedException", message: "no" });
    const error = await secretsManagerReader(awsCreds)(ARN("hook")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabenvError);
    expect((error as Error).message).toContain("Secrets Manager refused");
  });
});
