import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readRepositoryFiles } from "../../../reconciler/adapters/fs/read-repository-files.js";
import { AUDITED_PATHS } from "../../../reconciler/adapters/git/read-audit.js";
import { readLoggedTimeline } from "../../../reconciler/adapters/git/read-timeline.js";
import { headCommit } from "../../../reconciler/adapters/git/resolve-commit.js";
import { pricesFor } from "../../../reconciler/core/cost/prices.js";
import {
  assembleDashboard,
  type DashboardInputs,
} from "../../../reconciler/core/dashboard/assemble-dashboard.js";
import { buildSite } from "../../../reconciler/core/dashboard/build-site.js";
import type { DriftReport } from "../../../reconciler/core/drift/drift-report.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import type { Timeline } from "../../../reconciler/core/audit/timeline-commit.js";
import { DASHBOARD_NOW, dashboardRepo } from "../../fixtures/dashboard/dashboard-repo.js";
import { expectGolden } from "../../helpers/golden.js";
import { repoRoot } from "../../helpers/example-repo.js";

const GOLDEN = join(repoRoot, "test/fixtures/dashboard/example");
const CHART_JS = "/* chart.js stand-in */";

const RNASEQ_DRIFT: DriftReport = {
  environment: "genomics-core/rnaseq",
  status: "MINOR_DRIFT",
  items: [
    {
      item: "package",
      change: "added",
      name: "requests",
      observed: "2.32.3",
      requested: true,
      severity: "minor",
      why: "default: an added package nothing pins",
    },
  ],
  fingerprint: "f".repeat(64),
  ignored: 0,
  observation: "present",
  observedAt: "2026-12-03T11:50:00Z",
  source: "sandbox",
};

/** The example repository's data with fixed records: one applied environment, two runs, one drift report. */
export function exampleInputs(
  dir: string,
  timeline: Timeline | undefined,
  commit: string,
): DashboardInputs {
  const { repository } = loadRepository(readRepositoryFiles(dir), createSchemaValidator());
  return {
    now: DASHBOARD_NOW,
    commit,
    provider: "sandbox (local simulation of AWS in .labenv/sandbox)",
    repository,
    prices: pricesFor("eu-west-1"),
    applied: [
      {
        environment: "genomics-core/rnaseq",
        commit,
        lockDigest: "sha256:0000000000000000000000000000000000000000000000000000000000000000",
        planDigest: "sha256:1",
        appliedAt: "2026-12-03T11:40:00Z",
        resources: [],
        monthlyCostUsd: 18.95,
      },
    ],
    runs: [
      {
        id: "r2",
        startedAt: "2026-12-03T11:40:00Z",
        finishedAt: "2026-12-03T11:40:04.500Z",
        commit,
        trigger: "cli",
        outcome: "succeeded",
        summary: { create: 3, update: 1, unchanged: 30 },
      },
      {
        id: "r1",
        startedAt: "2026-12-02T09:00:00Z",
        finishedAt: "2026-12-02T09:00:01Z",
        commit,
        trigger: "push",
        outcome: "failed",
        summary: {},
        error: {
          stage: "apply",
          message: "ClientException: No Fargate configuration exists for given values",
        },
      },
    ],
    observed: [
      {
        kind: "service",
        key: "service:genomics-core/rnaseq",
        environment: "genomics-core/rnaseq",
        id: "arn:aws:ecs:eu-west-1:000000000000:service/labenv/labenv-genomics-core-rnaseq",
        spec: { desiredCount: 1 } as never,
        tags: {},
        runningCount: 1,
      },
      {
        kind: "ebs-snapshot",
        key: "ebs-snapshot:genomics-core/rnaseq/before-genomics-2",
        environment: "genomics-core/rnaseq",
        id: "snap-0123456789abcdef0",
        spec: {} as never,
        tags: {},
        status: "completed",
      },
    ],
    driftReports: new Map([["genomics-core/rnaseq", RNASEQ_DRIFT]]),
    observedAt: new Map([
      ["genomics-core/rnaseq", "2026-12-03T11:50:00Z"],
      ["ml-vision/segmentation", "2026-12-03T11:50:00Z"],
    ]),
    snapshots: [
      {
        id: "genomics-core/rnaseq/before-genomics-2",
        state: "captured",
        capturedAt: "2026-12-03T11:41:00Z",
        digest: `sha256:${"a".repeat(64)}`,
        files: 12,
        bytes: 3_500_000,
        keepUntil: "2036-12-03",
        tier: "hot",
        tierFrom: "provider",
        restoreWait: "minutes",
        deletable: false,
      },
    ],
    verifications: new Map([
      [
        "genomics-core/rnaseq/before-genomics-2",
        {
          record: {
            id: "genomics-core/rnaseq/before-genomics-2",
            manifestKey: "snapshots/genomics-core/rnaseq/before-genomics-2/manifest.json",
            digest: `sha256:${"a".repeat(64)}`,
            checked: { objects: 3, files: 12, bytes: 3_500_900 },
            findings: [],
            ok: true,
            verifiedAt: "2026-12-03T12:00:00Z",
            by: "labenv snapshot verify",
          },
        },
      ],
    ]),
    ...(timeline ? { timeline } : {}),
    gitHubRepository: "westtek/labenv-example",
  };
}

