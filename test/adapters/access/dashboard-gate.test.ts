// The dashboard gate, request by request: tokens signed by a test key shaped as the load
// balancer's; a published fleet and lab site in memory. What a reader may not see stays unseen:
// another lab's site, a file an older build left behind, a path that tries to leave the site.
import type { CryptoKey } from "jose";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDashboard } from "../../../reconciler/adapters/access/dashboard-gate.js";
import { ALB_IDENTITY_HEADER } from "../../../reconciler/adapters/access/alb-identity.js";
import {
  dashboardAccessOf,
  dashboardObjects,
  publishSite,
} from "../../../reconciler/core/dashboard/published-sites.js";
import { toAlbResult } from "../../../reconciler/lambda/dashboard-handler.js";
import { CountingObjectStore } from "../aws/fixtures/counting-object-store.js";
import { lab, member } from "../../helpers/access-sources.js";
import { startAlbSigner, TEST_LB_ARN, type AlbSigner } from "../../helpers/alb-signer.js";

let alb: AlbSigner;
const store = new CountingObjectStore();
const NOW = new Date("2026-12-07T10:00:00Z");

const publishBuild = (store: CountingObjectStore, name: string, build: Map<string, string>) =>
  publishSite(
    store,
    name,
    {
      id: (JSON.parse(build.get("build.json")!) as { build: string }).build,
      generatedAt: NOW.toISOString(),
    },
    () => build,
  );
const files = (build: string, pages: Record<string, string>) =>
  new Map([
    ...Object.entries(pages),
    ["build.json", JSON.stringify({ build, generatedAt: NOW.toISOString() })],
  ]);

beforeAll(async () => {
  alb = await startAlbSigner();
  await publishBuild(
    store,
    "fleet",
    files("aaaaaaaaaaaaaaaa", { "index.html": "<h1>fleet</h1>", "runs.html": "runs" }),
  );
  await publishBuild(
    store,
    "labs/genomics",
    files("bbbbbbbbbbbbbbbb", { "index.html": "<h1>genomics</h1>", "old.html": "old" }),
  );
  // A newer build without old.html: the file stays stored but is no longer listed.
  await publishBuild(
    store,
    "labs/genomics",
    files("cccccccccccccccc", { "index.html": "<h1>genomics 2</h1>" }),
  );
  const access = dashboardAccessOf(
    {
      labs: new Map([
        [
          "genomics",
          lab(
            "genomics",
            ["mchen"],
            [member("mchen", "M Chen", 2001), member("lwu", "L Wu", 2002, "2026-11-30")],
          ),
        ],
        ["vision", lab("vision", ["dsato"], [member("dsato", "D Sato", 3001)])],
      ]),
    },
    ["tkim"],
    "c0ffee",
  );
  await store.put(dashboardObjects.access, JSON.stringify(access));
});
afterAll(() => alb.close());

const identity = () => ({
  region: "eu-west-1",
  signer: TEST_LB_ARN,
  keysEndpoint: alb.keysEndpoint,
  keyCache: new Map<string, CryptoKey>(),
  now: () => NOW,
});

async function get(path: string, who?: string | { token: string }, method = "GET") {
  const token =
    typeof who === "string"
      ? await alb.sign({ preferred_username: who }, { now: NOW })
      : who?.token;
  const r = await serveDashboard(
    { method, path, headers: token ? { [ALB_IDENTITY_HEADER]: token } : {} },
    { objects: store, identity: identity() },
  );
  return { ...r, text: r.body.toString("utf8") };
}

