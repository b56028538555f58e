// The dashboard in a real browser (Debian's Chromium through playwright-core):
// the example repository is reconciled into the sandbox, one environment is
// made to drift as in the README's walkthrough, `labenv dashboard` builds the
// site, and every page is opened, clicked through and checked with axe-core.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite, type ServedSite } from "../../reconciler/adapters/http/serve-site.js";
import { axeViolations, launchBrowser, type TestBrowser } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/example-repo.js";
import { exampleGitRepo } from "./temp-git-repo.js";

const ARTIFACTS = join(repoRoot, "test-artifacts/dashboard");

function readSite(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return files;
}

describe("the dashboard in a browser", () => {
  let browser: TestBrowser;
  let served: ServedSite;
  let files: Map<string, string>;
  let dir: string;

  beforeAll(async () => {
    dir = exampleGitRepo();
    const now = new Date("2026-11-23T12:00:00Z");
    expect((await runCli(["reconcile", "--repo", dir], { now })).code).toBe(0);
    const exec = await runCli(
      [
        "sandbox",
        "exec",
        "genomics-core/rnaseq",
        "pip",
        "install",
        "requests==2.32.3",
        "--repo",
        dir,
      ],
      { now },
    );
    expect(exec.code, exec.stderr).toBe(0);
    await runCli(["reconcile", "--repo", dir], { now: new Date("2026-11-23T12:10:00Z") });
    // The site is built now: after the repository's only commit, which git dates today.
    const built = await runCli(["dashboard", "--repo", dir, "--out", "site"], { now: new Date() });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain("✓ dashboard: 15 pages");
    files = readSite(join(dir, "site"));
    served = await serveSite(async () => files);
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const visibleRows = (page: import("playwright-core").Page) =>
    page.locator("#fleet tbody tr:visible").allTextContents();

  it("lists the nine example environments and the drifting one's severity", async () => {
    const { page, errors, refused } = await browser.newPage();
    await page.goto(served.url);
    const rows = await visibleRows(page);
    expect(rows).toHaveLength(9);
    const rnaseq = page.locator("#fleet tbody tr", { hasText: "genomics-core/rnaseq" });
    await expect.poll(() => rnaseq.locator(".badge").textContent()).toBe("minor drift");
    expect(await page.locator("#fleet-count").textContent()).toBe("Showing 9 of 9 environments");
    await page.screenshot({ path: join(ARTIFACTS, "fleet.png"), fullPage: true });
    // The README's picture of the fleet page: LABENV_UPDATE_SCREENSHOTS=1 makes it again.
    if (process.env.LABENV_UPDATE_SCREENSHOTS === "1") {
      mkdirSync(join(repoRoot, "docs/images"), { recursive: true });
      await page.screenshot({ path: join(repoRoot, "docs/images/dashboard-fleet.png") });
    }
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("sorts by a column, both ways", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(served.url);
    const costs = async () =>
      (await page.locator("#fleet tbody tr td:nth-child(10)").allTextContents()).map((t) =>
        Number(t.replace("$", "")),
      );
    const header = page.locator("#fleet th", { hasText: "Monthly cost" });
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const up = await costs();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const down = await costs();
    expect(down).toEqual([...up].reverse());
    await page.locator("#fleet th", { hasText: "Drift" }).getByRole("button").click();
    await page.locator("#fleet th", { hasText: "Drift" }).getByRole("button").click();
    expect(await page.locator("#fleet tbody tr").first().textContent()).toContain(
      "genomics-core/rnaseq",
    );
    expect(errors).toEqual([]);
  });

  it("filters by lab, state and drift, and searches", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(served.url);
    await page.getByLabel("Lab", { exact: true }).selectOption("ml-vision");
    expect(await visibleRows(page)).toHaveLength(3);
    await page.getByLabel("State").selectOption("stopped");
    const stopped = await visibleRows(page);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toContain("ml-vision/teaching");
    expect(await page.locator("#fleet-count").textContent()).toBe("Showing 1 of 9 environments");
    await page.getByLabel("Lab", { exact: true }).selectOption("");
    await page.getByLabel("State").selectOption("");
    await page.getByLabel("Drift").selectOption("MINOR_DRIFT");
    const drifting = await visibleRows(page);
    expect(drifting).toHaveLength(1);
    expect(drifting[0]).toContain("genomics-core/rnaseq");
    await page.getByLabel("Drift").selectOption("");
    await page.getByLabel("Search").fill("okafor");
    expect(await visibleRows(page)).toEqual([
      expect.stringContaining("climate-dynamics/regional-downscaling"),
    ]);
    await page.getByLabel("Search").fill("");
    expect(await visibleRows(page)).toHaveLength(9);
    expect(errors).toEqual([]);
  });

  it("follows a link from the fleet to an environment's drift and timeline", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(served.url);
    await page.getByRole("link", { name: "genomics-core/rnaseq" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toContain("genomics-core/rnaseq");
    expect(await page.locator("#drift tbody").textContent()).toContain("requests");
    expect(await page.locator("#timeline tbody tr").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "environment.png"), fullPage: true });
    await page.getByRole("link", { name: "genomics-core" }).first().click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Genomics Core Facility");
    expect(await page.locator(".quotas li").count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it("draws the funding charts", async () => {
    const { page, errors, refused } = await browser.newPage();
    await page.goto(`${served.url}funding.html`);
    for (const id of ["chart-funding", "chart-experiment"]) {
      const canvas = page.locator(`#${id}`);
      await expect.poll(() => canvas.getAttribute("data-drawn")).toBe("true");
      // Something was painted: a canvas with any non-transparent pixel.
      const painted = await canvas.evaluate((c) => {
        const el = c as unknown as {
          width: number;
          height: number;
          getContext(t: "2d"): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
        };
        const d = el.getContext("2d").getImageData(0, 0, el.width, el.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n;
      });
      expect(painted, id).toBeGreaterThan(1000);
    }
    await page.screenshot({ path: join(ARTIFACTS, "funding.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("has no accessibility violations, console errors or broken links on any page", async () => {
    const pages = [...files.keys()].filter((p) => p.endsWith(".html")).sort();
    expect(pages).toHaveLength(15);
    const { page, errors, refused } = await browser.newPage();
    for (const path of pages) {
      const response = await page.goto(`${served.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
      for (const href of hrefs) {
        if (!href.startsWith(served.url)) continue;
        const target = new URL(href).pathname.slice(1);
        expect(files.has(target), `${path} links to ${target}`).toBe(true);
      }
    }
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  }, 120_000);

  it("shows every table without JavaScript", async () => {
    const { page } = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(served.url);
    expect(await page.locator("#fleet tbody tr").count()).toBe(9);
    expect(await page.locator("#fleet-filters").isVisible()).toBe(false);
    await page.goto(`${served.url}funding.html`);
    expect(await page.locator("#cost-by-funding tbody tr").count()).toBeGreaterThan(0);
    const csv = await page.request.get(`${served.url}csv/fleet.csv`);
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "Environment,Lab,Owner,State,Tasks,Domain pack,Lock changed,Drift,Last snapshot,Last verified snapshot,Last drill,Monthly cost",
    );
  });

  it("reloads an open page when the data changes", async () => {
    let site = files;
    const live = await serveSite(async () => site);
    try {
      const { page, errors } = await browser.newPage();
      await page.goto(live.url);
      const next = new Map(site);
      next.set("build.json", JSON.stringify({ build: "changed" }));
      next.set(
        "index.html",
        site.get("index.html")!.replace("<h1>Fleet</h1>", "<h1>Fleet, again</h1>"),
      );
      site = next;
      await expect
        .poll(() => page.locator("h1").textContent(), { timeout: 10_000 })
        .toBe("Fleet, again");
      expect(errors).toEqual([]);
    } finally {
      await live.close();
    }
  });

  it("never runs markup from the repository", async () => {
    const lab = join(dir, "environments/ml-vision/lab.yaml");
    writeFileSync(
      lab,
      readFileSync(lab, "utf8").replace(
        /displayName: .*/,
        `displayName: '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'`,
      ),
    );
    const built = await runCli(["dashboard", "--repo", dir, "--out", "site-xss"], {
      now: new Date(),
    });
    expect(built.code, built.stderr).toBe(0);
    const xss = readSite(join(dir, "site-xss"));
    const s = await serveSite(async () => xss);
    try {
      const { page } = await browser.newPage();
      let dialogs = 0;
      page.on("dialog", (d) => void (dialogs++, d.dismiss()));
      for (const path of [
        "index.html",
        "labs/ml-vision.html",
        "environments/ml-vision/teaching.html",
      ]) {
        await page.goto(`${s.url}${path}`);
        expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
        expect(await page.locator("nav").first().textContent()).toBeTruthy();
      }
      await page.goto(`${s.url}labs/ml-vision.html`);
      expect(await page.locator("h1").textContent()).toBe(
        `<script>window.pwned=1</script><img src=x onerror="window.pwned=2">`,
      );
      expect(dialogs).toBe(0);
    } finally {
      await s.close();
    }
  });
});
