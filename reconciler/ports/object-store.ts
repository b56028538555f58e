import type { ManifestLockState } from "../core/snapshots/manifest-lock.js";

/** Snapshot manifests, observations and hand-over packages: a directory locally, S3 in production. */
export interface ObjectStore {
  put(key: string, body: string | Uint8Array, contentType?: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  list(prefix: string): Promise<string[]>;
  /** S3 Object Lock on the store's objects, where the store has it (the S3 store; not the directory). */
  readonly objectLock?: ObjectLock;
}

/** Retention and legal holds on an object's current version (S3 Object Lock). */
export interface ObjectLock {
  /** Where, for messages: `s3://bucket`. */
  readonly where: string;
  /** Whether the bucket has Object Lock enabled (it can only be enabled on a versioned bucket, for good). */
  enabled(): Promise<boolean>;
  state(key: string): Promise<ManifestLockState>;
  retain(key: string, mode: "GOVERNANCE" | "COMPLIANCE", until: Date): Promise<void>;
  hold(key: string, on: boolean): Promise<void>;
}
