import { describe, expect, it } from "vitest";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { decideRetention, keptHotBy } from "../../../reconciler/core/snapshots/retention.js";
import { planTiering } from "../../../reconciler/core/snapshots/tiering.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles, withFile } from "../../helpers/example-repo.js";

const CAPTURED = "2026-12-03T14:00:00.000Z";

// The tier reported is where labenv put the data: hot unless the request's archiveAfterDays has
// passed (the reconciler then moves it to the EBS archive tier on AWS); nothing moves by default,
// and nothing ever goes to Glacier Deep Archive, so no such tier is reported.
describe("decideRetention: the tier labenv applied, kept at least ten years, never under legal hold", () => {
  it.each([
    ["just captured", undefined, "2026-12-03", undefined, "hot", "2036-12-03", false],
    [
      "30 days without archiveAfterDays: nothing moved it",
      undefined,
      "2027-01-02",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "a year without archiveAfterDays: still hot",
      undefined,
      "2027-12-03",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "archiveAfterDays 90: hot at 60 days",
      { archiveAfterDays: 90 },
      "2027-02-01",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "archiveAfterDays 90: warm at 90 days",
      { archiveAfterDays: 90 },
      "2027-03-03",
      undefined,
      "warm",
      "2036-12-03",
      false,
    ],
    [
      "archiveAfterDays 90, two years on: warm, never a deeper tier",
      { archiveAfterDays: 90 },
      "2028-12-03",
      undefined,
      "warm",
      "2036-12-03",
      false,
    ],
    [
      "archiveAfterDays 500: hot at a year",
      { archiveAfterDays: 500 },
      "2027-12-03",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "archiveAfterDays 90 but an environment restores from it: hot",
      { archiveAfterDays: 90 },
      "2027-06-01",
      "lab/env restores from it",
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "keepUntil earlier than ten years: the ten years hold",
      { keepUntil: "2031-12-31" },
      "2032-01-01",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "keepUntil later than ten years wins",
      { keepUntil: "2040-06-30" },
      "2037-01-01",
      undefined,
      "hot",
      "2040-06-30",
      false,
    ],
    [
      "past keepUntil: may be deleted",
      { keepUntil: "2040-06-30", archiveAfterDays: 30 },
      "2040-07-01",
      undefined,
      "warm",
      "2040-06-30",
      true,
    ],
    [
      "legal hold: never deletable",
      { keepUntil: "2030-01-01", legalHold: true },
      "2050-01-01",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "on the keep-until day itself: kept",
      undefined,
      "2036-12-03",
      undefined,
      "hot",
      "2036-12-03",
      false,
    ],
  ] as const)("%s", (_name, retention, today, keptHot, tier, keepUntil, deletable) => {
    const d = decideRetention(CAPTURED, retention, today, keptHot);
    expect({ tier: d.tier, keepUntil: d.keepUntil, deletable: d.deletable }).toEqual({
      tier,
      keepUntil,
      deletable,
    });
  });

  it.each([
    [
      "just captured",
      undefined,
      "2026-12-04",
      undefined,
      /^none: a restore starts at once \(minutes\)/,
    ],
    [
      "a year on, no archiveAfterDays: minutes, and why",
      undefined,
      "2027-12-03",
      undefined,
      /minutes\); kept hot: the request sets no archiveAfterDays$/,
    ],
    [
      "past archiveAfterDays: the EBS archive tier's 24–72 hours",
      { archiveAfterDays: 30 },
      "2027-06-01",
      undefined,
      /EBS archive tier first \(24–72 hours; moved past its archiveAfterDays, 30\)/,
    ],
    [
      "three years past archiveAfterDays: still the EBS archive tier, not deep archive",
      { archiveAfterDays: 30 },
      "2029-12-03",
      undefined,
      /EBS archive tier first \(24–72 hours/,
    ],
    [
      "restored from: minutes, and why",
      { archiveAfterDays: 30 },
      "2027-06-01",
      "lab/env restores from it",
      /minutes\); kept hot: lab\/env restores from it$/,
    ],
  ] as const)("restore wait — %s", (_name, retention, today, keptHot, wait) => {
    const d = decideRetention(CAPTURED, retention, today, keptHot);
    expect(d.restoreWait).toMatch(wait);
    expect(d.restoreWait).not.toMatch(/deep archive|12 hours/i);
  });

  it("says why it is kept", () => {
    expect(decideRetention(CAPTURED, { legalHold: true }, "2026-12-04").why).toMatch(/legal hold/);
    expect(decideRetention(CAPTURED, undefined, "2026-12-04").why).toMatch(/at least 10 years/);
  });
});

// What is reported is what the reconciler applies: the same repository, the same day.
describe("the reported tier matches what planTiering moves", () => {
  const check = createSchemaValidator();
  const E = "genomics-core/rnaseq";
  const TODAY = "2027-06-01";
  const thesis = (retention: string) =>
    [
      "apiVersion: labenv.westtek.io/v1",
      "kind: Snapshot",
      "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
      `spec: { requestedBy: rpatel, reason: thesis, retention: ${retention} }`,
      "",
    ].join("\n");
  const observed = {
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
  const restoredFrom = (files: ReturnType<typeof exampleFiles>) =>
    editYaml(files, "environments/genomics-core/single-cell/environment.yaml", (d) =>
      d.setIn(["spec", "restoreFrom"], { snapshot: `${E}/thesis` }),
    );

  it.each([
    ["no archiveAfterDays: nothing moves, reported hot", "{ keepUntil: 2040-01-01 }", false, "hot"],
    ["past archiveAfterDays: moved, reported warm", "{ archiveAfterDays: 30 }", false, "warm"],
    [
      "past archiveAfterDays, an environment restores from it: kept, reported hot",
      "{ archiveAfterDays: 30 }",
      true,
      "hot",
    ],
  ] as const)("%s", (_name, retention, restored, tier) => {
    let files = withFile(
      exampleFiles(),
      `environments/${E}/snapshots/thesis.yaml`,
      thesis(retention),
    );
    if (restored) files = restoredFrom(files);
    const repo = validateFiles(files, check, { today: TODAY }).repository;
    const moved = planTiering(repo, [observed], { environments: [], resources: [] }, TODAY).moves;
    const d = decideRetention(
      CAPTURED,
      repo.snapshots.get(`${E}/thesis`)!.doc.spec.retention,
      TODAY,
      keptHotBy(repo, `${E}/thesis`),
    );
    expect({ moved: moved.get(observed.key)?.to ?? "stays", tier: d.tier }).toEqual({
      moved: tier === "warm" ? "archive" : "stays",
      tier,
    });
    if (restored)
      expect(d.restoreWait).toMatch(/kept hot: genomics-core\/single-cell restores from it$/);
  });
});