describe("serveDashboard", () => {
  it("serves a lab member their lab's current build", async () => {
    const r = await get("/_labenv/dashboard/labs/genomics/", "mchen");
    expect(r.status).toBe(200);
    expect(r.text).toBe("<h1>genomics 2</h1>");
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("private, no-cache");
  });

  it("redirects the root to the only site a member may read", async () => {
    const r = await get("/_labenv/dashboard/", "dsato");
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe("/_labenv/dashboard/labs/vision/");
    expect((await get("/_labenv/dashboard", "dsato")).headers.location).toBe("/_labenv/dashboard/");
  });

  it.each([
    ["another lab's site", "/_labenv/dashboard/labs/genomics/index.html", "dsato", 403],
    ["the fleet to a lab member", "/_labenv/dashboard/fleet/index.html", "mchen", 403],
    [
      "anything to a member whose appointment ended",
      "/_labenv/dashboard/labs/genomics/",
      "lwu",
      403,
    ],
    ["anything to someone in no lab", "/_labenv/dashboard/", "stranger", 403],
    [
      "a file an older build left behind",
      "/_labenv/dashboard/labs/genomics/old.html",
      "mchen",
      404,
    ],
    [
      "a path that leaves the site",
      "/_labenv/dashboard/labs/genomics/../../fleet/index.html",
      "mchen",
      404,
    ],
    [
      "an encoded path that leaves the site",
      "/_labenv/dashboard/labs/genomics/%2e%2e/x.html",
      "mchen",
      404,
    ],
    [
      "the store's own list of files",
      "/_labenv/dashboard/labs/genomics/current.json",
      "mchen",
      404,
    ],
    ["a site of a lab not published", "/_labenv/dashboard/labs/vision/", "dsato", 404],
    ["a path outside the dashboard", "/genomics/rnaseq/", "mchen", 404],
  ])("refuses %s", async (_, path, who, status) => {
    const r = await get(path, who);
    expect(r.status).toBe(status);
    expect(r.text).not.toContain("genomics 2");
    expect(r.text).not.toContain("old");
  });

  it("lets a fleet viewer read the fleet", async () => {
    expect((await get("/_labenv/dashboard/fleet/runs.html", "tkim")).text).toBe("runs");
  });

  it.each([
    ["no identity", undefined],
    ["an expired sign-in", "expired"],
    ["another load balancer's signature", "other"],
  ])("asks to sign in again on %s", async (_, kind) => {
    const token =
      kind === "expired"
        ? await alb.sign(
            { preferred_username: "mchen" },
            { now: new Date(NOW.getTime() - 3600_000) },
          )
        : kind === "other"
          ? await alb.sign({ preferred_username: "mchen" }, { now: NOW, signer: `${TEST_LB_ARN}x` })
          : undefined;
    const r = await get("/_labenv/dashboard/labs/genomics/", token ? { token } : undefined);
    expect(r.status).toBe(401);
    expect(r.text).toContain("Sign-in needed");
  });

  it("is read-only", async () => {
    const r = await get("/_labenv/dashboard/labs/genomics/", "mchen", "POST");
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe("GET, HEAD");
  });

  it("treats a hand-edited access list that is not JSON as not published, letting nobody in", async () => {
    const broken = new CountingObjectStore();
    for (const [k, v] of store.objects) broken.objects.set(k, v);
    await broken.put(dashboardObjects.access, "{ not json");
    const r = await serveDashboard(
      {
        method: "GET",
        path: "/_labenv/dashboard/labs/genomics/",
        headers: {
          [ALB_IDENTITY_HEADER]: await alb.sign({ preferred_username: "mchen" }, { now: NOW }),
        },
      },
      { objects: broken, identity: identity() },
    );
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain("genomics 2");
  });

  it("says when nothing was published yet", async () => {
    const r = await serveDashboard(
      {
        method: "GET",
        path: "/_labenv/dashboard/",
        headers: {
          [ALB_IDENTITY_HEADER]: await alb.sign({ preferred_username: "mchen" }, { now: NOW }),
        },
      },
      { objects: new CountingObjectStore(), identity: identity() },
    );
    expect(r.status).toBe(404);
    expect(r.body.toString()).toContain("dashboard: { publish: true }");
  });
});

describe("toAlbResult: what the load balancer can pass", () => {
  const big = Buffer.from("x".repeat(900_000));
  const ok = { status: 200, headers: { "content-type": "application/json" }, body: big };

  it("gzips a large answer for a browser that accepts it", () => {
    const r = toAlbResult(ok, "gzip, deflate, br");
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(Buffer.from(r.body, "base64")).equals(big)).toBe(true);
  });

  it("refuses clearly what would be over 1 MB, instead of letting the load balancer answer 502 with nothing", () => {
    const r = toAlbResult(ok, "");
    expect(r.statusCode).toBe(502);
    expect(r.body).toContain("labenv dashboard");
  });

  it("passes a small answer as it is", () => {
    const r = toAlbResult({ status: 404, headers: {}, body: Buffer.from("no") }, "gzip");
    expect(r).toMatchObject({
      statusCode: 404,
      statusDescription: "404 Not Found",
      isBase64Encoded: true,
    });
    expect(Buffer.from(r.body, "base64").toString()).toBe("no");
  });
});
