// What lock a manifest should carry and what to write for it: pure, table-driven.
import { describe, expect, it } from "vitest";
import type { Loaded } from "../../../reconciler/core/model/documents.js";
import type { SnapshotManifest } from "../../../reconciler/core/snapshots/manifest.js";
import {
  manifestLockChange,
  wantedManifestLock,
  type ManifestLockState,
} from "../../../reconciler/core/snapshots/manifest-lock.js";

const TODAY = "2026-12-07";
const manifest = (retention?: SnapshotManifest["request"]["retention"]) =>
  ({
    id: "genomics-core/rnaseq/thesis",
    capturedAt: "2026-12-01T03:00:00.000Z",
    request: { ...(retention ? { retention } : {}) },
  }) as unknown as SnapshotManifest;
const doc = (retention?: object) =>
  ({ doc: { spec: { ...(retention ? { retention } : {}) } } }) as unknown as Loaded<"Snapshot">;
const K = "snapshots/genomics-core/rnaseq/thesis/manifest.json";

describe("wantedManifestLock", () => {
  it.each([
    ["no retention: ten years from capture", manifest(), undefined, "2036-12-01", undefined],
    [
      "the manifest's keepUntil, when later",
      manifest({ keepUntil: "2040-06-30" }),
      undefined,
      "2040-06-30",
      undefined,
    ],
    [
      "a keepUntil before the minimum is raised to it",
      manifest({ keepUntil: "2027-01-01" }),
      undefined,
      "2036-12-01",
      undefined,
    ],
    [
      "git's document wins over the manifest's request",
      manifest({ keepUntil: "2040-06-30" }),
      doc({ keepUntil: "2045-01-01" }),
      "2045-01-01",
      false,
    ],
    ["legal hold in git", manifest(), doc({ legalHold: true }), "2036-12-01", true],
    [
      "the hold removed in git: released",
      manifest({ legalHold: true }),
      doc({}),
      "2036-12-01",
      false,
    ],
    [
      "the document gone from git: the hold is left as it is",
      manifest({ legalHold: true }),
      undefined,
      "2036-12-01",
      undefined,
    ],
  ])("%s", (_n, m, d, keepUntil, legalHold) => {
    const w = wantedManifestLock(m, K, d, TODAY);
    expect(w.keepUntil).toBe(keepUntil);
    expect(w.legalHold).toBe(legalHold);
    const next = new Date(`${keepUntil}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(w.retainUntil).toBe(next.toISOString());
  });
});

describe("manifestLockChange", () => {
  const wanted = wantedManifestLock(
    manifest({ keepUntil: "2040-06-30" }),
    K,
    doc({ keepUntil: "2040-06-30", legalHold: true }),
    TODAY,
  );
  const until = wanted.retainUntil;
  it.each<[string, ManifestLockState, object]>([
    [
      "nothing set: GOVERNANCE retention and the hold",
      { legalHold: false },
      { retention: { mode: "GOVERNANCE", retainUntil: until }, legalHold: true },
    ],
    ["already as wanted: nothing", { retainUntil: until, mode: "GOVERNANCE", legalHold: true }, {}],
    [
      "a later retention is never shortened",
      { retainUntil: "2050-01-01T00:00:00.000Z", mode: "GOVERNANCE", legalHold: true },
      {},
    ],
    [
      "an earlier one is extended",
      { retainUntil: "2030-01-01T00:00:00.000Z", mode: "GOVERNANCE", legalHold: true },
      { retention: { mode: "GOVERNANCE", retainUntil: until } },
    ],
    [
      "an earlier COMPLIANCE one is extended as COMPLIANCE (S3 allows nothing else)",
      { retainUntil: "2030-01-01T00:00:00.000Z", mode: "COMPLIANCE", legalHold: true },
      { retention: { mode: "COMPLIANCE", retainUntil: until } },
    ],
    [
      "an unreadable date is treated as none set",
      { retainUntil: "soon", mode: "GOVERNANCE", legalHold: true },
      { retention: { mode: "GOVERNANCE", retainUntil: until } },
    ],
  ])("%s", (_n, current, change) => {
    expect(manifestLockChange(wanted, current)).toEqual(change);
  });

  it("releases a hold git no longer asks for, and leaves one alone when the document is gone", () => {
    const off = wantedManifestLock(manifest(), K, doc({}), TODAY);
    expect(
      manifestLockChange(off, {
        retainUntil: off.retainUntil,
        mode: "GOVERNANCE",
        legalHold: true,
      }),
    ).toEqual({ legalHold: false });
    const gone = wantedManifestLock(manifest(), K, undefined, TODAY);
    expect(
      manifestLockChange(gone, {
        retainUntil: gone.retainUntil,
        mode: "GOVERNANCE",
        legalHold: true,
      }),
    ).toEqual({});
  });
});
