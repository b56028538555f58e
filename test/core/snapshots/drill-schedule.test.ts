// Which environments a scheduled drill run restores: a drill under way first, then never drilled,
// then the oldest drill; at most the bound; nothing without a snapshot.
import { describe, expect, it } from "vitest";
import {
  selectDrills,
  type DrillCandidate,
} from "../../../reconciler/core/snapshots/drill-schedule.js";

const NOW = new Date("2026-12-07T03:00:00Z");
const env = (environment: string, o: Partial<DrillCandidate> = {}): DrillCandidate => ({
  environment,
  hasSnapshot: true,
  ...o,
});

describe("selectDrills", () => {
  it.each<
    [string, DrillCandidate[], number, { now: string[]; left: string[]; noSnapshot: string[] }]
  >([
    ["nothing to drill", [], 2, { now: [], left: [], noSnapshot: [] }],
    [
      "never drilled before drilled, the oldest drill before a newer one",
      [
        env("a/new", { last: { startedAt: "2026-12-01T00:00:00Z" } }),
        env("a/old", { last: { startedAt: "2026-10-01T00:00:00Z" } }),
        env("a/never"),
      ],
      3,
      { now: ["a/never", "a/old", "a/new"], left: [], noSnapshot: [] },
    ],
    [
      "at most the bound; the rest left in the same order",
      [env("a/x", { last: { startedAt: "2026-11-01T00:00:00Z" } }), env("a/y"), env("a/z")],
      2,
      { now: ["a/y", "a/z"], left: ["a/x"], noSnapshot: [] },
    ],
    [
      "a drill under way is finished before any other is started",
      [
        env("a/never"),
        env("a/running", { inFlight: true, last: { startedAt: "2026-12-06T00:00:00Z" } }),
      ],
      1,
      { now: ["a/running"], left: ["a/never"], noSnapshot: [] },
    ],
    [
      "an environment without a captured snapshot is not drilled",
      [env("a/bare", { hasSnapshot: false }), env("a/snap")],
      5,
      { now: ["a/snap"], left: [], noSnapshot: ["a/bare"] },
    ],
    [
      "an unreadable record or one dated in the future counts as never drilled",
      [
        env("a/ok", { last: { startedAt: "2026-09-01T00:00:00Z" } }),
        env("a/future", { last: { startedAt: "2027-01-01T00:00:00Z" } }),
        env("a/garbled", { last: "unreadable" }),
      ],
      2,
      { now: ["a/future", "a/garbled"], left: ["a/ok"], noSnapshot: [] },
    ],
    ["a bound of zero drills nothing", [env("a/x")], 0, { now: [], left: ["a/x"], noSnapshot: [] }],
  ])("%s", (_name, candidates, max, expected) => {
    expect(selectDrills(candidates, NOW, max)).toEqual(expected);
  });
});
