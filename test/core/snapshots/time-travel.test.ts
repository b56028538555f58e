import { describe, expect, it } from "vitest";
import type { SnapshotManifest } from "../../../reconciler/core/snapshots/manifest.js";
import { parseAt, snapshotForPast } from "../../../reconciler/core/snapshots/time-travel.js";

const m = (id: string, capturedAt: string, specDigest: string) =>
  ({ id, capturedAt, lock: { specDigest } }) as unknown as SnapshotManifest;

describe("snapshotForPast: the snapshot that gives back the environment as it stood then", () => {
  const all = [
    m("g/r/a", "2026-10-01T00:00:00Z", "L1"),
    m("g/r/b", "2026-10-10T00:00:00Z", "L1"),
    m("g/r/c", "2026-11-01T00:00:00Z", "L2"),
  ];
  it.each([
    [
      "the newest at or before the date with that lock",
      "L1",
      "2026-10-20T00:00:00Z",
      "g/r/b",
      "at-or-before",
    ],
    ["exactly at the date counts as before", "L1", "2026-10-10T00:00:00Z", "g/r/b", "at-or-before"],
    [
      "between two snapshots of the same lock: the earlier",
      "L1",
      "2026-10-05T00:00:00Z",
      "g/r/a",
      "at-or-before",
    ],
    [
      "before any snapshot of that lock: the earliest after",
      "L1",
      "2026-09-01T00:00:00Z",
      "g/r/a",
      "after",
    ],
    [
      "another lock's snapshot is never taken, however near",
      "L2",
      "2026-10-20T00:00:00Z",
      "g/r/c",
      "after",
    ],
  ])("%s", (_, lock, at, id, when) => {
    expect(snapshotForPast(all, lock, at)).toMatchObject({ snapshot: { id }, when });
  });
  it("says why there is none: no snapshot at all, or none with that lock", () => {
    expect(snapshotForPast([], "L1", "2026-10-20T00:00:00Z")).toEqual({
      reason: "no snapshot of it was ever captured",
    });
    expect(snapshotForPast(all, "L3", "2026-10-20T00:00:00Z")).toEqual({
      reason: "none of its 3 snapshots holds the lock it had then",
    });
  });
});

describe("parseAt: --at as a date, a date-time or a commit", () => {
  it.each([
    ["2026-10-05", { date: "2026-10-05T23:59:59.000Z" }],
    ["2026-10-05T12:00:00Z", { date: "2026-10-05T12:00:00.000Z" }],
    ["2026-10-05T14:00:00+02:00", { date: "2026-10-05T12:00:00.000Z" }],
    ["a1b2c3d", { commit: "a1b2c3d" }],
    ["main~3", { commit: "main~3" }],
  ])("%s", (at, want) => expect(parseAt(at)).toEqual(want));
  it.each([
    ["2026-02-30", "is not a calendar date"],
    ["2026-10-05T12:00", "neither a date"],
    ["2026-13-01", "is not a calendar date"],
    ["--upload-pack=x", "is not a commit, a date or a date-time"],
    ["a b", "is not a commit, a date or a date-time"],
  ])("refuses %s", (at, problem) => {
    const r = parseAt(at);
    expect("problem" in r && r.problem).toContain(problem);
  });
});
