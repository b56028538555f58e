import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bucketOf,
  decideKeep,
  KEEP_RULES,
  type KeepCandidate,
} from "../../../reconciler/core/snapshots/keep-policy.js";
import type { KeepPolicy } from "../../../reconciler/core/snapshots/schedule.js";

const E = "genomics-core/rnaseq";
/** A candidate per slot (`2026-12-07T03`), optionally protected. */
const at = (slot: string, protectedBy?: string): KeepCandidate => ({
  id: `${E}/scheduled-${slot.replaceAll("-", "").replace("T", "-")}00`,
  slot: `${slot}:00:00.000Z`,
  ...(protectedBy ? { protectedBy } : {}),
});
const kept = (c: KeepCandidate[], p: KeepPolicy | undefined) =>
  decideKeep(c, p)
    .filter((d) => d.keep)
    .map((d) => d.slot.slice(0, 13))
    .sort();

/** Daily slots at 03:00 from `from` for `days` days. */
function daily(from: string, days: number): KeepCandidate[] {
  const out: KeepCandidate[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(`${from}T03:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    out.push(at(d.toISOString().slice(0, 13)));
  }
  return out;
}

describe("keep policy (which scheduled snapshots are kept)", () => {
  it.each([
    {
      name: "daily 3 keeps the three newest days",
      candidates: daily("2026-12-01", 6),
      policy: { daily: 3 },
      kept: ["2026-12-04T03", "2026-12-05T03", "2026-12-06T03"],
    },
    {
      name: "two in one day: only the newest of the day counts",
      candidates: [at("2026-12-05T03"), at("2026-12-05T15"), at("2026-12-06T03")],
      policy: { daily: 2 },
      kept: ["2026-12-05T15", "2026-12-06T03"],
    },
    {
      name: "weekly 2 keeps the newest of the two newest ISO weeks (Monday first)",
      // 2026-11-30 is a Monday: weeks W49 (11-30…12-06) and W50 (12-07…)
      candidates: daily("2026-11-28", 11),
      policy: { weekly: 2 },
      kept: ["2026-12-06T03", "2026-12-08T03"],
    },
    {
      name: "daily, weekly and monthly overlap: the union is kept",
      candidates: daily("2026-10-25", 45),
      policy: { daily: 2, weekly: 2, monthly: 3 },
      kept: ["2026-10-31T03", "2026-11-30T03", "2026-12-06T03", "2026-12-07T03", "2026-12-08T03"],
    },
    {
      name: "a protected snapshot is kept beside the policy's",
      candidates: [at("2026-12-01T03", "asked for by thesis.yaml"), ...daily("2026-12-02", 4)],
      policy: { daily: 1 },
      kept: ["2026-12-01T03", "2026-12-05T03"],
    },
    {
      name: "no keep policy prunes nothing",
      candidates: daily("2026-12-01", 4),
      policy: undefined,
      kept: ["2026-12-01T03", "2026-12-02T03", "2026-12-03T03", "2026-12-04T03"],
    },
    {
      name: "a policy of zeros still keeps the newest",
      candidates: daily("2026-12-01", 3),
      policy: { daily: 0 },
      kept: ["2026-12-03T03"],
    },
    { name: "nothing to decide", candidates: [], policy: { daily: 7 }, kept: [] },
  ])("$name", ({ candidates, policy, kept: want }) => {
    expect(kept(candidates, policy)).toEqual(want);
  });

  it("says why each is kept or pruned", () => {
    const [newest, , oldest] = decideKeep(daily("2026-12-01", 3), { daily: 2 });
    expect(newest!.reason).toBe("kept: the newest of its day");
    expect(oldest).toMatchObject({ keep: false, keptBy: [] });
    expect(oldest!.reason).toMatch(/^pruned by keep \(daily 2\)/);
  });

  it("ISO weeks: the turn of the year belongs to the week of its Thursday", () => {
    expect(bucketOf("weekly", "2027-01-01T03:00:00Z")).toBe("2026-W53");
    expect(bucketOf("weekly", "2024-12-30T03:00:00Z")).toBe("2025-W01");
    expect(bucketOf("weekly", "2027-01-04T03:00:00Z")).toBe("2027-W01");
  });

  it("property: never prunes a protected snapshot, and keeps exactly the policy's count per rule", () => {
    const slot = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })
      .map((t) => new Date(Math.floor(t / 3_600_000) * 3_600_000).toISOString());
    const candidate = fc.record({
      slot,
      protectedBy: fc.option(fc.constant("held"), { nil: undefined }),
    });
    const policy = fc.record(
      {
        daily: fc.integer({ min: 0, max: 10 }),
        weekly: fc.integer({ min: 0, max: 6 }),
        monthly: fc.integer({ min: 0, max: 14 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.slot, maxLength: 60 }),
        policy,
        (cs, p) => {
          const candidates: KeepCandidate[] = cs.map((c, i) => ({
            id: `${E}/c${i}`,
            slot: c.slot,
            ...(c.protectedBy ? { protectedBy: c.protectedBy } : {}),
          }));
          const decisions = decideKeep(candidates, p);
          expect(decisions).toHaveLength(candidates.length);
          const byId = new Map(decisions.map((d) => [d.id, d]));
          // Never prunes a protected one.
          for (const c of candidates) if (c.protectedBy) expect(byId.get(c.id)!.keep).toBe(true);
          for (const rule of KEEP_RULES) {
            const n = p[rule] ?? 0;
            const buckets = [...new Set(candidates.map((c) => bucketOf(rule, c.slot)))]
              .sort()
              .reverse();
            const want = buckets.slice(0, n);
            const got = decisions.filter((d) => d.keptBy.includes(rule));
            // Exactly min(n, buckets) kept by this rule: one per bucket, the newest n buckets, each the newest of its bucket.
            expect(
              got
                .map((d) => bucketOf(rule, d.slot))
                .sort()
                .reverse(),
            ).toEqual(want);
            for (const d of got) {
              const newest = candidates
                .filter((c) => bucketOf(rule, c.slot) === bucketOf(rule, d.slot))
                .map((c) => c.slot)
                .sort()
                .at(-1);
              expect(d.slot).toBe(newest);
            }
          }
          // Nothing else is kept: only the rules' picks, the protected and the newest.
          const newest = [...candidates].sort((a, b) => b.slot.localeCompare(a.slot))[0];
          for (const d of decisions)
            if (d.keep)
              expect(
                d.keptBy.length > 0 ||
                  Boolean(candidates.find((c) => c.id === d.id)!.protectedBy) ||
                  d.id === newest?.id,
              ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
