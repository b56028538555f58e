import type { Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import { daysBetween } from "./days.js";

/**
 * Where a snapshot's data lives as it ages, and when it may go — a pure decision from the request's
 * retention, the capture date, today and (when the provider reports it) where AWS holds each part:
 * - `hot`: the volume snapshot in the EBS standard tier and the home's recovery point in AWS
 *   Backup warm storage — a restore starts at once and takes minutes;
 * - `warm` after `warmAfterDays` (default 30): AWS Backup moves the home's recovery point to cold
 *   storage (its lifecycle's `MoveToColdStorageAfterDays`); the packages still come back in
 *   minutes, the home's restore job reads cold storage (slower; AWS gives no figure);
 * - `archive` after `archiveAfterDays` (default 365): the volume snapshot goes to the EBS archive
 *   tier (`ModifySnapshotTier`): a restore first waits for it to come back, 24–72 hours.
 * These are the coldest tiers EBS and AWS Backup have; S3 Glacier Deep Archive holds S3 objects
 * only, and the manifest and the lock (S3 objects) always stay hot. A snapshot an environment
 * restores from stays hot. Kept at least ten years from capture (what European funders ask of
 * research data), or until `keepUntil` when that is later, and never deleted under `legalHold`.
 */
export type Tier = "hot" | "warm" | "archive";

export interface RetentionRequest {
  keepUntil?: string;
  warmAfterDays?: number;
  archiveAfterDays?: number;
  legalHold?: boolean;
}

export const RETENTION_DEFAULTS = {
  minimumYears: 10,
  warmAfterDays: 30,
  archiveAfterDays: 365,
};

/** How long a snapshot takes to come back from the EBS archive tier, as the plan says it. */
export const ARCHIVE_RESTORE_WAIT = "24–72 hours";

/** What a home's restore from AWS Backup cold storage waits for, as the plan says it. */
export const COLD_RESTORE_WAIT =
  "slower than from warm storage: AWS gives no figure, plan for hours, not minutes";

/** When a snapshot's parts move: the request's days, else the defaults; never warm after archive. */
export interface TierSchedule {
  /** Days after capture the home's recovery point goes to AWS Backup cold storage. */
  warmAfterDays: number;
  /** Days after capture the volume snapshot goes to the EBS archive tier. */
  archiveAfterDays: number;
  /** Which of them the request set (the others are the defaults). */
  requested: { warm: boolean; archive: boolean };
}

export function tierScheduleOf(retention: RetentionRequest | undefined): TierSchedule {
  const archiveAfterDays = retention?.archiveAfterDays ?? RETENTION_DEFAULTS.archiveAfterDays;
  const warm = retention?.warmAfterDays ?? RETENTION_DEFAULTS.warmAfterDays;
  return {
    // An archived snapshot's home is at least cold: warm never comes after archive.
    warmAfterDays: Math.min(warm, archiveAfterDays),
    archiveAfterDays,
    requested: {
      warm: retention?.warmAfterDays !== undefined,
      archive: retention?.archiveAfterDays !== undefined,
    },
  };
}

/** Where the provider reports a snapshot's parts are; undefined where it reports nothing. */
export interface ObservedTiers {
  /** The volume snapshot's EBS storage tier. */
  volume?: "standard" | "archive";
  /** The home's recovery point: AWS Backup warm or cold storage. */
  home?: "warm" | "cold";
}

export interface RetentionOptions {
  /** Why the reconciler keeps it hot whatever its age (an environment restores from it). */
  keptHot?: string;
  /** What the snapshot holds (default both): a volume snapshot, a home recovery point. */
  parts?: { volume: boolean; home: boolean };
  observed?: ObservedTiers;
}

export interface RetentionDecision {
  tier: Tier;
  /** `provider` when AWS reports where every part is; `schedule` when labenv's decision says it. */
  tierFrom: "provider" | "schedule";
  /** Where each part is and who says so. */
  tierWhy: string;
  /** The earliest day the data may be deleted (ISO date). */
  keepUntil: string;
  /** Whether deleting the data today is allowed (never before keepUntil, never under legal hold). */
  deletable: boolean;
  why: string;
  /** What a restore from this tier waits for before it starts. */
  restoreWait: string;
}

/** Decides one snapshot's tier and deletion date. Pure; dates are ISO strings (UTC). */
export function decideRetention(
  capturedAt: string,
  retention: RetentionRequest | undefined,
  today: string,
  options: RetentionOptions = {},
): RetentionDecision {
  const { keptHot, observed = {} } = options;
  const parts = options.parts ?? { volume: true, home: true };
  const age = daysBetween(capturedAt, today);
  const schedule = tierScheduleOf(retention);
  const days = (n: number, requested: boolean) => `${n} days${requested ? "" : ", the default"}`;
  const said: string[] = [];
  let fromProvider = true;
  let volume: "standard" | "archive" = "standard";
  if (parts.volume) {
    const decided = !keptHot && age >= schedule.archiveAfterDays ? "archive" : "standard";
    volume = observed.volume ?? decided;
    fromProvider &&= observed.volume !== undefined;
    said.push(
      `volume snapshot in the EBS ${volume} tier (${observed.volume ? "EBS reports it" : keptHot ? "kept hot" : `labenv's schedule: archive after ${days(schedule.archiveAfterDays, schedule.requested.archive)}`})`,
    );
  }
  let home: "warm" | "cold" = "warm";
  if (parts.home) {
    const decided = !keptHot && age >= schedule.warmAfterDays ? "cold" : "warm";
    home = observed.home ?? decided;
    fromProvider &&= observed.home !== undefined;
    said.push(
      `home in AWS Backup ${home} storage (${observed.home ? "AWS Backup's lifecycle reports it" : keptHot ? "kept hot" : `labenv's schedule: cold after ${days(schedule.warmAfterDays, schedule.requested.warm)}`})`,
    );
  }
  const tier: Tier = volume === "archive" ? "archive" : home === "cold" ? "warm" : "hot";
  const minimum = new Date(Date.parse(capturedAt.slice(0, 10)));
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
  const waits = [
    ...(volume === "archive"
      ? [
          `the volume snapshot's return from the EBS archive tier first (RestoreSnapshotTier: ${ARCHIVE_RESTORE_WAIT})`,
        ]
      : []),
    ...(home === "cold"
      ? [`the home's restore job reading AWS Backup cold storage (${COLD_RESTORE_WAIT})`]
      : []),
  ];
  const restoreWait =
    waits.length > 0
      ? waits.join("; and ")
      : `none: a restore starts at once (minutes)${keptHot ? `; kept hot: ${keptHot}` : ""}`;
  return {
    tier,
    tierFrom: fromProvider && said.length > 0 ? "provider" : "schedule",
    tierWhy: said.join("; ") || "nothing but the manifest (S3, always hot)",
    keepUntil,
    deletable,
    why,
    restoreWait,
  };
}

/** What the provider reports of a snapshot's parts (`lab/env/name`): EBS tier, recovery point storage. */
export function observedTiersOf(observed: readonly ObservedResource[], id: string): ObservedTiers {
  const volume = observed.find((o) => o.key === `ebs-snapshot:${id}`)?.storageTier;
  const home = observed.find((o) => o.key === `backup-job:${id}`)?.storageClass;
  return { ...(volume ? { volume } : {}), ...(home ? { home } : {}) };
}

/**
 * Why the reconciler keeps a snapshot hot whatever its age, from git: an environment restores
 * from it (`core/snapshots/tiering.ts` never moves that one). Undefined when none does.
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
