import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signV4 } from "../../../github-app/secrets/sigv4.js";

const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

describe("signV4", () => {
  it("matches AWS's get-vanilla test vector", () => {
    const h = signV4({ method: "GET", url: new URL("https://example.amazonaws.com/"), body: "", headers: {} }, creds, "us-east-1", "service", new Date("2015-08-30T12:36:00Z"));
    expect(h.authorization).toBe("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    expect(h["x-amz-date"]).toBe("20150830T123600Z");
  });

  it("signs a Secrets Manager call exactly as the AWS SDK's signer (@smithy/signature-v4) does, session token included", () => {
    const body = JSON.stringify({ SecretId: "arn:aws:secretsmanager:eu-west-1:123:secret:x" });
    const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "secretsmanager.GetSecretValue", "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") };
    const h = signV4({ method: "POST", url: new URL("https://secretsmanager.eu-west-1.amazonaws.com/"), body, headers }, { ...creds, sessionToken: "tok" }, "eu-west-1", "secretsmanager", new Date("2026-11-23T12:00:00Z"));
    expect(h["x-amz-security-token"]).toBe("tok");
    // the value @smithy/signature-v4 computes for the same request
    expect(h.authorization).toBe("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/secretsmanager/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature=d3978abb0c3bc6d82dcfd849ab3b6f4c0ca92124e289885f0c97581888cf9f1c");
  });
});
