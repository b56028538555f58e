import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pricesFor } from "../core/cost/prices.js";
import type { DashboardInputs } from "../core/dashboard/assemble-dashboard.js";
import { driftObjects } from "../core/drift/drift-objects.js";
import type { DriftReport } from "../core/drift/drift-report.js";
import { LabenvError } from "../core/errors.js";
import { markAbandoned } from "../core/reconcile/lease.js";
import { latestDrill, type DrillRecord } from "../core/snapshots/drill.js";
import { listSnapshots } from "../core/snapshots/snapshot-list.js";
import { latestVerification, type VerificationRecord } from "../core/snapshots/verification.js";
import type { RunContext } from "./context.js";
import type { ObjectStore } from "../ports/object-store.js";
import { AUDITED_PATHS } from "../adapters/git/read-audit.js";
import { openDescriptionFile } from "../adapters/git/description-file.js";
import { readLoggedTimeline } from "../adapters/git/read-timeline.js";
import { headCommit } from "../adapters/git/resolve-commit.js";

/**
 * What the dashboard is read from. `dir` is a git checkout of main, for the timeline; without
 * one (the reconciler Lambda reads the repository through GitHub's API) the pages say history is
 * not available.
 */
export type DashboardSources = Pick<
  RunContext,
  "repository" | "config" | "commit" | "provider" | "state" | "objects"
> & { dir?: string };

/** How many recent reconcile runs the runs page lists. */
export const DASHBOARD_RUNS = 50;

async function readJson(objects: ObjectStore, key: string): Promise<unknown> {
  const bytes = await objects.get(key);
  if (!bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown;
  } catch (cause) {
    throw new LabenvError("io", `${key} in the object store is not JSON`, {
      cause,
      hint: "drift and the agent write it; delete it and run labenv drift again",
    });
  }
}

/** The name of Chart.js's browser build, in its package and beside a bundled Lambda. */
export const CHART_JS_FILE = "chart.umd.min.js";

/**
 * Chart.js's browser build, from the installed package: the site ships it instead of loading it
 * from a CDN. A bundled Lambda has no node_modules: infra/ copies the file beside the bundle.
 */
export function chartJsSource(): string {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve("chart.js");
  } catch {
    return readFileSync(new URL(`./${CHART_JS_FILE}`, import.meta.url), "utf8");
  }
  return readFileSync(join(dirname(main), CHART_JS_FILE), "utf8");
}

/**
 * Reads what the dashboard shows from where labenv keeps it: the documents
 * (already in `ctx`), the provider's view, the state store's applied records
 * and runs, drift reports and observations in the object store, and main's
 * history through the git CLI (skipped outside a git checkout).
 */
export async function readDashboardInputs(
  ctx: DashboardSources,
  now: Date,
  options: { baseUrl?: string; scope?: string } = {},
): Promise<DashboardInputs> {
  const [observed, applied, runs, lease] = await Promise.all([
    ctx.provider.observe(),
    ctx.state.listApplied(),
    ctx.state.listRuns(DASHBOARD_RUNS),
    ctx.state.readLease(),
  ]);
  const driftReports = new Map<string, DriftReport>();
  const observedAt = new Map<string, string>();
  for (const key of ctx.repository.environments.keys()) {
    const report = (await readJson(ctx.objects, driftObjects.report(key))) as
      DriftReport | undefined;
    if (report && typeof report === "object" && typeof report.status === "string")
      driftReports.set(key, report);
    const observation = (await readJson(ctx.objects, driftObjects.observation(key))) as
      { metadata?: { observedAt?: unknown } } | undefined;
    const at = observation?.metadata?.observedAt;
    if (typeof at === "string") observedAt.set(key, at);
  }
  const snapshots = await listSnapshots(
    ctx.repository,
    observed.resources,
    ctx.objects,
    now.toISOString().slice(0, 10),
  );
  const verifications = new Map<string, { record: VerificationRecord } | { problem: string }>();
  for (const r of snapshots) {
    if (r.state !== "captured" && r.state !== "kept") continue;
    const v = await latestVerification(ctx.objects, r.id);
    if (v) verifications.set(r.id, v);
  }
  const drills = new Map<string, { record: DrillRecord } | { problem: string }>();
  for (const key of ctx.repository.environments.keys()) {
    const d = await latestDrill(ctx.objects, key);
    if (d) drills.set(key, d);
  }
  let timeline;
  try {
    if (ctx.dir !== undefined) {
      const head = await headCommit(ctx.dir);
      // The descriptions labenv audit remembers: the same changes, told the same way.
      const remembered = await openDescriptionFile(ctx.dir);
      timeline = await readLoggedTimeline(
        ctx.dir,
        { from: head, paths: AUDITED_PATHS },
        {},
        remembered.descriptions,
      );
      try {
        remembered.save();
      } catch {
        // Not written (a read-only clone): the next run describes those changes again, nothing else.
      }
    }
  } catch {
    timeline = undefined; // not a git checkout (or no commit yet): the pages say history is not available
  }
  const git = ctx.config.git;
  return {
    now,
    commit: ctx.commit,
    provider: ctx.provider.label,
    repository: ctx.repository,
    prices: pricesFor(ctx.config.aws?.region),
    applied,
    runs: markAbandoned(runs, lease, now),
    observed: observed.resources,
    driftReports,
    observedAt,
    snapshots,
    verifications,
    drills,
    ...(timeline ? { timeline } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(git?.host === "github" && git.repository ? { gitHubRepository: git.repository } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
  };
}
