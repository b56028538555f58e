// Where a restore comes from, for the plan: pure, table-driven.
import { describe, expect, it } from "vitest";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { previewPlan } from "../../../reconciler/core/plan/preview.js";
import { restoreSources } from "../../../reconciler/core/snapshots/restore-source.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles, withFile } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const E = "genomics-core/rnaseq";
const ID = `${E}/thesis`;
const TODAY = "2027-12-07";
const repo = validateFiles(
  editYaml(
    withFile(
      exampleFiles(),
      `environments/${E}/snapshots/thesis.yaml`,
      [
        "apiVersion: labenv.westtek.io/v1",
        "kind: Snapshot",
        "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
        "spec: { requestedBy: rpatel, reason: thesis, include: { home: true } }",
        "",
      ].join("\n"),
    ),
    "environments/genomics-core/single-cell/environment.yaml",
    (d) => d.setIn(["spec", "restoreFrom"], { snapshot: ID }),
  ),
  check,
  { today: TODAY },
).repository;
const volume = (over: Partial<ObservedResource> = {}) =>
  ({
    kind: "ebs-snapshot",
    key: `ebs-snapshot:${ID}`,
    environment: E,
    id: "snap-thesis",
    spec: {},
    tags: {},
    startedAt: "2026-12-01T03:00:00.000Z",
    ...over,
  }) as ObservedResource;
const home = (over: Partial<ObservedResource> = {}) =>
  ({
    kind: "backup-job",
    key: `backup-job:${ID}`,
    environment: E,
    id: "arn:aws:backup:eu-west-1:123456789012:recovery-point:thesis",
    spec: {},
    tags: {},
    startedAt: "2026-12-01T03:00:00.000Z",
    ...over,
  }) as ObservedResource;

describe("restoreSources: the plan says which tier a restore comes from and what it waits for", () => {
  it.each<
    [string, ObservedResource[], ReadonlySet<string>, string | undefined, RegExp | undefined]
  >([
    [
      "AWS reports both hot: minutes",
      [volume({ storageTier: "standard" }), home({ storageClass: "warm" })],
      new Set(),
      "hot",
      /as AWS reports it.*it waits for none: a restore starts at once \(minutes\)/,
    ],
    [
      "the volume snapshot archived: RestoreSnapshotTier first, 24–72 hours",
      [volume({ storageTier: "archive" }), home({ storageClass: "cold" })],
      new Set(),
      "archive",
      /it waits for the volume snapshot's return from the EBS archive tier first \(RestoreSnapshotTier: 24–72 hours\); and the home's restore job reading AWS Backup cold storage \(.*hours, not minutes\)$/,
    ],
    [
      "the home in cold storage: hours, not minutes",
      [volume({ storageTier: "standard" }), home({ storageClass: "cold" })],
      new Set(),
      "warm",
      /it waits for the home's restore job reading AWS Backup cold storage/,
    ],
    [
      "no tier reported: the schedule's, which keeps a restore's source hot",
      [volume(), home()],
      new Set(),
      "hot",
      /by labenv's schedule: .*kept hot.*restores from it$/,
    ],
    [
      "restored already: nothing said",
      [volume(), home()],
      new Set([`genomics-core/single-cell from ${ID}`]),
      undefined,
      undefined,
    ],
    [
      "not captured (nothing observed, no record): nothing said",
      [],
      new Set(),
      undefined,
      undefined,
    ],
  ])("%s", (_name, observed, done, tier, reason) => {
    const [s, ...rest] = restoreSources(repo, observed, TODAY, done);
    expect(rest).toEqual([]);
    if (tier === undefined) return expect(s).toBeUndefined();
    expect(s).toMatchObject({ environment: "genomics-core/single-cell", snapshot: ID, tier });
    expect(s!.reason).toMatch(reason!);
  });
});

describe("the pull request's plan says where a restore it asks for comes from", () => {
  const record = [
    "apiVersion: labenv.westtek.io/v1",
    "kind: SnapshotRecord",
    "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
    "spec:",
    "  state: captured",
    "  capturedAt: 2026-11-01T03:00:41.000Z",
    `  manifest: { key: snapshots/${ID}/manifest.json, digest: "sha256:${"a".repeat(64)}" }`,
    `  commit: ${"b".repeat(40)}`,
    "  provider: aws eu-west-1",
    `  lock: { digest: "sha256:${"c".repeat(64)}", domainPack: genomics@1.2.0 }`,
    "  volumeSnapshotId: snap-0123456789abcdef0",
    "",
  ].join("\n");
  const load = (restore: boolean) =>
    validateFiles(
      (() => {
        const f = withFile(exampleFiles(), `environments/${E}/snapshots/thesis.lock.yaml`, record);
        return restore
          ? editYaml(f, "environments/genomics-core/single-cell/environment.yaml", (d) =>
              d.setIn(["spec", "restoreFrom"], { snapshot: ID }),
            )
          : f;
      })(),
      check,
      { today: "2027-12-07" },
    ).repository;

  it("a restore the pull request adds, of a snapshot 400 days old: archived by the schedule as main kept it, 24–72 hours", () => {
    const p = previewPlan(load(false), load(true), { today: "2027-12-07" });
    expect(p.restoreSources).toEqual([
      expect.objectContaining({
        environment: "genomics-core/single-cell",
        snapshot: ID,
        tier: "archive",
        tierFrom: "schedule",
        reason: expect.stringMatching(
          /^restore from genomics-core\/rnaseq\/thesis, archive \(by labenv's schedule: volume snapshot in the EBS archive tier \(labenv's schedule: archive after 365 days, the default\)\): it waits for the volume snapshot's return from the EBS archive tier first \(RestoreSnapshotTier: 24–72 hours\)$/,
        ),
      }),
    ]);
  });

  it("one main already asks for is not this pull request's: nothing said", () => {
    expect(previewPlan(load(true), load(true), { today: "2027-12-07" }).restoreSources).toBe(
      undefined,
    );
  });
});
