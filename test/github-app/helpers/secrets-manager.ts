import nock from "nock";

/** One signed GetSecretValue call (credentials AKIATEST / session token `session`) answered with `value`. */
export function mockSecret(arn: string, value: string): void {
  nock("https://secretsmanager.eu-west-1.amazonaws.com")
    .post("/", { SecretId: arn })
    .matchHeader("x-amz-target", "secretsmanager.GetSecretValue")
    .matchHeader("content-type", "application/x-amz-json-1.1")
    .matchHeader("x-amz-security-token", "session")
    .matchHeader("authorization", /^AWS4-HMAC-SHA256 Credential=AKIATEST\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/)
    .reply(200, { ARN: arn, Name: "x", SecretString: value });
}
