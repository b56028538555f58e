// The last check before labenv deletes a volume snapshot or recovery point: only a scheduled
// snapshot labenv took, named by the plan's key, with no hold tag — judged from the tags AWS
// holds, whatever the plan, the keep policy or a state record said.
import { describe, expect, it } from "vitest";
import { holdOf, pruneRefusal } from "../../../reconciler/core/snapshots/prune-guard.js";

const KEY = "ebs-snapshot:genomics-core/rnaseq/scheduled-20261201-0300";
const OURS = {
  "labenv:lab": "genomics-core",
  "labenv:environment": "genomics-core/rnaseq",
  "labenv:resource": KEY,
  "labenv:trigger": "schedule",
};
const TODAY = "2026-12-07";

describe("pruneRefusal", () => {
  it.each([
    ["a scheduled snapshot labenv took, nothing holding it", KEY, OURS, undefined],
    ["one labenv did not create (no tags)", KEY, {}, /labenv did not create it/],
    [
      "one whose labenv:resource names another snapshot (a plan or record edited by hand)",
      KEY,
      { ...OURS, "labenv:resource": "ebs-snapshot:genomics-core/rnaseq/thesis" },
      /its labenv:resource tag is ebs-snapshot:genomics-core\/rnaseq\/thesis/,
    ],
    [
      "a Snapshot document's (not a slot name)",
      "ebs-snapshot:genomics-core/rnaseq/thesis",
      { ...OURS, "labenv:resource": "ebs-snapshot:genomics-core/rnaseq/thesis" },
      /thesis is not a scheduled snapshot/,
    ],
    [
      "one named like a slot but taken for a document (trigger request)",
      KEY,
      { ...OURS, "labenv:trigger": "request" },
      /not taken by a schedule \(labenv:trigger is request\)/,
    ],
    [
      "one taken before a replacement",
      KEY,
      { ...OURS, "labenv:trigger": "before-replace" },
      /not taken by a schedule/,
    ],
    ["one without a trigger tag", KEY, { ...OURS, "labenv:trigger": undefined }, /is missing/],
    ["one under a legal hold", KEY, { ...OURS, "labenv:legal-hold": "true" }, /under legal hold/],
    ["a legal hold of any value but false", KEY, { ...OURS, "labenv:legal-hold": "yes" }, /hold/],
    [
      "a legal hold of False (only exactly false lifts it)",
      KEY,
      { ...OURS, "labenv:legal-hold": "False" },
      /hold/,
    ],
    ["a legal hold lifted (false)", KEY, { ...OURS, "labenv:legal-hold": "false" }, undefined],
    [
      "one kept until a day not yet passed",
      KEY,
      { ...OURS, "labenv:keep-until": "2027-01-01" },
      /kept until 2027-01-01/,
    ],
    ["one kept until today", KEY, { ...OURS, "labenv:keep-until": TODAY }, /kept until/],
    [
      "one whose keep-until has passed",
      KEY,
      { ...OURS, "labenv:keep-until": "2026-12-06" },
      undefined,
    ],
    [
      "one whose keep-until is not a date",
      KEY,
      { ...OURS, "labenv:keep-until": "forever" },
      /is not a date/,
    ],
    [
      "a recovery point of a scheduled snapshot",
      "backup-job:genomics-core/rnaseq/scheduled-20261201-0300",
      { ...OURS, "labenv:resource": "backup-job:genomics-core/rnaseq/scheduled-20261201-0300" },
      undefined,
    ],
  ])("%s", (_name, key, tags, refused) => {
    const clean = Object.fromEntries(
      Object.entries(tags).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const r = pruneRefusal(key, clean, TODAY);
    if (refused) expect(r).toMatch(refused);
    else expect(r).toBeUndefined();
  });

  it("a hold is read from the hold tags alone", () => {
    expect(holdOf({}, TODAY)).toBeUndefined();
    expect(holdOf({ "labenv:legal-hold": "" }, TODAY)).toMatch(/legal hold/);
  });
});
