// The authorizer as it runs in the task, in front of a stand-in Jupyter on 127.0.0.1: only the
// owner's requests (and websocket upgrades) reach Jupyter; a share recipient gets the read-only
// notice, anyone else the 403 page naming who may grant access, a request without the load
// balancer's signed identity the sign-in page; the health path answers without sign-in and
// only while Jupyter answers. The pages are checked in headless Chromium with axe-core.
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizerServer, listen } from "../../../reconciler/adapters/access/authorizer-server.js";
import { smallSources } from "../../helpers/access-sources.js";
import {
  axeViolations,
  launchBrowser,
  screenshotPath,
  type TestBrowser,
} from "../../helpers/browser.js";
import { startAlbSigner, TEST_LB_ARN, type AlbSigner } from "../../helpers/alb-signer.js";

const BASE = "/genomics/rnaseq/";
let alb: AlbSigner;
let jupyter: Server;
let jupyterUp = true;
const seenByJupyter: string[] = [];
let front: { url: string; close: () => Promise<void> };
let browser: TestBrowser;

beforeAll(async () => {
  alb = await startAlbSigner();
  jupyter = createServer((req, res) => {
    seenByJupyter.push(`${req.method} ${req.url}`);
    if (!jupyterUp) return void res.writeHead(503).end();
    if (req.url === `${BASE}api/status`)
      return void res.writeHead(200, { "content-type": "application/json" }).end("{}");
    res.writeHead(200, { "content-type": "text/html" }).end("<title>JupyterLab</title>lab");
  });
  jupyter.on("upgrade", (req, socket) => {
    seenByJupyter.push(`UPGRADE ${req.url}`);
    socket.end(
      "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n",
    );
  });
  await new Promise<void>((r) => jupyter.listen(0, "127.0.0.1", r));
  const port = (jupyter.address() as AddressInfo).port;
  front = await listen(
    authorizerServer({
      basePath: BASE,
      upstream: `http://127.0.0.1:${port}`,
      sources: smallSources,
      identity: {
        region: "eu-west-1",
        signer: TEST_LB_ARN,
        keysEndpoint: alb.keysEndpoint,
        keyCache: new Map<string, CryptoKey>(),
      },
    }),
    0,
    "127.0.0.1",
  );
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await front?.close();
  await new Promise((r) => jupyter.close(r));
  await alb.close();
});

const token = (member: string) =>
  alb.sign({ sub: `s-${member}`, preferred_username: member, email: `${member}@uni.edu` });

async function get(path: string, member?: string) {
  const headers: Record<string, string> = member ? { "x-amzn-oidc-data": await token(member) } : {};
  const r = await fetch(`${front.url}${path}`, { headers });
  return { status: r.status, body: await r.text() };
}

describe("the authorizer in front of Jupyter", () => {
  it("proxies the owner to Jupyter under the environment's path", async () => {
    seenByJupyter.length = 0;
    const r = await get(`${BASE}lab`, "ajones");
    expect(r).toEqual({ status: 200, body: "<title>JupyterLab</title>lab" });
    expect(seenByJupyter).toEqual([`GET ${BASE}lab`]);
  });

  it("never lets anyone else reach Jupyter: no identity 401, a non-member 403, a share recipient the read-only notice", async () => {
    seenByJupyter.length = 0;
    const none = await get(`${BASE}lab`);
    expect(none.status).toBe(401);
    expect(none.body).toContain("Sign-in needed");
    const stranger = await get(`${BASE}lab`, "kboyd");
    expect(stranger.status).toBe(403);
    expect(stranger.body).toContain("Amara Jones (<code>ajones</code>)");
    expect(stranger.body).toContain("Mei Chen (<code>mchen</code>)");
    const recipient = await get(`${BASE}lab`, "dsato");
    expect(recipient.status).toBe(200);
    expect(recipient.body).toContain("Read-only access to genomics/rnaseq");
    const forged = await fetch(`${front.url}${BASE}lab`, {
      headers: { "x-amzn-oidc-data": "e30=.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJham9uZXMifQ==.c2ln" },
    });
    expect(forged.status).toBe(401);
    expect(seenByJupyter).toEqual([]);
  });

  it("authorizes websocket upgrades the same way", async () => {
    const upgrade = (headers: string) =>
      new Promise<string>((resolve) => {
        const port = Number(new URL(front.url).port);
        const s = connect(port, "127.0.0.1", () =>
          s.write(
            `GET ${BASE}api/kernels/k1/channels HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: upgrade\r\n${headers}\r\n`,
          ),
        );
        let data = "";
        s.on("data", (d) => (data += d.toString()));
        s.on("close", () => resolve(data.split("\r\n")[0]!));
      });
    seenByJupyter.length = 0;
    expect(await upgrade("")).toBe("HTTP/1.1 401 Refused");
    expect(await upgrade(`x-amzn-oidc-data: ${await token("kboyd")}\r\n`)).toBe(
      "HTTP/1.1 403 Refused",
    );
    expect(seenByJupyter).toEqual([]);
    expect(await upgrade(`x-amzn-oidc-data: ${await token("ajones")}\r\n`)).toBe(
      "HTTP/1.1 101 Switching Protocols",
    );
    expect(seenByJupyter).toEqual([`UPGRADE ${BASE}api/kernels/k1/channels`]);
  });

  it("answers the target group's health check without sign-in, 200 only while Jupyter answers", async () => {
    expect((await get(`${BASE}_labenv/health`)).status).toBe(200);
    jupyterUp = false;
    expect((await get(`${BASE}_labenv/health`)).status).toBe(503);
    jupyterUp = true;
  });

  it("shows the 403 and sign-in pages in a real browser, without accessibility violations", async () => {
    const { page, refused, errors } = await browser.newPage();
    await page.context().setExtraHTTPHeaders({ "x-amzn-oidc-data": await token("kboyd") });
    const r = await page.goto(`${front.url}${BASE}lab`);
    expect(r?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "You may not open this environment",
    );
    expect(await page.getByRole("listitem").allTextContents()).toEqual([
      "Amara Jones (ajones)",
      "Mei Chen (mchen)",
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("access-403.png"), fullPage: true });
    await page.context().setExtraHTTPHeaders({});
    const signIn = await page.goto(`${front.url}${BASE}lab`);
    expect(signIn?.status()).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    expect(refused).toEqual([]);
    // Chromium logs each page's own status; nothing else may fail (no script, no asset).
    expect(errors).toEqual([
      "Failed to load resource: the server responded with a status of 403 (Forbidden)",
      "Failed to load resource: the server responded with a status of 401 (Unauthorized)",
    ]);
  }, 60_000);
});
