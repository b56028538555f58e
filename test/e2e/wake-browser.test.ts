// The wake flow end to end in the sandbox, in headless Chromium: an environment parked by idle
// shutdown is opened through the sandbox's load balancer (`labenv open --serve`'s gateway): the
// wake page starts it (its parking ends, a reconcile runs the task again from what git holds),
// follows the progress the provider observes, and opens the simulated Jupyter once the task's
// authorizer says Jupyter answers — the page shows the lock digest of the task definition that
// was applied. Screenshots of both pages are kept in test-artifacts/.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { openContext } from "../../reconciler/cli/context.js";
import type { CliIO } from "../../reconciler/cli/io.js";
import { gatewayForContext, wakeReconcile } from "../../reconciler/cli/sandbox-gateway-run.js";
import { lockDigest } from "../../reconciler/core/lock/build-lock.js";
import { runCli } from "../helpers/cli.js";
import {
  axeViolations,
  launchBrowser,
  screenshotPath,
  type TestBrowser,
} from "../helpers/browser.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";
import type { EnvironmentLock } from "../../reconciler/core/model/documents.js";

const ENV = "genomics-core/rnaseq";
const T0 = new Date("2026-11-23T12:00:00Z");
const LATER = new Date("2026-11-23T15:00:00Z");
let dir: string;
let browser: TestBrowser;

function io(now: Date): CliIO & { log: string[] } {
  let clock = now.getTime();
  const log: string[] = [];
  return {
    log,
    out: (t) => void log.push(t),
    err: (t) => void log.push(t),
    exit: () => undefined,
    today: () => "2026-11-23",
    now: () => new Date((clock += 1000)),
  };
}

beforeAll(async () => {
  dir = exampleGitRepo();
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      /^spec:\n/m,
      "spec:\n  access:\n    address: https://jupyter.westtek.example\n",
    ),
  );
  git(dir, "commit", "-qam", "Researcher access");
  const first = await runCli(["reconcile", "--repo", dir], { now: T0 });
  expect(first.code, first.stdout + first.stderr).toBe(0);
  // Three hours on, nobody opened it (idleShutdownMinutes: 120): parked.
  const idle = await runCli(["reconcile", "--repo", dir], { now: LATER });
  expect(idle.stdout).toMatch(/⏸ parked genomics-core\/rnaseq: idle for 1\d\d min/);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the wake page in the sandbox", () => {
  it("starts a parked environment and opens it once Jupyter answers", async () => {
    const clockIo = io(new Date(LATER.getTime() + 60_000));
    const ctx = openContext(dir, clockIo.now);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const started: string[] = [];
    const gateway = await gatewayForContext(ctx, clockIo, {
      member: "rpatel",
      // The reconcile a wake runs, held until the test has seen the page waiting for it.
      start: async (environment) => {
        started.push(environment);
        void held
          .then(() => wakeReconcile(ctx, clockIo, environment))
          .then((r) => clockIo.log.push(`wake: ${r.outcome} ${r.stage ?? ""} ${r.reason ?? ""}`));
      },
    });
    try {
      const { page, errors, refused } = await browser.newPage();
      await page.goto(`${gateway.url}/${ENV}/lab`);
      await expect
        .poll(() => page.locator("h1").textContent())
        .toBe(`Starting your environment ${ENV}`);
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/Asking for a task/);
      expect(started).toEqual([ENV]);
      expect(await page.locator("main").textContent()).toMatch(/takes about\s+2 minutes/);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath("wake-page-starting.png"), fullPage: true });

      release();
      await page
        .waitForSelector("text=genomics-core/rnaseq is running", { timeout: 30_000 })
        .catch(async (e: unknown) => {
          throw new Error(
            `${(e as Error).message}\npage: ${await page.locator("main").textContent()}\n${clockIo.log.join("\n")}\nstatus: ${await (await fetch(`${gateway.url}/${ENV}/_labenv/wake/status`)).text()}\nerrors: ${errors.join("; ")}`,
          );
        });
      const lock = parse(
        readFileSync(join(dir, "environments/genomics-core/rnaseq/environment.lock.yaml"), "utf8"),
      ) as EnvironmentLock;
      expect(await page.locator("#lock").textContent()).toBe(lockDigest(lock));
      expect(new URL(page.url()).pathname).toBe(`/${ENV}/lab`);
      await page.screenshot({ path: screenshotPath("wake-page-ready.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);

      const woken = (await ctx.state.listUsage()).find((u) => u.environment === ENV)!;
      expect(woken.parked).toBeUndefined();
      const status = await runCli(["open", ENV, "--repo", dir, "--json"], { now: LATER });
      expect(JSON.parse(status.stdout).routing).toBe("environment");
      // The next reconcile measures the wait by when Jupyter says it started, and the visit
      // counts as activity: half an hour on, it is not idle.
      const next = await runCli(["reconcile", "--repo", dir], {
        now: new Date(LATER.getTime() + 30 * 60_000),
      });
      expect(next.stdout).not.toMatch(/parked genomics-core\/rnaseq/);
      const usage = (await ctx.state.listUsage()).find((u) => u.environment === ENV)!;
      const account = JSON.parse(readFileSync(join(dir, ".labenv/sandbox/account.json"), "utf8"));
      const task = account.tasks.filter((t: { lastStatus: string }) => t.lastStatus === "RUNNING");
      expect(usage.wakes.at(-1)).toEqual({
        requestedAt: woken.wakes.at(-1)!.requestedAt,
        readyAt: expect.any(String),
      });
      expect(task.map((t: { startedAt: string }) => t.startedAt)).toContain(
        usage.wakes.at(-1)!.readyAt,
      );
    } finally {
      await gateway.close();
    }
  }, 120_000);

  it("lets only the owner start it: anyone else gets the 403 page naming who may grant access", async () => {
    const again = await runCli(["reconcile", "--repo", dir], {
      now: new Date(LATER.getTime() + 6 * 3_600_000),
    });
    expect(again.stdout).toMatch(/⏸ parked genomics-core\/rnaseq/);
    const clockIo = io(new Date(LATER.getTime() + 7 * 3_600_000));
    const ctx = openContext(dir, clockIo.now);
    const starts: string[] = [];
    const gateway = await gatewayForContext(ctx, clockIo, {
      member: "dsato",
      start: async (e) => void starts.push(e),
    });
    try {
      const page = await fetch(`${gateway.url}/${ENV}/`);
      expect(page.status).toBe(403);
      expect(await page.text()).toMatch(/Who can give you access/);
      const start = await fetch(`${gateway.url}/${ENV}/_labenv/wake/start`, { method: "POST" });
      expect(start.status).toBe(403);
      expect(starts).toEqual([]);
      expect(
        (await ctx.state.listUsage()).find((u) => u.environment === ENV)?.parked,
      ).toBeDefined();
      const none = await fetch(`${gateway.url}/nowhere/`);
      expect(none.status).toBe(404);
    } finally {
      await gateway.close();
    }
  }, 60_000);
});
