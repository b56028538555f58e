// A real browser for tests of pages people see: Debian's Chromium
// (/usr/bin/chromium, installed by .ci/run) driven by playwright-core, which
// never downloads a browser of its own. Each launch gets a fresh profile and
// the flags that keep Chromium off the (closed) network. Pages may reach only
// loopback addresses: anything else is aborted and counted, so a test can
// assert that a page made no outside request.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "./example-repo.js";

export const CHROMIUM = process.env.LABENV_CHROMIUM ?? "/usr/bin/chromium";

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

export interface TestBrowser {
  browser: Browser;
  /** A new page in its own context; console errors, page errors and refused requests are collected. */
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** `console.error` messages and uncaught exceptions, in order. */
  errors: string[];
  /** Requests to anything but 127.0.0.1/localhost, aborted. */
  refused: string[];
}

function loopback(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  try {
    const { hostname } = new URL(url);
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
}

/** Launches Chromium headless; playwright gives it a fresh temporary profile and removes it on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      const refused: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (loopback(url)) return route.continue();
        refused.push(url);
        return route.abort();
      });
      return { page, context, errors, refused };
    },
    async close() {
      await browser.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2 A/AA rules and best practices) in the page; returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(
    createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
    "utf8",
  );
  // Evaluated, not added as a script tag, so a page's Content-Security-Policy does not block it.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<AxeResults> } })
      .axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const r = await axe.run({ resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

/** Where screenshots of pages are kept as test artifacts (test-artifacts/, ignored by git). */
export function screenshotPath(name: string): string {
  const dir = join(repoRoot, "test-artifacts");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
