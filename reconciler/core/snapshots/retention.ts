import type { Repository } from "../model/documents.js";
import { ARCHIVE_RESTORE_WAIT } from "./tiering.js";

/**
 * Where a snapshot's data lives as it ages, and when it may go — a pure decision from the request's
 * retention, the capture date and today. It reports only what labenv applies:
 * - `hot` (fast restore: EBS standard snapshots, AWS Backup warm storage) — a restore takes
 *   minutes. Without `retention.archiveAfterDays` a snapshot stays hot: nothing moves it (no
 *   default move, whatever its age), and one an environment restores from stays hot too (the
 *   reconciler never archives it);
 * - `warm` once the request's `archiveAfterDays` has passed — on AWS the reconciler moves the
 *   volume snapshot to the EBS archive tier (`core/snapshots/tiering.ts`) and the home's backup job
 *   was started with that `MoveToColdStorageAfterDays`: a restore first waits for the volume
 *   snapshot to come back, 24–72 hours.
 * No deeper tier is reported: nothing labenv runs moves a snapshot to S3 Glacier Deep Archive.
 * Kept at least ten years from capture (what European funders ask of research data), or until
 * `keepUntil` when that is later, and never while under `legalHold`. The manifest and the lock
 * always stay hot.
 */
export type Tier = "hot" | "warm";

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
  minimumYears: 10,
};

const DAY = 86_400_000;

/** Decides one snapshot's tier and deletion date. Pure; dates are ISO strings (UTC). */
export function decideRetention(
  capturedAt: string,
  retention: { keepUntil?: string; archiveAfterDays?: number; legalHold?: boolean } | undefined,
  today: string,
  /** Why the reconciler keeps it hot whatever its age (an environment restores from it). */
  keptHot?: string,
): RetentionDecision {
  const captured = Date.parse(capturedAt.slice(0, 10));
  const now = Date.parse(today.slice(0, 10));
  const age = Math.floor((now - captured) / DAY);
  const warmAfter = retention?.archiveAfterDays;
  const tier: Tier = warmAfter !== undefined && age >= warmAfter && !keptHot ? "warm" : "hot";
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
      ? `none: a restore starts at once (minutes)${keptHot ? `; kept hot: ${keptHot}` : warmAfter === undefined ? "; kept hot: the request sets no archiveAfterDays" : ""}`
      : `the volume snapshot's return from the EBS archive tier first (${ARCHIVE_RESTORE_WAIT}; moved past its archiveAfterDays, ${warmAfter})`;
  return { tier, keepUntil, deletable, why, restoreWait };
}

/**
 * Why the reconciler keeps a snapshot hot whatever its age, from git: an environment restores
 * from it (`core/snapshots/tiering.ts` never archives that one). Undefined when none does.
 */
export function keptHotBy(repository: Repository, id: string): string | undefined {
  const by = [...repository.environments.values()]
    .filter((e) => e.doc.spec.restoreFrom?.snapshot === id)
    .map((e) => `${e.doc.metadata.lab}/${e.doc.metadata.name}`)
    .sort();
  return by.length
    ? `${by.join(", ")} ${by.length === 1 ? "restores" : "restore"} from it`
    : undefined;
}
