import type { DesiredResource, ObservedResource, ResourceKind } from "./resources.js";

/** The one fixed set of outcomes, used by the CLI, the plan comment, drift PRs and the audit. */
export const OUTCOMES = ["create", "update", "replace", "delete", "unchanged", "skipped"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** One resource's outcome in a plan, with the reason a human reads. */
export interface Action {
  outcome: Outcome;
  kind: ResourceKind;
  key: string;
  environment: string;
  reason: string;
  changes: FieldChange[];
  desired?: DesiredResource;
  observed?: ObservedResource;
}

/** Apply order: storage, image builds, task definitions, services, then requested snapshots and backups, then retiring. */
export const STAGE_NAMES = [
  "storage",
  "images",
  "task-definitions",
  "services",
  "snapshots",
  "retire",
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface PlanStage {
  name: StageName;
  actions: Action[];
}

/** A plan is a value: computed by a pure function, applied by the applier, nothing else. */
export interface Plan {
  version: 1;
  /** The commit the desired state came from, when known. */
  commit?: string;
  stages: PlanStage[];
  summary: Record<Outcome, number>;
  /** Per environment: monthly cost now and after the plan (USD). */
  costs: { environment: string; beforeUsd: number; afterUsd: number }[];
  /** sha256 over the actions that change something: binds an approval or apply to exactly this plan. */
  digest: string;
  /** Findings that stop the plan from being applied (e.g. too many deletions). */
  blocked?: string;
  /**
   * Environments left exactly as they run because their documents (or their lab's, their pack's,
   * the package index) have findings: nothing of theirs is planned, created, changed or deleted.
   * Absent when nothing is held back.
   */
  heldBack?: HeldBack[];
  /**
   * Homes a restore will write over (`restoreFrom.overwrite: true`): destructive to the home's
   * current versions (kept aside, never lost), so they need the approvals of a delete. Part of
   * the digest. Absent when there is none.
   */
  overwrites?: HomeOverwrite[];
  /**
   * Restores asked to run again (`restoreFrom.attempt` raised): each a fresh restore, and what
   * the attempt before it left (kept, never deleted). Part of the digest. Absent when there is none.
   */
  retries?: RestoreRetry[];
  /**
   * Where each restore still to run comes from: the tier its snapshot is in and what the restore
   * waits for before it starts. Informational (what is applied does not change): not part of the
   * digest. Absent when there is none.
   */
  restoreSources?: RestoreSource[];
}

/** A restore to come, and the storage tier it comes from. */
export interface RestoreSource {
  /** `lab/env` */
  environment: string;
  snapshot: string;
  tier: "hot" | "warm" | "archive";
  /** `provider`: as AWS reports it; `schedule`: by labenv's retention schedule. */
  tierFrom: "provider" | "schedule";
  reason: string;
}

/** A deliberate retry of a restore: attempt N, and what the attempt before it left. */
export interface RestoreRetry {
  /** `lab/env` */
  environment: string;
  snapshot: string;
  attempt: number;
  reason: string;
}

/** A restore that replaces a home's files with a snapshot's, and why it is destructive. */
export interface HomeOverwrite {
  /** `lab/env` */
  environment: string;
  snapshot: string;
  reason: string;
}

/** An environment a reconcile holds back, and why (positioned findings, at most a few). */
export interface HeldBack {
  /** `lab/env` */
  environment: string;
  /** `file:line:col message [code]`, the first few of the findings that hold it back. */
  reasons: string[];
  /** How many findings hold it back in all. */
  findings: number;
  /** How many of its resources run and are left as they are (0: it is not created). */
  kept: number;
}

export function changingActions(plan: Plan): Action[] {
  return plan.stages
    .flatMap((s) => s.actions)
    .filter((a) => a.outcome !== "unchanged" && a.outcome !== "skipped");
}