describe("dashboard site for the example repository", () => {
  let dir: string;
  let inputs: DashboardInputs;
  beforeAll(async () => {
    dir = dashboardRepo();
    const head = await headCommit(dir);
    const timeline = await readLoggedTimeline(dir, { from: head, paths: AUDITED_PATHS });
    inputs = exampleInputs(dir, timeline, head);
  });

  it("writes the pages, CSVs and data it always did (golden)", () => {
    const files = buildSite(assembleDashboard(inputs), { chartJs: CHART_JS });
    expectGolden(join(GOLDEN, "files.txt"), [...files.keys()].join("\n"));
    for (const path of [
      "index.html",
      "environments/genomics-core/rnaseq.html",
      "labs/genomics-core.html",
      "funding.html",
      "runs.html",
      "csv/fleet.csv",
      "csv/cost-by-funding.csv",
    ])
      expectGolden(join(GOLDEN, path), files.get(path)!);
  });

  it("lists the nine example environments on the fleet page, each linking to its page", () => {
    const files = buildSite(assembleDashboard(inputs), { chartJs: CHART_JS });
    const fleet = files.get("index.html")!;
    const links = [...fleet.matchAll(/href="(environments\/[^"]+\.html)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(9);
    for (const l of links) expect(files.has(l), l).toBe(true);
  });

  it("prices each month as main described the environment then", () => {
    const data = assembleDashboard(inputs);
    expect(data.funding.months).toEqual(["2026-10", "2026-11", "2026-12"]);
    const nih = data.funding.bySource.find((s) => s.funding === "nih-r01-hg012345")!;
    // rnaseq went from 8 GiB to 6 GiB on 2026-11-10: October costs more than November.
    expect(nih.costs[0]!).toBeGreaterThan(nih.costs[1]!);
    expect(nih.costs[1]).toBe(nih.costs[2]);
    // The current month is labenv cost's figure for the source.
    const now = data.environments
      .filter((e) => e.funding === "nih-r01-hg012345")
      .reduce((s, e) => s + e.monthlyCostUsd, 0);
    expect(nih.costs[2]).toBeCloseTo(now, 2);
  });

  it("shows the merged pull request and who merged it on the environment's timeline", () => {
    const rnaseq = assembleDashboard(inputs).environments.find(
      (e) => e.key === "genomics-core/rnaseq",
    )!;
    expect(rnaseq.timeline[0]).toMatchObject({
      pullRequest: { number: 7, url: "https://github.com/westtek/labenv-example/pull/7" },
      mergedBy: "Mei Chen",
      changes: ["resources memory 8192 → 6144"],
    });
    expect(rnaseq.timeline.at(-1)).toMatchObject({ via: "direct" });
  });

  it("shows each snapshot's manifest and last verify, and how old the last verified snapshot is", () => {
    const ID = "genomics-core/rnaseq/before-genomics-2";
    const of = (i: DashboardInputs) =>
      assembleDashboard(i).environments.find((e) => e.key === "genomics-core/rnaseq")!;
    const ok = of(inputs);
    expect(ok.snapshots[0]).toMatchObject({
      name: "before-genomics-2",
      state: "captured",
      captured: { at: "2026-12-03T11:41:00Z", files: 12, tier: "hot", tierFrom: "provider" },
      verified: { at: "2026-12-03T12:00:00Z", ok: true, findings: 0, files: 12 },
    });
    expect(ok.lastSnapshot).toBe("2026-12-03T11:41:00Z");
    expect(ok.lastVerifiedSnapshot).toBe("2026-12-03T11:41:00Z");
    const page = buildSite(assembleDashboard(inputs), { chartJs: CHART_JS }).get(
      "environments/genomics-core/rnaseq.html",
    )!;
    expect(page).toContain("✓ 2026-12-03: 3 objects, 12 files proved");
    // The tier, who says so, and what a restore from it waits for.
    expect(page).toContain("hot, as AWS reports it (minutes)");

    // A verify that found a damaged file: shown as such, and the snapshot no longer counts as verified.
    const record = inputs.verifications!.get(ID)!;
    const failed = of({
      ...inputs,
      verifications: new Map([
        [
          ID,
          {
            record: {
              ...("record" in record ? record.record : ({} as never)),
              ok: false,
              findings: [{ object: "home:/x/analysis.ipynb", problem: "checksum" }],
            },
          },
        ],
      ]),
    });
    expect(failed.snapshots[0]!.verified).toMatchObject({ ok: false, findings: 1 });
    expect(failed.lastSnapshot).toBe("2026-12-03T11:41:00Z");
    expect(failed.lastVerifiedSnapshot).toBeUndefined();
    const failedPage = buildSite(
      assembleDashboard({
        ...inputs,
        verifications: new Map([[ID, { problem: "latest.json is not JSON" }]]),
      }),
      { chartJs: CHART_JS },
    ).get("environments/genomics-core/rnaseq.html")!;
    expect(failedPage).toContain("unreadable record: latest.json is not JSON");

    // Never verified: "never", and no verified age on the fleet.
    const never = of({ ...inputs, verifications: new Map() });
    expect(never.snapshots[0]!.verified).toBeUndefined();
    expect(never.lastVerifiedSnapshot).toBeUndefined();

    // A snapshot whose document left git is still listed: its data is kept.
    const kept = of({
      ...inputs,
      snapshots: [
        ...inputs.snapshots!,
        {
          id: "genomics-core/rnaseq/thesis",
          state: "kept",
          capturedAt: "2026-11-01T08:00:00Z",
          digest: `sha256:${"b".repeat(64)}`,
          files: 3,
          bytes: 900,
          request: { requestedBy: "rpatel", reason: "Figures of thesis chapter 3" },
        },
      ],
    });
    expect(kept.snapshots.map((x) => [x.name, x.state])).toEqual([
      ["before-genomics-2", "captured"],
      ["thesis", "kept"],
    ]);
    expect(kept.snapshots[1]).toMatchObject({ requestedBy: "rpatel" });
  });

  it("shows only a lab's own environments and those shared with it on the lab's site", () => {
    const data = assembleDashboard({ ...inputs, scope: "ml-vision" });
    expect(data.environments.map((e) => e.key)).toEqual([
      "genomics-core/rnaseq",
      "ml-vision/segmentation",
      "ml-vision/self-supervised",
      "ml-vision/teaching",
    ]);
    expect(data.labs.map((l) => l.name)).toEqual(["ml-vision"]);
    expect(data.runs).toEqual([]);
    const files = buildSite(data, { chartJs: CHART_JS });
    expect([...files.keys()].filter((f) => f.endsWith(".html"))).toEqual([
      "environments/genomics-core/rnaseq.html",
      "environments/ml-vision/segmentation.html",
      "environments/ml-vision/self-supervised.html",
      "environments/ml-vision/teaching.html",
      "funding.html",
      "index.html",
      "labs/ml-vision.html",
    ]);
    // No link leads to a page the lab's site does not have.
    for (const [path, text] of files) {
      if (!path.endsWith(".html")) continue;
      for (const [, href] of text.matchAll(/href="([^"#]+)"/g)) {
        if (href!.startsWith("https://")) continue;
        const target = join(path, "..", href!).replace(/^\.\//, "");
        expect(files.has(target), `${path} → ${href}`).toBe(true);
      }
    }
    // Costs and funding groups are the lab's own.
    expect(data.funding.bySource.map((s) => s.funding)).toEqual(["wellcome-226789"]);
    expect(() => assembleDashboard({ ...inputs, scope: "nope" })).toThrow(/there is no lab nope/);
  });

  it("builds without git history, saying so", () => {
    const data = assembleDashboard({ ...inputs, timeline: undefined });
    expect(data.history).toBe(false);
    expect(data.funding.months).toEqual(["2026-12"]);
    const page = buildSite(data, { chartJs: CHART_JS }).get(
      "environments/genomics-core/rnaseq.html",
    )!;
    expect(page).toContain("Git history not available");
  });
});
