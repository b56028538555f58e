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

/**
 * The steps of a succession, in the order they are carried out: `access` is the predecessor's
 * read-only access to the handed-over homes, granted (or none kept), `revoke` its removal after
 * the last day of `keepAccessDays`.
 */
export const SUCCESSION_STEPS = ["snapshot", "package", "ownership", "access", "revoke"] as const;
export type SuccessionStep = (typeof SUCCESSION_STEPS)[number];

/** One step of a succession that is done: when, and what it left (ids, object keys, a pull request). */
export interface SuccessionStepDone {
  step: SuccessionStep;
  doneAt: string;
  /** One line: what was done. */
  detail: string;
  /** What it left: snapshot ids (`lab/env/name`), object keys, `#<number>` of a pull request. */
  refs: string[];
  /**
   * The run that did it: for `access` and `revoke` the reconcile whose apply created or deleted
   * the access points (as its grant or revoke was recorded), otherwise the run that recorded it.
   */
  run?: string;
}

/**
 * How far a succession has been carried out. Written after each step is confirmed, so a run
 * that stops anywhere continues from the first step not recorded.
 */
export interface SuccessionRecord {
  /** `<lab>/<name>` of the Succession document. */
  succession: string;
  from: string;
  to: string;
  effective: string;
  /** The environments handed over (`lab/env`), fixed when the succession started. */
  environments: string[];
  startedAt: string;
  updatedAt: string;
  /** The steps done, in order. */
  done: SuccessionStepDone[];
  /** The ownership pull request once it was opened (the step is done when git says `to` owns them). */
  pullRequest?: { number: number; url?: string; openedAt: string };
  /** What the first step not done waits for (outside labenv), as the last run saw it. */
  waiting?: { step: SuccessionStep; at: string; reason: string };
  /** The last attempt of a step that failed; cleared when it succeeds. */
  failed?: { step: SuccessionStep; at: string; message: string };
}

/**
 * One grant or revoke of a member's read-only way into a shared home (a share, or a
 * predecessor's hand-over access), recorded when the reconciler confirmed it: the access point
 * was created, or deleted.
 */
export interface ShareAccessEvent {
  /** `granted`: its access point was created (or replaced); `revoked`: it was deleted. */
  event: "granted" | "revoked";
  at: string;
  /** `lab/name` of the share (`lab/succession-<name>.<env>` for a hand-over). */
  share: string;
  /** The shared environment, `lab/env`. */
  environment: string;
  /** `lab/member` the access was for. */
  member: string;
  /** The access point created or deleted. */
  accessPoint: string;
  /** Why, as the plan said it. */
  reason: string;
  /** The commit and run that did it. */
  commit: string;
  run: string;
}

/**
 * How one environment is used, as labenv measured it: whether idle shutdown parked it (scaled
 * to zero until its owner opens it again), the wakes asked for (for the wake page's expected
 * wait) and the spans it was seen running (for the cost estimate). Written by the reconcile's
 * idle stage and by the wake page.
 */
export interface UsageRecord {
  /** `lab/env` */
  environment: string;
  /** What git said (`spec.state`) at the last reconcile: the wake page starts only `running` ones. */
  wanted?: "running" | "stopped";
  /** Present while idle shutdown keeps the environment at zero tasks. */
  parked?: { at: string; reason: string; lastActivity?: string };
  /** The latest wakes (newest last, at most 10): when asked for and when Jupyter answered. */
  wakes: { requestedAt: string; readyAt?: string }[];
  /** Spans seen running (newest last); `to` is absent while it runs. */
  running: { from: string; to?: string }[];
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
  /** A succession's progress (`lab/name`), or undefined when it has not started. */
  getSuccession(succession: string): Promise<SuccessionRecord | undefined>;
  /** Every succession's progress, by name. */
  listSuccessions(): Promise<SuccessionRecord[]>;
  /** Records a succession's progress (replacing what was recorded). */
  putSuccession(record: SuccessionRecord): Promise<void>;
  /** Records a confirmed grant or revoke (kept: a history, never replaced). */
  putShareEvent(event: ShareAccessEvent): Promise<void>;
  /** Every grant and revoke recorded, oldest first. */
  listShareEvents(): Promise<ShareAccessEvent[]>;
  /** Every environment's usage (parking, wakes, running spans). */
  listUsage(): Promise<UsageRecord[]>;
  /** Records an environment's usage (replacing what was recorded). */
  putUsage(record: UsageRecord): Promise<void>;
}
