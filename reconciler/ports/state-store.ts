import type { HeldBack, Outcome } from "../core/model/plan.js";

/** What was last applied for one environment, recorded only after every effect was confirmed. */
export interface AppliedRecord {
  environment: string;
  commit: string;
  lockDigest: string;
  planDigest: string;
  appliedAt: string;
  resources: { key: string; kind: string; id: string; specHash: string }[];
  /** Monthly cost estimate (USD) of the environment as applied. */
  monthlyCostUsd?: number;
  /**
   * The POSIX user and group the environment's home directory was created with (its home access
   * point's), kept for its life: an owner change never re-owns the home (see `homeOwnersOf`).
   */
  homeOwner?: { uid: number; gid: number };
}

export interface RunRecord {
  id: string;
  startedAt: string;
  finishedAt?: string;
  commit: string;
  trigger: string;
  /** `abandoned`: the run stopped without finishing (crashed, killed) and its lease was broken or ran out. */
  outcome: "succeeded" | "failed" | "no-changes" | "refused" | "running" | "abandoned";
  summary: Partial<Record<Outcome, number>>;
  /** The stage that failed and why, when it failed. */
  error?: { stage: string; message: string };
  /** `plan.maxDeletes` of the commit this run applied: the next commit's deletions are capped by it. */
  maxDeletes?: number;
  /** Environments this run left as they run because findings hold them back, and why. */
  heldBack?: HeldBack[];
}

export interface Lease {
  owner: string;
  token: string;
  expiresAt: string;
  /** The run that holds it, so a broken or expired lease can mark its run abandoned. */
  runId?: string;
}

export type LeaseResult =
  | { acquired: true; lease: Lease }
  | { acquired: false; heldBy: string; expiresAt: string; held?: Lease };

/**
 * Applied state, run history and the reconcile lease. The file store keeps
 * them under `.labenv/`; DynamoDB keeps them with conditional writes.
 */
export interface StateStore {
  getApplied(environment: string): Promise<AppliedRecord | undefined>;
  listApplied(): Promise<AppliedRecord[]>;
  putApplied(record: AppliedRecord): Promise<void>;
  deleteApplied(environment: string): Promise<void>;
  putRun(run: RunRecord): Promise<void>;
  listRuns(limit: number): Promise<RunRecord[]>;
  /** Takes the lease unless another unexpired owner holds it. */
  acquireLease(owner: string, ttlMs: number, now: Date, runId?: string): Promise<LeaseResult>;
  /** Extends a lease still held (same token) to `now + ttlMs`; undefined when it was lost. */
  renewLease(lease: Lease, ttlMs: number, now: Date): Promise<Lease | undefined>;
  /** The lease as stored, expired or not; undefined when no one holds it. */
  readLease(): Promise<Lease | undefined>;
  /** Removes the lease with this token (whoever holds it); returns it, or undefined when it was gone. */
  breakLease(token: string): Promise<Lease | undefined>;
  /** Gives the lease back; a no-op when it was lost. */
  releaseLease(lease: Lease): Promise<void>;
}
