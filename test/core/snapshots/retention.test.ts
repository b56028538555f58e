import { describe, expect, it } from "vitest";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import {
  decideRetention,
  keptHotBy,
  tierScheduleOf,
  type RetentionOptions,
  type RetentionRequest,
} from "../../../reconciler/core/snapshots/retention.js";
import { planTiering } from "../../../reconciler/core/snapshots/tiering.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles, withFile } from "../../helpers/example-repo.js";

const CAPTURED = "2026-12-03T14:00:00.000Z";
const KEPT = "lab/env restores from it";

describe("tierScheduleOf: warm after 30 days, archive after a year, each the request's to change", () => {
  it.each<[string, RetentionRequest | undefined, number, number]>([
    ["no request: the defaults", undefined, 30, 365],
    ["warmAfterDays only", { warmAfterDays: 90 }, 90, 365],
    ["archiveAfterDays only, later than 30", { archiveAfterDays: 180 }, 30, 180],
    [
      "archiveAfterDays earlier than the default warm: warm never after archive",
      { archiveAfterDays: 10 },
      10,
      10,
    ],
    ["both", { warmAfterDays: 60, archiveAfterDays: 730 }, 60, 730],
  ])("%s", (_name, retention, warm, archive) => {
    const s = tierScheduleOf(retention);
    expect([s.warmAfterDays, s.archiveAfterDays]).toEqual([warm, archive]);
  });
});

