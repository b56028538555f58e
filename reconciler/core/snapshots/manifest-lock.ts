import type { Loaded } from "../model/documents.js";
import { decideRetention } from "./retention.js";
import type { SnapshotManifest } from "./manifest.js";

/**
 * The S3 Object Lock mode labenv writes on manifests: GOVERNANCE. Neither labenv nor any role
 * without `s3:BypassGovernanceRetention` can delete or overwrite a locked manifest version
 * before its date (labenv is never granted the bypass), yet the account's administrators can,
 * deliberately and in CloudTrail, correct a wrong `keepUntil` or answer a lawful erasure request.
 * COMPLIANCE would make a mistyped `keepUntil: 2206-01-01` irrevocable for everyone, root
 * included; the legal hold is the tool for "nobody deletes this, whatever the date".
 */
export const MANIFEST_LOCK_MODE = "GOVERNANCE" as const;

/** What S3 holds on a manifest's current version. */
export interface ManifestLockState {
  /** ISO time the version is retained until, if any. */
  retainUntil?: string;
  mode?: string;
  legalHold: boolean;
}

/** What a manifest's lock should be, from its snapshot's retention. */
export interface ManifestLockWanted {
  id: string;
  key: string;
  /** Retained through this day (UTC): keepUntil, or the ten-year minimum when later. */
  keepUntil: string;
  /** The S3 RetainUntilDate: the start of the day after `keepUntil`. */
  retainUntil: string;
  /** On or off as git says; undefined when the document is gone from git (the hold is left as it is). */
  legalHold?: boolean;
}

/** The changes that bring a manifest's lock to what is wanted; never a shorter retention. */
export interface ManifestLockChange {
  retention?: { mode: "GOVERNANCE" | "COMPLIANCE"; retainUntil: string };
  legalHold?: boolean;
}

/**
 * The lock a manifest should carry: retained (GOVERNANCE) at least until its snapshot's keep-until
 * (`decideRetention`: the request's `keepUntil`, at least ten years from capture), read from the
 * Snapshot document in git when it is there (else from the request the manifest recorded), and a
 * legal hold exactly when the document in git says `legalHold: true` — removing it in git
 * releases the hold; a document gone from git leaves the hold as it is. Pure.
 */
export function wantedManifestLock(
  manifest: SnapshotManifest,
  key: string,
  doc: Loaded<"Snapshot"> | undefined,
  today: string,
): ManifestLockWanted {
  const retention = doc ? doc.doc.spec.retention : manifest.request.retention;
  const { keepUntil } = decideRetention(manifest.capturedAt, retention, today);
  const next = new Date(`${keepUntil}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    id: manifest.id,
    key,
    keepUntil,
    retainUntil: next.toISOString(),
    ...(doc ? { legalHold: doc.doc.spec.retention?.legalHold === true } : {}),
  };
}

/**
 * What to write so the manifest's current version is locked as wanted: a retention only when
 * none is set or it ends earlier (Object Lock never shortens, and labenv never asks it to), a
 * legal hold only when git says otherwise than S3. Pure.
 */
export function manifestLockChange(
  wanted: ManifestLockWanted,
  current: ManifestLockState,
): ManifestLockChange {
  const earlier =
    current.retainUntil === undefined ||
    !(Date.parse(current.retainUntil) >= Date.parse(wanted.retainUntil));
  // A COMPLIANCE retention set by someone else stays COMPLIANCE: S3 only lets it be extended.
  const mode = current.mode === "COMPLIANCE" ? "COMPLIANCE" : MANIFEST_LOCK_MODE;
  return {
    ...(earlier ? { retention: { mode, retainUntil: wanted.retainUntil } } : {}),
    ...(wanted.legalHold !== undefined && wanted.legalHold !== current.legalHold
      ? { legalHold: wanted.legalHold }
      : {}),
  };
}
