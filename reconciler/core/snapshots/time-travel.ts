import type { SnapshotManifest } from "./manifest.js";

/** Why a snapshot was picked for a restore to a past state, or why none was. */
export type SnapshotChoice =
  | { snapshot: SnapshotManifest; when: "at-or-before" | "after" }
  | { snapshot?: undefined; reason: string };

/**
 * The snapshot that gives back an environment as it stood at `at`: one whose lock is exactly the
 * lock then (`specDigest`, so the same packages) — the newest captured at or before `at`, else the
 * earliest captured after it while the lock was unchanged (the home is then as it was later).
 * None when no snapshot holds that lock: the environment comes back from its lock alone, with an
 * empty home. Pure.
 */
export function snapshotForPast(
  manifests: readonly SnapshotManifest[],
  specDigest: string,
  at: string,
): SnapshotChoice {
  const same = manifests
    .filter((m) => m.lock.specDigest === specDigest)
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
  const before = same.filter((m) => m.capturedAt <= at).at(-1);
  if (before) return { snapshot: before, when: "at-or-before" };
  const after = same[0];
  if (after) return { snapshot: after, when: "after" };
  return {
    reason:
      manifests.length === 0
        ? "no snapshot of it was ever captured"
        : `none of its ${manifests.length} snapshots holds the lock it had then`,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `--at`: a date (the end of that day, UTC), an ISO date-time with a zone, or otherwise a commit.
 * A date that is not a real day is refused here rather than becoming another day.
 */
export function parseAt(at: string): { date: string } | { commit: string } | { problem: string } {
  if (DATE.test(at)) {
    const d = new Date(`${at}T23:59:59Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== at)
      return { problem: `${at} is not a calendar date` };
    return { date: d.toISOString() };
  }
  if (DATE_TIME.test(at)) {
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) return { problem: `${at} is not a date-time` };
    return { date: d.toISOString() };
  }
  if (/^\d{4}-/.test(at))
    return {
      problem: `${at} is neither a date (YYYY-MM-DD) nor a date-time with a zone (2026-10-05T12:00:00Z)`,
    };
  if (!/^[A-Za-z0-9][A-Za-z0-9._/~^-]{0,199}$/.test(at))
    return { problem: `${JSON.stringify(at)} is not a commit, a date or a date-time` };
  return { commit: at };
}