// The tier is where each part is: the provider's report when it has one, labenv's schedule
// otherwise (and the decision says which). Hot: EBS standard + AWS Backup warm; warm: the home
// in cold storage; archive: the volume snapshot in the EBS archive tier.
describe("decideRetention: the tier, who says so, kept at least ten years, never under legal hold", () => {
  it.each<[string, RetentionRequest | undefined, string, RetentionOptions, string, string]>([
    ["just captured", undefined, "2026-12-03", {}, "hot", "schedule"],
    ["29 days: hot", undefined, "2027-01-01", {}, "hot", "schedule"],
    ["30 days: warm (the home to cold storage)", undefined, "2027-01-02", {}, "warm", "schedule"],
    ["364 days: still warm", undefined, "2027-12-02", {}, "warm", "schedule"],
    [
      "a year: archive (the volume snapshot to the EBS archive tier)",
      undefined,
      "2027-12-03",
      {},
      "archive",
      "schedule",
    ],
    [
      "warmAfterDays 90: hot at 60 days",
      { warmAfterDays: 90 },
      "2027-02-01",
      {},
      "hot",
      "schedule",
    ],
    [
      "warmAfterDays 90: warm at 90 days",
      { warmAfterDays: 90 },
      "2027-03-03",
      {},
      "warm",
      "schedule",
    ],
    [
      "archiveAfterDays 90: warm at 30 days",
      { archiveAfterDays: 90 },
      "2027-01-02",
      {},
      "warm",
      "schedule",
    ],
    [
      "archiveAfterDays 90: archive at 90 days",
      { archiveAfterDays: 90 },
      "2027-03-03",
      {},
      "archive",
      "schedule",
    ],
    [
      "archiveAfterDays 500: warm at a year",
      { archiveAfterDays: 500 },
      "2027-12-03",
      {},
      "warm",
      "schedule",
    ],
    [
      "an environment restores from it: hot at two years",
      undefined,
      "2028-12-03",
      { keptHot: KEPT },
      "hot",
      "schedule",
    ],
    [
      "packages only, 100 days: hot (EBS has no warm tier)",
      undefined,
      "2027-03-13",
      { parts: { volume: true, home: false } },
      "hot",
      "schedule",
    ],
    [
      "home only, two years: warm (cold storage is AWS Backup's coldest)",
      undefined,
      "2028-12-03",
      { parts: { volume: false, home: true } },
      "warm",
      "schedule",
    ],
    [
      "AWS reports the volume archived at 10 days: archive",
      undefined,
      "2026-12-13",
      { observed: { volume: "archive", home: "warm" } },
      "archive",
      "provider",
    ],
    [
      "AWS reports both hot at 400 days: hot, as AWS says",
      undefined,
      "2028-01-07",
      { observed: { volume: "standard", home: "warm" } },
      "hot",
      "provider",
    ],
    [
      "AWS reports the home cold, packages only observed: warm",
      undefined,
      "2027-02-01",
      { observed: { home: "cold" }, parts: { volume: false, home: true } },
      "warm",
      "provider",
    ],
    [
      "AWS reports only the volume: the home's part from the schedule",
      undefined,
      "2027-02-01",
      { observed: { volume: "standard" } },
      "warm",
      "schedule",
    ],
  ])("%s", (_name, retention, today, options, tier, from) => {
    const d = decideRetention(CAPTURED, retention, today, options);
    expect({ tier: d.tier, from: d.tierFrom }).toEqual({ tier, from });
  });

  it.each<[string, RetentionRequest | undefined, string, string, boolean]>([
    ["just captured", undefined, "2026-12-03", "2036-12-03", false],
    [
      "keepUntil earlier than ten years: the ten years hold",
      { keepUntil: "2031-12-31" },
      "2032-01-01",
      "2036-12-03",
      false,
    ],
    [
      "keepUntil later than ten years wins",
      { keepUntil: "2040-06-30" },
      "2037-01-01",
      "2040-06-30",
      false,
    ],
    [
      "past keepUntil: may be deleted",
      { keepUntil: "2040-06-30" },
      "2040-07-01",
      "2040-06-30",
      true,
    ],
    [
      "legal hold: never deletable",
      { keepUntil: "2030-01-01", legalHold: true },
      "2050-01-01",
      "2036-12-03",
      false,
    ],
    ["on the keep-until day itself: kept", undefined, "2036-12-03", "2036-12-03", false],
  ])("keep — %s", (_name, retention, today, keepUntil, deletable) => {
    const d = decideRetention(CAPTURED, retention, today);
    expect({ keepUntil: d.keepUntil, deletable: d.deletable }).toEqual({ keepUntil, deletable });
  });

  it.each<[string, RetentionRequest | undefined, string, RetentionOptions, RegExp]>([
    [
      "just captured: minutes",
      undefined,
      "2026-12-04",
      {},
      /^none: a restore starts at once \(minutes\)$/,
    ],
    [
      "warm: the home's restore reads cold storage, hours",
      undefined,
      "2027-02-01",
      {},
      /^the home's restore job reading AWS Backup cold storage \(.*hours, not minutes\)$/,
    ],
    [
      "archive: 24–72 hours for the volume snapshot first, and the cold home",
      undefined,
      "2028-01-01",
      {},
      /^the volume snapshot's return from the EBS archive tier first \(RestoreSnapshotTier: 24–72 hours\); and the home's restore job reading AWS Backup cold storage/,
    ],
    [
      "restored from: minutes, and why",
      undefined,
      "2028-01-01",
      { keptHot: KEPT },
      /minutes\); kept hot: lab\/env restores from it$/,
    ],
  ])("restore wait — %s", (_name, retention, today, options, wait) => {
    expect(decideRetention(CAPTURED, retention, today, options).restoreWait).toMatch(wait);
  });

  it("says who says where each part is", () => {
    const decided = decideRetention(CAPTURED, { warmAfterDays: 45 }, "2027-02-01");
    expect(decided.tierWhy).toBe(
      "volume snapshot in the EBS standard tier (labenv's schedule: archive after 365 days, the default); home in AWS Backup cold storage (labenv's schedule: cold after 45 days)",
    );
    const seen = decideRetention(CAPTURED, undefined, "2027-02-01", {
      observed: { volume: "archive", home: "cold" },
    });
    expect(seen.tierWhy).toBe(
      "volume snapshot in the EBS archive tier (EBS reports it); home in AWS Backup cold storage (AWS Backup's lifecycle reports it)",
    );
  });

  it("says why it is kept", () => {
    expect(decideRetention(CAPTURED, { legalHold: true }, "2026-12-04").why).toMatch(/legal hold/);
    expect(decideRetention(CAPTURED, undefined, "2026-12-04").why).toMatch(/at least 10 years/);
  });
});

