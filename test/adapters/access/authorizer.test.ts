import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair, type CryptoKey } from "jose";
import {
  authorize,
  type AuthorizerOptions,
} from "../../../reconciler/adapters/access/authorizer.js";
import { smallSources } from "../../helpers/access-sources.js";
import { startAlbSigner, TEST_LB_ARN, type AlbSigner } from "../../helpers/alb-signer.js";

let alb: AlbSigner;
beforeAll(async () => {
  alb = await startAlbSigner();
});
afterAll(() => alb.close());

const NOW = new Date("2026-12-03T10:00:00Z");
const options = (): AuthorizerOptions => ({
  region: "eu-west-1",
  signer: TEST_LB_ARN,
  keysEndpoint: alb.keysEndpoint,
  now: () => NOW,
  keyCache: new Map<string, CryptoKey>(),
});
const request = (token: string | undefined, path = "/genomics/rnaseq/lab") => ({
  path,
  headers: token === undefined ? {} : { "x-amzn-oidc-data": token },
});
const claims = (member: string) => ({
  sub: `sub-${member}`,
  preferred_username: member,
  email: `${member}@uni.edu`,
});

describe("the authorizer behind the load balancer", () => {
  it("lets the owner in with a valid token", async () => {
    const r = await authorize(
      request(await alb.sign(claims("ajones"), { now: NOW })),
      smallSources(),
      options(),
    );
    expect(r).toMatchObject({
      status: 200,
      member: "ajones",
      decision: { allow: true, as: "owner" },
    });
  });

  it("lets a read-only share recipient in, as a share recipient", async () => {
    const r = await authorize(
      request(await alb.sign(claims("dsato"), { now: NOW })),
      smallSources(),
      options(),
    );
    expect(r).toMatchObject({
      status: 200,
      decision: {
        allow: true,
        as: "share-recipient",
        share: "genomics/rnaseq-to-vision",
        readOnly: true,
      },
    });
  });

  it("answers 403 to a signed-in non-member, naming who may grant access", async () => {
    const r = await authorize(
      request(await alb.sign(claims("kboyd"), { now: NOW })),
      smallSources(),
      options(),
    );
    expect(r.status).toBe(403);
    if (r.status !== 403) return;
    expect(r.shownAs).toBe("kboyd@uni.edu");
    expect(r.decision.allow).toBe(false);
    if (!r.decision.allow)
      expect(r.decision.grantors.map((g) => g.id)).toEqual(["ajones", "mchen"]);
  });

  it("refuses an expired token", async () => {
    const old = new Date(NOW.getTime() - 3_600_000);
    const r = await authorize(
      request(await alb.sign(claims("ajones"), { now: old })),
      smallSources(),
      options(),
    );
    expect(r).toMatchObject({ status: 401, problem: "expired" });
  });

  it("refuses a token another load balancer signed", async () => {
    const other = TEST_LB_ARN.replace("0123456789abcdef", "fedcba9876543210");
    const r = await authorize(
      request(await alb.sign(claims("ajones"), { now: NOW, signer: other })),
      smallSources(),
      options(),
    );
    expect(r).toMatchObject({ status: 401, problem: "wrong-signer" });
  });

  it("refuses a token signed with a key that is not the load balancer's, under its kid", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const r = await authorize(
      request(await alb.sign(claims("ajones"), { now: NOW, key: privateKey })),
      smallSources(),
      options(),
    );
    expect(r).toMatchObject({ status: 401, problem: "bad-signature" });
  });

  it("refuses a plain header, a forged claim and no header at all", async () => {
    const forged = (await alb.sign(claims("kboyd"), { now: NOW })).split(".");
    forged[1] = Buffer.from(JSON.stringify({ ...claims("ajones"), exp: 2e9 })).toString(
      "base64url",
    );
    for (const token of ["ajones", forged.join(".")]) {
      const r = await authorize(request(token), smallSources(), options());
      expect(r.status, token).toBe(401);
    }
    expect(await authorize(request(undefined), smallSources(), options())).toMatchObject({
      status: 401,
      problem: "missing",
    });
  });

  it("fetches the public key once per kid and keeps it", async () => {
    const opts = options();
    const before = alb.requests.length;
    for (const who of ["ajones", "dsato", "kboyd"])
      await authorize(request(await alb.sign(claims(who), { now: NOW })), smallSources(), opts);
    expect(alb.requests.slice(before)).toEqual([`/${alb.kid}`]);
  });

  it("answers 404 for an address that names no environment", async () => {
    const token = await alb.sign(claims("ajones"), { now: NOW });
    expect(
      (await authorize(request(token, "/favicon.ico"), smallSources(), options())).status,
    ).toBe(404);
    expect(
      (await authorize(request(token, "/genomics/none/"), smallSources(), options())).status,
    ).toBe(404);
  });
});
