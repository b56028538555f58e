// Headless Chromium for the researcher-access pages (wake, 403, sign-in): Debian's
// /usr/bin/chromium driven by playwright-core (which downloads nothing), a fresh profile per
// launch, the flags that keep it off the closed network, and every request that is not to
// 127.0.0.1 aborted and recorded. axe-core checks each page a person sees.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "./example-repo.js";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface AccessBrowser {
  /** A page that may reach only 127.0.0.1; `offsite` lists what it tried to reach elsewhere. */
  open(): Promise<{ page: Page; offsite: string[]; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchAccessBrowser(): Promise<AccessBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.LABENV_CHROMIUM ?? "/usr/bin/chromium",
    args: FLAGS,
  });
  return {
    async open() {
      const context = await browser.newContext();
      const page = await context.newPage();
      const offsite: string[] = [];
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1") return route.continue();
        offsite.push(url.href);
        return route.abort();
      });
      return { page, offsite, errors };
    },
    close: () => browser.close(),
  };
}

/** axe-core's violations on the page (WCAG A/AA and best practices), as `id: help (targets)`. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axe);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(): Promise<{
          violations: { id: string; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    const r = await axe.run();
    return r.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  });
}

/** Where screenshots of pages are kept as test artifacts (test-artifacts/, ignored by git). */
export function screenshotPath(name: string): string {
  const dir = join(repoRoot, "test-artifacts");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
