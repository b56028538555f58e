/**
 * Where a snapshot's data lives as it ages, and when it may go — a pure decision from the request's
 * retention, the capture date and today:
 * - `hot` (fast restore: EBS standard snapshots, AWS Backup warm storage) until `archiveAfterDays`
 *   (default 30) — a restore takes minutes;
 * - `warm` from then (EBS Snapshots Archive, AWS Backup cold storage) — a restore first waits for
 *   the data to come back, up to 72 hours on EBS;
 * - `archive` after a year (S3 Glacier Deep Archive for exports) — retrieval takes up to 12 hours
 *   (48 in bulk), so the archive tier is for keeping, not the restore path;
 * - kept at least ten years from capture (what European funders ask of research data), or until
 *   `keepUntil` when that is later, and never while under `legalHold`. The manifest and the lock
 *   always stay hot.
 */
export type Tier = "hot" | "warm" | "archive";

export interface RetentionDecision {
  tier: Tier;
  /** The earliest day the data may be deleted (ISO date). */
  keepUntil: string;
  /** Whether deleting the data today is allowed (never before keepUntil, never under legal hold). */
  deletable: boolean;
  why: string;
  /** What a restore from this tier waits for before it starts. */
  restoreWait: string;
}

export const RETENTION_DEFAULTS = {
  archiveAfterDays: 30,
  deepArchiveAfterDays: 365,
  minimumYears: 10,
};

const DAY = 86_400_000;

/** Decides one snapshot's tier and deletion date. Pure; dates are ISO strings (UTC). */
export function decideRetention(
  capturedAt: string,
  retention: { keepUntil?: string; archiveAfterDays?: number; legalHold?: boolean } | undefined,
  today: string,
): RetentionDecision {
  const captured = Date.parse(capturedAt.slice(0, 10));
  const now = Date.parse(today.slice(0, 10));
  const age = Math.floor((now - captured) / DAY);
  const warmAfter = retention?.archiveAfterDays ?? RETENTION_DEFAULTS.archiveAfterDays;
  const archiveAfter = Math.max(warmAfter, RETENTION_DEFAULTS.deepArchiveAfterDays);
  const tier: Tier = age >= archiveAfter ? "archive" : age >= warmAfter ? "warm" : "hot";
  const minimum = new Date(captured);
  minimum.setUTCFullYear(minimum.getUTCFullYear() + RETENTION_DEFAULTS.minimumYears);
  const floor = minimum.toISOString().slice(0, 10);
  const keepUntil =
    retention?.keepUntil && retention.keepUntil > floor ? retention.keepUntil : floor;
  const held = retention?.legalHold === true;
  const deletable = !held && today.slice(0, 10) > keepUntil;
  const why = held
    ? "under legal hold: never deleted while the hold stands"
    : deletable
      ? `kept past ${keepUntil}: may be deleted`
      : `kept until ${keepUntil} (${keepUntil === floor ? `at least ${RETENTION_DEFAULTS.minimumYears} years from capture` : "the request's keepUntil"})`;
  const restoreWait =
    tier === "hot"
      ? "none: a restore starts at once (minutes)"
      : tier === "warm"
        ? "the volume snapshot is restored from the archive tier first (up to 72 hours)"
        : "the data is retrieved from deep archive first (up to 12 hours, 48 in bulk)";
  return { tier, keepUntil, deletable, why, restoreWait };
}
