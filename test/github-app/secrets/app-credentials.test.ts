import { afterEach, describe, expect, it } from "vitest";
import { readAppCredentials } from "../../../github-app/secrets/app-credentials.js";
import { LabenvError } from "../../../reconciler/core/errors.js";
import { fakeSecrets } from "../helpers/secrets-manager.js";
import { privateKey } from "../helpers/test-probot.js";

const ARN = (name: string) =>
  `arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/${name}-AbCdEf`;
const arns = {
  LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id"),
  LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN: ARN("key"),
  LABENV_GITHUB_WEBHOOK_SECRET_ARN: ARN("hook"),
};
let restore = () => {};
afterEach(() => restore());

describe("readAppCredentials", () => {
  it("reads the three secrets from Secrets Manager by the ARNs infra/ sets, in the ARN's region", async () => {
    const secrets = fakeSecrets({
      [ARN("app-id")]: "123456\n",
      [ARN("key")]: privateKey().trim().replace(/\n/g, "\\n"), // as pasted into one line
      [ARN("hook")]: "hook-secret",
    });
    restore = secrets.restore;
    const creds = await readAppCredentials(arns, secrets.read);
    expect(creds).toEqual({
      appId: "123456",
      privateKey: privateKey(),
      webhookSecret: "hook-secret",
    });
    expect(secrets.regions).toEqual(["eu-west-1"]);
    expect(secrets.calls()).toBe(3);
  });

  it("falls back to Probot's plain variables, and names what is missing", async () => {
    const read = async () => {
      throw new Error("not called");
    };
    expect(
      await readAppCredentials(
        { APP_ID: "1", PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: "s" },
        read,
      ),
    ).toEqual({ appId: "1", privateKey: privateKey(), webhookSecret: "s" });
    await expect(
      readAppCredentials({ APP_ID: "1", PRIVATE_KEY: privateKey() }, read),
    ).rejects.toThrow(
      "no webhookSecret: set LABENV_GITHUB_WEBHOOK_SECRET_ARN (a Secrets Manager ARN) or WEBHOOK_SECRET",
    );
  });

  it("refuses an app id that is not a number and a key that does not parse, naming where each came from", async () => {
    const read = async () => {
      throw new Error("not called");
    };
    await expect(
      readAppCredentials(
        { APP_ID: "labenv", PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: "s" },
        read,
      ),
    ).rejects.toThrow(`APP_ID must be the app's numeric id, not "labenv"`);
    await expect(
      readAppCredentials({ APP_ID: "7", PRIVATE_KEY: "k", WEBHOOK_SECRET: "s" }, read),
    ).rejects.toThrow("PRIVATE_KEY does not hold an RSA private key in PEM form");
  });

  it("refuses a secret that still holds the deploy's placeholder", async () => {
    const secrets = fakeSecrets({
      [ARN("app-id")]: "UNSET: fill in as described in docs/deploy-aws.md",
    });
    restore = secrets.restore;
    await expect(
      readAppCredentials({ LABENV_GITHUB_APP_ID_SECRET_ARN: ARN("app-id") }, secrets.read),
    ).rejects.toThrow(/still holds the placeholder/);
  });

  it("reports Secrets Manager's refusal and a malformed ARN as configuration errors", async () => {
    const secrets = fakeSecrets({});
    restore = secrets.restore;
    const error = await secrets.read(ARN("hook")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabenvError);
    expect((error as Error).message).toContain("Secrets Manager refused");
    await expect(secrets.read("labenv/hook")).rejects.toThrow(
      "is not a Secrets Manager secret ARN",
    );
  });
});
