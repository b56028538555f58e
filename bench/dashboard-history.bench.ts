// The dashboard with main's history, as people get it: `labenv dashboard` through the CLI on the
// 10,000-commit, 1,000-environment history of the audit bench (its repository, cached under
// .bench/), timelines read from git; and the reconciler's publish of the fleet and every lab's
// site into a directory object store, first from nothing, then again with nothing changed
// (only the files whose content changed are written: the build id and the pages that carry it).
// The clone is fresh, so the first `labenv dashboard` describes every change from its blobs;
// the second finds the descriptions the first remembered in .git/labenv/ (as every later run
// does), and so do the publishes after it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../reconciler/cli/main.js";
import type { CliIO } from "../reconciler/cli/io.js";
import { openContext } from "../reconciler/cli/context.js";
import { publishDashboard } from "../reconciler/cli/publish-dashboard.js";
import { DirectoryObjectStore } from "../reconciler/adapters/file/directory-object-store.js";
import { ensureRepository } from "./audit.bench.js";
import type { Measurement } from "./run.js";

export default async function dashboardHistoryBench(): Promise<Measurement[]> {
  const out = mkdtempSync(join(tmpdir(), "labenv-dashboard-bench-"));
  // The audit bench's history has no working tree (fast-import); the dashboard reads a checkout.
  const dir = join(out, "repo");
  execFileSync("git", ["clone", "-q", ensureRepository(), dir]);
  try {
    const io: CliIO & { code: number } = {
      code: 0,
      out: () => undefined,
      err: (t) => void process.stderr.write(t),
      exit: (c) => void (io.code = Math.max(io.code, c)),
      today: () => "2026-11-23",
      now: () => new Date(),
    };
    const start = performance.now();
    const code = await main(["dashboard", "--repo", dir, "--out", join(out, "site")], io);
    const cli = performance.now() - start;
    if (code !== 0) throw new Error(`labenv dashboard failed (${code})`);
    const again0 = performance.now();
    if ((await main(["dashboard", "--repo", dir, "--out", join(out, "site")], io)) !== 0)
      throw new Error("labenv dashboard failed the second time");
    const cliAgain = performance.now() - again0;

    const ctx = openContext(dir, () => new Date());
    const objects = new DirectoryObjectStore(join(out, "objects"));
    const sources = {
      repository: ctx.repository,
      config: ctx.config,
      commit: ctx.commit,
      provider: ctx.provider,
      state: ctx.state,
      objects,
      dir,
    };
    let t = performance.now();
    const first = await publishDashboard(sources, new Date());
    const firstMs = performance.now() - t;
    t = performance.now();
    const again = await publishDashboard(sources, new Date());
    const againMs = performance.now() - t;
    const files = first.sites.reduce((n, s) => n + s.files, 0);
    const load = loadavg()[0]!.toFixed(1);
    return [
      {
        name: "dashboard with history: labenv dashboard, 10k commits × 1k environments (in-process)",
        value: cli,
        unit: "ms",
        goal: "< 10000 ms",
        met: cli < 10_000,
        note: `timelines from git log, every change described from its blobs (a fresh clone); load ${load}`,
      },
      {
        name: "dashboard with history: labenv dashboard again (descriptions remembered)",
        value: cliAgain,
        unit: "ms",
        goal: "< 10000 ms",
        met: cliAgain < 10_000,
        note: "the changes' descriptions from .git/labenv/audit-descriptions.json",
      },
      {
        name: "dashboard publish: the fleet and every lab's site, from nothing (descriptions remembered)",
        value: firstMs,
        unit: "ms",
        goal: "< 20000 ms",
        met: firstMs < 20_000,
        note: `${first.sites.length} sites, ${files} files written`,
      },
      {
        name: "dashboard publish again, nothing changed but the time",
        value: againMs,
        unit: "ms",
        goal: "writes < 5% of files",
        met: again.written < files * 0.05,
        note: `${again.written} of ${files} files written`,
      },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
