// The dashboard as the reconciler publishes it, read through the load balancer's sign-in:
// `labenv reconcile` on the example repository writes the fleet and each lab's site to the
// object store; the dashboard Lambda's handler serves them from there behind a 127.0.0.1 stand-in
// for the load balancer, which passes on the signed identity header as the ALB does. Opened in
// headless Chromium (Debian's chromium via playwright-core) as four people: an engineer who may
// read the fleet and is in one lab (chooser), a PI (straight to their lab's site), a member of
// another lab (403 for genomics), and someone whose sign-in was forged (401).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../reconciler/adapters/file/directory-object-store.js";
import { dashboardHandler } from "../../reconciler/lambda/dashboard-handler.js";
import { ALB_IDENTITY_HEADER } from "../../reconciler/adapters/access/alb-identity.js";
import { startAlbSigner, TEST_LB_ARN, type AlbSigner } from "../helpers/alb-signer.js";
import {
  axeViolations,
  launchBrowser,
  screenshotPath,
  type TestBrowser,
} from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo } from "./temp-git-repo.js";

let alb: AlbSigner;
let browser: TestBrowser;
let front: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = exampleGitRepo();
  const run = await runCli(["reconcile", "--repo", dir], { now: new Date() });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(
    /✓ dashboard published for the fleet and 3 labs: (\d+) of \1 files changed/,
  );
  alb = await startAlbSigner();
  const handle = dashboardHandler(
    {
      AWS_REGION: "eu-west-1",
      LABENV_LOAD_BALANCER_ARN: TEST_LB_ARN,
      LABENV_KEYS_ENDPOINT: alb.keysEndpoint,
    },
    new DirectoryObjectStore(join(dir, ".labenv/objects")),
  );
  // The load balancer's part: a Lambda target gets the request as an event and answers with a result.
  front = createServer((req, res) => {
    void handle({
      httpMethod: req.method ?? "GET",
      path: req.url ?? "/",
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(",") : (v ?? ""),
        ]),
      ),
    }).then((r) => {
      res.writeHead(r.statusCode, r.headers);
      res.end(Buffer.from(r.body, r.isBase64Encoded ? "base64" : "utf8"));
    });
  });
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}/_labenv/dashboard/`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await alb?.close();
  await new Promise<void>((r) => (front ? front.close(() => r()) : r()));
});

async function signedInAs(member: string, token?: string) {
  const watched = await browser.newPage();
  await watched.context.setExtraHTTPHeaders({
    [ALB_IDENTITY_HEADER]:
      token ??
      (await alb.sign(
        { preferred_username: member, email: `${member}@uni.example` },
        { expiresInSeconds: 600 },
      )),
  });
  return watched;
}

describe("the published dashboard behind sign-in", () => {
  it("offers an engineer in one lab the fleet and their lab, and shows each", async () => {
    const { page, errors, refused } = await signedInAs("tkim");
    const res = await page.goto(base);
    expect(res?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Which dashboard?");
    expect(await page.locator("li a").allTextContents()).toEqual([
      "the whole fleet",
      "lab genomics-core",
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("dashboard-published-chooser.png") });

    await page.click("text=the whole fleet");
    await expect.poll(() => page.locator("#fleet tbody tr:visible").count()).toBe(9);
    await page.goto(`${base}labs/genomics-core/`);
    const rows = await page.locator("#fleet tbody tr:visible > :first-child").allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    // Its own environments and the one climate-dynamics shares with it, no other lab's.
    const shown = rows.map((r) => r.trim());
    expect(shown.filter((e) => !e?.startsWith("genomics-core/"))).toEqual([
      "climate-dynamics/cmip6-analysis",
    ]);
    await page.click("text=genomics-core/rnaseq");
    expect(page.url()).toContain(
      "/_labenv/dashboard/labs/genomics-core/environments/genomics-core/rnaseq.html",
    );
    expect(await page.locator("h1").textContent()).toContain("genomics-core/rnaseq");
    await page.screenshot({
      path: screenshotPath("dashboard-published-lab-environment.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("takes a PI straight to their lab's site, and no further", async () => {
    const { page } = await signedInAs("mchen");
    await page.goto(base);
    expect(page.url()).toBe(`${base}labs/genomics-core/`);
    const fleet = await page.goto(`${base}fleet/`);
    expect(fleet?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toBe(
      "You may not read the dashboard of the whole fleet",
    );
  });

  it("refuses a member of another lab the genomics site, and says how to get in", async () => {
    const { page } = await signedInAs("dsato");
    await page.goto(base);
    expect(page.url()).toBe(`${base}labs/ml-vision/`);
    // genomics-core shares rnaseq with ml-vision: its page is in ml-vision's site.
    expect(await page.locator("#fleet tbody tr", { hasText: "genomics-core/rnaseq" }).count()).toBe(
      1,
    );
    const res = await page.goto(`${base}labs/genomics-core/index.html`);
    expect(res?.status()).toBe(403);
    expect(await page.locator("body").textContent()).toContain("Ask the lab's PI to add you");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("dashboard-published-forbidden.png") });
  });

  it("does not trust an identity the load balancer did not sign", async () => {
    const forged = await alb.sign(
      { preferred_username: "tkim" },
      { signer: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/other/1" },
    );
    const { page } = await signedInAs("tkim", forged);
    const res = await page.goto(`${base}fleet/`);
    expect(res?.status()).toBe(401);
    expect(await page.locator("h1").textContent()).toBe("Sign-in needed");
  });
});
