import { describe, expect, it } from "vitest";
import { decideRetention } from "../../../reconciler/core/snapshots/retention.js";

const CAPTURED = "2026-12-03T14:00:00.000Z";

describe("decideRetention: tiers by age, kept at least ten years, never under legal hold", () => {
  it.each([
    ["just captured", undefined, "2026-12-03", "hot", "2036-12-03", false],
    ["29 days: still hot", undefined, "2027-01-01", "hot", "2036-12-03", false],
    ["30 days: warm by default", undefined, "2027-01-02", "warm", "2036-12-03", false],
    [
      "archiveAfterDays 90: hot at 60 days",
      { archiveAfterDays: 90 },
      "2027-02-01",
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "archiveAfterDays 90: warm at 90 days",
      { archiveAfterDays: 90 },
      "2027-03-03",
      "warm",
      "2036-12-03",
      false,
    ],
    ["a year: deep archive", undefined, "2027-12-03", "archive", "2036-12-03", false],
    [
      "archiveAfterDays past a year: warm until then",
      { archiveAfterDays: 500 },
      "2027-12-03",
      "hot",
      "2036-12-03",
      false,
    ],
    [
      "keepUntil earlier than ten years: the ten years hold",
      { keepUntil: "2031-12-31" },
      "2032-01-01",
      "archive",
      "2036-12-03",
      false,
    ],
    [
      "keepUntil later than ten years wins",
      { keepUntil: "2040-06-30" },
      "2037-01-01",
      "archive",
      "2040-06-30",
      false,
    ],
    [
      "past keepUntil: may be deleted",
      { keepUntil: "2040-06-30" },
      "2040-07-01",
      "archive",
      "2040-06-30",
      true,
    ],
    [
      "legal hold: never deletable",
      { keepUntil: "2030-01-01", legalHold: true },
      "2050-01-01",
      "archive",
      "2036-12-03",
      false,
    ],
    ["on the keep-until day itself: kept", undefined, "2036-12-03", "archive", "2036-12-03", false],
  ])("%s", (_name, retention, today, tier, keepUntil, deletable) => {
    const d = decideRetention(CAPTURED, retention, today);
    expect({ tier: d.tier, keepUntil: d.keepUntil, deletable: d.deletable }).toEqual({
      tier,
      keepUntil,
      deletable,
    });
  });

  it("says how long a restore from each tier waits", () => {
    expect(decideRetention(CAPTURED, undefined, "2026-12-04").restoreWait).toMatch(/minutes/);
    expect(decideRetention(CAPTURED, undefined, "2027-06-01").restoreWait).toMatch(/72 hours/);
    expect(decideRetention(CAPTURED, undefined, "2029-01-01").restoreWait).toMatch(/12 hours/);
    expect(decideRetention(CAPTURED, { legalHold: true }, "2026-12-04").why).toMatch(/legal hold/);
  });
});