// What is reported from the schedule is what the reconciler applies: the same repository, the same day.
describe("the reported tier matches what planTiering moves", () => {
  const check = createSchemaValidator();
  const E = "genomics-core/rnaseq";
  const thesis = (retention: string) =>
    [
      "apiVersion: labenv.westtek.io/v1",
      "kind: Snapshot",
      "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
      `spec: { requestedBy: rpatel, reason: thesis, include: { home: true }, retention: ${retention} }`,
      "",
    ].join("\n");
  const volume = {
    kind: "ebs-snapshot",
    key: `ebs-snapshot:${E}/thesis`,
    environment: E,
    id: "snap-thesis",
    spec: { trigger: "request" },
    tags: {},
    status: "completed",
    storageTier: "standard",
    startedAt: CAPTURED,
  } as ObservedResource;
  const home = {
    kind: "backup-job",
    key: `backup-job:${E}/thesis`,
    environment: E,
    id: "arn:aws:backup:eu-west-1:123456789012:recovery-point:thesis",
    spec: { trigger: "request" },
    tags: {},
    storageClass: "warm",
    lifecycle: {},
    startedAt: CAPTURED,
  } as ObservedResource;
  const restoredFrom = (files: ReturnType<typeof exampleFiles>) =>
    editYaml(files, "environments/genomics-core/single-cell/environment.yaml", (d) =>
      d.setIn(["spec", "restoreFrom"], { snapshot: `${E}/thesis` }),
    );

  it.each([
    [
      "60 days, the defaults: the home moves, reported warm",
      "{ keepUntil: 2040-01-01 }",
      "2027-02-01",
      false,
      "stays",
      "30",
      "warm",
    ],
    [
      "a year, the defaults: both move, reported archive",
      "{ keepUntil: 2040-01-01 }",
      "2027-12-03",
      false,
      "archive",
      "30",
      "archive",
    ],
    [
      "archiveAfterDays 30: archived at 30 days",
      "{ archiveAfterDays: 30 }",
      "2027-01-02",
      false,
      "archive",
      "30",
      "archive",
    ],
    [
      "warmAfterDays 90 at 60 days: the home's move set for 90, reported hot",
      "{ warmAfterDays: 90 }",
      "2027-02-01",
      false,
      "stays",
      "90",
      "hot",
    ],
    [
      "an environment restores from it: nothing moves, reported hot",
      "{ archiveAfterDays: 30 }",
      "2027-06-01",
      true,
      "stays",
      "none",
      "hot",
    ],
  ] as const)("%s", (_name, retention, today, restored, moved, cold, tier) => {
    let files = withFile(
      exampleFiles(),
      `environments/${E}/snapshots/thesis.yaml`,
      thesis(retention),
    );
    if (restored) files = restoredFrom(files);
    const repo = validateFiles(files, check, { today }).repository;
    const t = planTiering(repo, [volume, home], { environments: [], resources: [] }, today);
    const lifecycle = t.lifecycles.get(home.key);
    const d = decideRetention(
      CAPTURED,
      repo.snapshots.get(`${E}/thesis`)!.doc.spec.retention,
      today,
      {
        ...(keptHotBy(repo, `${E}/thesis`) ? { keptHot: keptHotBy(repo, `${E}/thesis`)! } : {}),
      },
    );
    expect({
      moved: t.moves.get(volume.key)?.to ?? "stays",
      cold: lifecycle ? (lifecycle.to === undefined ? "none" : String(lifecycle.to)) : "none",
      tier: d.tier,
    }).toEqual({ moved, cold, tier });
    if (restored)
      expect(d.restoreWait).toMatch(/kept hot: genomics-core\/single-cell restores from it$/);
  });
});

describe("a request's tiers that cannot hold are findings at their line and column", () => {
  const check = createSchemaValidator();
  const FILE = "environments/genomics-core/rnaseq/snapshots/thesis.yaml";
  const request = (retention: string) =>
    [
      "apiVersion: labenv.westtek.io/v1",
      "kind: Snapshot",
      "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
      "spec:",
      "  requestedBy: rpatel",
      "  reason: thesis",
      "  retention:",
      ...retention.split("\n").map((l) => `    ${l}`),
      "",
    ].join("\n");
  const findings = (retention: string) =>
    validateFiles(withFile(exampleFiles(), FILE, request(retention)), check, {
      today: "2026-12-07",
    }).diagnostics.filter((d) => d.file === FILE);

  it("warmAfterDays later than archiveAfterDays: at warmAfterDays, with the fix", () => {
    const [d, ...rest] = findings("archiveAfterDays: 60\nwarmAfterDays: 90");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: "snapshot-retention",
      severity: "error",
      line: 9,
      column: 20,
      path: "spec.retention.warmAfterDays",
    });
    expect(d!.message).toMatch(/warmAfterDays \(90\) is later than archiveAfterDays \(60\)/);
    expect(d!.hint).toMatch(/warmAfterDays to 60 or less/);
  });

  it.each([
    ["warmAfterDays: 0", "spec.retention.warmAfterDays"],
    ["warmAfterDays: 30.5", "spec.retention.warmAfterDays"],
    ["archiveAfterDays: 40000", "spec.retention.archiveAfterDays"],
    ["warmAfterDays: soon", "spec.retention.warmAfterDays"],
  ])("%s: a schema finding at the field", (retention, path) => {
    const found = findings(retention);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ severity: "error", line: 8, column: expect.any(Number) });
    expect(found.map((f) => f.path)).toContain(path);
  });

  it("warm before archive, both set: no finding", () => {
    expect(findings("warmAfterDays: 60\narchiveAfterDays: 730")).toEqual([]);
  });
});
