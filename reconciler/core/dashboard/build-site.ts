import { createHash } from "node:crypto";
import { STYLESHEET, SCRIPT } from "./assets.js";
import type { DashboardData } from "./dashboard-data.js";
import { environmentPage } from "./pages/environment-page.js";
import { fleetPage } from "./pages/fleet-page.js";
import { fundingPage } from "./pages/funding-page.js";
import { labPage } from "./pages/lab-page.js";
import type { Page } from "./pages/layout.js";
import { runsPage } from "./pages/runs-page.js";
import { tableCsv } from "./table.js";

/** What the site needs besides the data: Chart.js's UMD build, shipped with the site (no CDN). */
export interface SiteAssets {
  chartJs: string;
}

/** A site path made only of names labenv validated (lower-case DNS labels). */
const SAFE_PATH = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*$/;

/**
 * The identity of the data, without the time it was assembled: pages carry it,
 * `build.json` says it, and an open page reloads when it changes.
 */
export function buildId(data: DashboardData): string {
  const { generatedAt: _, ...rest } = data;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}

/**
 * The dashboard as files: HTML pages, one CSV per table, the stylesheet, the
 * script, Chart.js and the data as JSON. Pure: the same data gives the same bytes.
 */
export function buildSite(data: DashboardData, assets: SiteAssets): Map<string, string> {
  const build = buildId(data);
  const pages: Page[] = [
    fleetPage(data, build),
    ...(data.scope ? [] : [runsPage(data, build)]),
    fundingPage(data, build),
    ...data.labs.map((l) => labPage(data, l, build)),
    ...data.environments.map((e) => environmentPage(data, e, build)),
  ];
  const files = new Map<string, string>();
  const put = (path: string, content: string) => {
    if (!SAFE_PATH.test(path) || path.split("/").includes(".."))
      throw new Error(`refusing to write the dashboard file ${JSON.stringify(path)}`);
    files.set(path, content);
  };
  for (const p of pages) {
    put(p.path, p.html);
    for (const t of p.tables) put(t.csv, tableCsv(t));
  }
  put("assets/dashboard.css", STYLESHEET);
  put("assets/dashboard.js", SCRIPT);
  put("assets/chart.umd.min.js", assets.chartJs);
  put("data/dashboard.json", `${JSON.stringify(data)}\n`);
  put("build.json", `${JSON.stringify({ build, generatedAt: data.generatedAt })}\n`);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
