// The dashboard for the 1,000-environment synthetic repository (50 labs × 20):
// assembling the data and writing every page, CSV and JSON file (pure, in
// memory; every environment observed, 100 drifting, 50 runs), and the fleet
// page's weight as a browser transfers it (gzip: the page, its stylesheet and
// script; the fleet page does not load Chart.js).
import { gzipSync } from "node:zlib";
import { chartJsSource } from "../reconciler/cli/dashboard-inputs.js";
import { pricesFor } from "../reconciler/core/cost/prices.js";
import { assembleDashboard } from "../reconciler/core/dashboard/assemble-dashboard.js";
import { buildSite } from "../reconciler/core/dashboard/build-site.js";
import type { DriftReport } from "../reconciler/core/drift/drift-report.js";
import { loadRepository } from "../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import type { RunRecord } from "../reconciler/ports/state-store.js";
import type { Measurement } from "./run.js";
import { syntheticFiles } from "./synthetic-repo.js";

export default async function dashboardBench(): Promise<Measurement[]> {
  const { repository } = loadRepository(
    syntheticFiles({ labs: 50, envsPerLab: 20, packVersions: 100 }),
    createSchemaValidator(),
  );
  const keys = [...repository.environments.keys()].sort();
  const observedAt = new Map(keys.map((k) => [k, "2026-12-03T11:50:00Z"]));
  const driftReports = new Map<string, DriftReport>(
    keys.slice(0, 100).map((k) => [
      k,
      {
        environment: k,
        status: "MINOR_DRIFT",
        items: [
          {
            item: "package",
            change: "added",
            name: "requests",
            observed: "2.32.3",
            severity: "minor",
            why: "default: an added package nothing pins",
          },
        ],
        fingerprint: "f".repeat(64),
        ignored: 0,
        observation: "present",
        observedAt: "2026-12-03T11:50:00Z",
      },
    ]),
  );
  const runs: RunRecord[] = Array.from({ length: 50 }, (_, i) => ({
    id: `r${i}`,
    startedAt: new Date(Date.UTC(2026, 11, 3, 11, 50 - i)).toISOString(),
    finishedAt: new Date(Date.UTC(2026, 11, 3, 11, 50 - i, 20)).toISOString(),
    commit: "c".repeat(40),
    trigger: "push",
    outcome: "succeeded",
    summary: { update: 2, unchanged: 3998 },
  }));
  const chartJs = chartJsSource();
  const build = () =>
    buildSite(
      assembleDashboard({
        now: new Date("2026-12-03T12:00:00Z"),
        commit: "c".repeat(40),
        provider: "sandbox",
        repository,
        prices: pricesFor("eu-west-1"),
        applied: [],
        runs,
        observed: [],
        driftReports,
        observedAt,
      }),
      { chartJs },
    );
  build(); // warm up
  const times: number[] = [];
  let files = new Map<string, string>();
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    files = build();
    times.push(performance.now() - t);
  }
  const ms = times.sort((a, b) => a - b)[1]!;
  const fleet = ["index.html", "assets/dashboard.css", "assets/dashboard.js"];
  const raw = fleet.reduce((s, p) => s + Buffer.byteLength(files.get(p)!), 0);
  const gz = fleet.reduce((s, p) => s + gzipSync(files.get(p)!).length, 0);
  const total = [...files.values()].reduce((s, c) => s + Buffer.byteLength(c), 0);
  return [
    {
      name: "dashboard: assemble + write the site, 1,000 environments (median of 3)",
      value: ms,
      unit: "ms",
      goal: "< 2000 ms",
      met: ms < 2000,
      note: `${files.size} files, ${(total / 1e6).toFixed(1)} MB; no git history (timelines empty)`,
    },
    {
      name: "dashboard: fleet page transferred (gzip: HTML + CSS + script)",
      value: gz / 1024,
      unit: "KiB",
      goal: "< 500 KB",
      met: gz < 500_000,
      note: `${(raw / 1024).toFixed(0)} KiB uncompressed`,
    },
  ];
}
