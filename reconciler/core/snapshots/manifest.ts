import { canonicalJson, sha256Hex } from "../lock/canonical.js";
import type { StoredFileSum } from "../../ports/snapshot-sources.js";

/** An object the manifest names: its key in the object store, its size and the sha256 of its bytes. */
export interface ObjectRef {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Everything a snapshot holds, listed with a checksum each, so it can be proved years later.
 * Written as canonical JSON (sorted keys, no spaces); its sha256 is its identity.
 */
export interface SnapshotManifest {
  apiVersion: "labenv.westtek.io/v1";
  kind: "SnapshotManifest";
  /** `lab/env/name`: the Snapshot document it answers. */
  id: string;
  request: {
    file: string;
    requestedBy: string;
    reason: string;
    experiment?: string;
    include: { packages: boolean; home: boolean };
    retention?: {
      keepUntil?: string;
      warmAfterDays?: number;
      archiveAfterDays?: number;
      legalHold?: boolean;
    };
  };
  capturedAt: string;
  /** The commit of main the capture ran for, and where (`sandbox (…)`, `aws eu-west-1 …`). */
  commit: string;
  provider: string;
  /** The environment's lock then: its digest, the object holding its exact bytes, pack and image. */
  lock: ObjectRef & {
    file: string;
    digest: string;
    /** The digest of the lock's spec alone: what a restored environment's lock must equal. */
    specDigest: string;
    domainPack: string;
    image: string;
  };
  /** The image the task ran, by digest (the one built from the lock). */
  image?: string;
  /** The EBS snapshot of `/opt/jupyter` (installed packages). */
  volume?: { snapshotId: string; path: "/opt/jupyter" };
  /** The agent's observation at the moment of capture: every package, kernel, extension, config hash. */
  observation?: ObjectRef & { observedAt: string; task?: string; packages: number };
  /** The home: the AWS Backup recovery point and the home's path in it, with every file's sum. */
  home?: {
    backupJobId: string;
    recoveryPointArn: string;
    /** The home's path from the file system root (`/labs/<lab>/environments/<env>`). */
    path: string;
    fileCount: number;
    totalBytes: number;
    files: StoredFileSum[];
    /**
     * On AWS: the agent's inventory the files come from (a one-off task of the environment's
     * image with the home mounted, run after the backup completed), stored by content.
     */
    inventory?: ObjectRef & { takenAt: string; task: string; backupStartedAt: string };
    /**
     * Files modified at or after the backup began (or while the agent read them): their sums are
     * the home's at `inventory.takenAt`; the recovery point may hold an earlier version. A
     * restore checks every file and reports any that differ.
     */
    changedSinceBackup?: string[];
  };
}

/** Where snapshots keep their objects: a manifest per snapshot, other objects by content. */
export const snapshotObjects = {
  manifest: (id: string) => `snapshots/${id}/manifest.json`,
  /** Content-addressed: the same lock or observation bytes are stored once. */
  content: (sha256: string) => `snapshots/objects/sha256/${sha256}`,
  prefix: "snapshots/",
};

/** The manifest's bytes (canonical JSON) and their sha256: `sha256:<hex>`. */
export function manifestBytes(m: SnapshotManifest): { text: string; digest: string } {
  const text = canonicalJson(m);
  return { text, digest: `sha256:${sha256Hex(text)}` };
}

/** A reference to bytes stored under their own sum. */
export function contentRef(bytes: string | Uint8Array): ObjectRef {
  const sha256 = sha256Hex(bytes);
  const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
  return { key: snapshotObjects.content(sha256), size, sha256 };
}

/**
 * Reads a manifest back; a problem (not JSON, not a manifest, a field missing) is returned as a
 * sentence naming the field, never thrown.
 */
export function parseManifest(
  bytes: Uint8Array | string,
): { manifest: SnapshotManifest } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    return { problem: `not JSON (${(e as Error).message})` };
  }
  const m = value as Partial<SnapshotManifest> | null;
  if (!m || typeof m !== "object" || m.kind !== "SnapshotManifest")
    return { problem: "not a snapshot manifest (kind is not SnapshotManifest)" };
  for (const f of ["id", "capturedAt", "commit", "provider"] as const)
    if (typeof m[f] !== "string") return { problem: `${f} is missing or not a string` };
  if (!isRef(m.lock) || typeof m.lock.digest !== "string")
    return { problem: "lock is missing its key, size, sha256 or digest" };
  if (m.observation !== undefined && !isRef(m.observation))
    return { problem: "observation is missing its key, size or sha256" };
  if (m.home !== undefined) {
    const h = m.home;
    if (typeof h.recoveryPointArn !== "string" || typeof h.path !== "string")
      return { problem: "home is missing its recovery point or path" };
    if (!Array.isArray(h.files)) return { problem: "home.files is not a list" };
    const bad = h.files.findIndex(
      (f) => typeof f?.path !== "string" || typeof f.size !== "number" || !isSha(f.sha256),
    );
    if (bad >= 0) return { problem: `home.files[${bad}] is missing its path, size or sha256` };
    if (h.inventory !== undefined && !isRef(h.inventory))
      return { problem: "home.inventory is missing its key, size or sha256" };
  }
  return { manifest: m as SnapshotManifest };
}

function isSha(v: unknown): boolean {
  return typeof v === "string" && /^[0-9a-f]{64}$/.test(v);
}

function isRef(v: unknown): v is ObjectRef {
  const r = v as ObjectRef | undefined;
  return (
    !!r &&
    typeof r === "object" &&
    typeof r.key === "string" &&
    typeof r.size === "number" &&
    isSha(r.sha256)
  );
}
