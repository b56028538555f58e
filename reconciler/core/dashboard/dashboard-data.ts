import type { DriftItem, DriftStatus } from "../drift/drift-report.js";
import type { RunRecord } from "../../ports/state-store.js";
import type { FundingGroup } from "../audit/audit-report.js";

/**
 * Everything the dashboard shows, as plain data: assembled once from labenv's
 * own records (documents, applied state, runs, drift reports, git history,
 * cost) by `dashboardData`, rendered by the pages, and written as JSON next
 * to them. Dates are ISO 8601 UTC.
 */
export interface DashboardData {
  generatedAt: string;
  /** The commit the documents were read at. */
  commit: string;
  /** Where the environments run (`sandbox (simulated AWS) …`, `aws eu-west-1 / cluster labenv`). */
  provider: string;
  /** Price table the cost estimates use. */
  prices: { region: string; asOf: string };
  /** When the site is scoped to a lab: that lab (its environments and those shared with it). */
  scope?: string;
  /** Whether git history was read (false outside a git checkout). */
  history: boolean;
  environments: EnvironmentView[];
  labs: LabView[];
  runs: RunRecord[];
  funding: FundingView;
}

export interface EnvironmentView {
  /** `lab/env` */
  key: string;
  lab: string;
  name: string;
  owner: string;
  ownerName: string;
  /** What git asks for. */
  state: "running" | "stopped";
  /** What runs, from the provider: `1/1` tasks, or `not applied`. */
  running: string;
  experiment?: string;
  funding?: string;
  pack: string;
  image: string;
  lockDigest: string;
  /** When the lock last changed on main (the image is built from it). */
  lockChanged?: string;
  applied?: { commit: string; at: string; lockDigest: string; current: boolean };
  drift: DriftView;
  snapshots: SnapshotView[];
  /** When the newest snapshot was captured (or, before its manifest, requested), if any was taken. */
  lastSnapshot?: string;
  /** When the newest snapshot whose last verify proved every checksum was captured. */
  lastVerifiedSnapshot?: string;
  /** The last restore drill (`labenv drill`): when, whether everything came back identical. */
  lastDrill?: { at: string; ok: boolean; snapshot: string; partial?: true } | { problem: string };
  monthlyCostUsd: number;
  resources: { cpu: number; memory: number; storageGiB: number; hoursPerWeek: number };
  /** The path (or the full address, with a base URL) the environment is reached at. */
  address: string;
  access: AccessView;
  packages: { name: string; version: string; source: string }[];
  kernels: string[];
  /** Locked package changes on main, newest first. */
  packageChanges: { date: string; commit: string; name: string; from?: string; to?: string }[];
  /** Commits that changed the environment on main, newest first. */
  timeline: TimelineView[];
}

export interface DriftView {
  /** `UNKNOWN`: no drift report and no observation yet. */
  status: DriftStatus | "UNKNOWN";
  items: DriftItem[];
  observedAt?: string;
  observation: "present" | "missing" | "stale" | "none";
}

export interface SnapshotView {
  name: string;
  requestedBy: string;
  reason: string;
  requested?: string;
  keepUntil?: string;
  legalHold: boolean;
  /** The provider's id once taken (`snap-…`), with its status. */
  taken?: { id: string; status?: string };
  /**
   * As `labenv snapshot list` says: `captured` (its manifest was written), `requested` (waiting:
   * `waiting` says for what), `failed`, `kept` (its document left git; the data is kept), or
   * `scheduled` (taken by a schedule, kept by its keep policy).
   */
  state: "captured" | "requested" | "failed" | "kept" | "scheduled";
  waiting?: string;
  /** From the manifest, once captured. */
  captured?: {
    at: string;
    digest: string;
    files: number;
    bytes: number;
    tier?: string;
    /** `provider`: as AWS reports it; `schedule`: by labenv's retention schedule. */
    tierFrom?: string;
    restoreWait?: string;
  };
  /** The last `labenv snapshot verify` of it; absent when it was never verified. */
  verified?: VerifiedView;
}

/** A verify run as kept (`verifications/<id>/latest.json`), or why that record cannot be read. */
export type VerifiedView =
  | { at: string; ok: boolean; findings: number; files: number; objects: number }
  | { problem: string };

export interface AccessView {
  owner: { id: string; name: string };
  /** Read-only shares of the live environment: who else may open it, until when. */
  sharedWith: { share: string; lab: string; members: string[] | "all"; expires: string }[];
  /** Who may grant access: the owner and the lab's approvers. */
  grantors: { id: string; name: string }[];
}

export interface TimelineView {
  date: string;
  commit: string;
  author: string;
  mergedBy?: string;
  pullRequest?: { number: number; title: string; url?: string };
  via: string;
  subject: string;
  changes: string[];
}

export interface QuotaUse {
  what: "cpu" | "memory" | "storageGiB" | "environments";
  used: number;
  limit?: number;
}

export interface LabView {
  name: string;
  displayName: string;
  pi: string;
  approvers: string[];
  members: { id: string; name: string; role: string; github?: string; until?: string }[];
  quotas: QuotaUse[];
  environments: string[];
  funding: { id: string; funder: string; award?: string; until?: string }[];
  sharesGiven: ShareView[];
  sharesReceived: ShareView[];
  successions: {
    name: string;
    from: string;
    to: string;
    effective: string;
    reason: string;
    environments: string[];
  }[];
  monthlyCostUsd: number;
}

export interface ShareView {
  /** `lab/name` */
  share: string;
  /** `lab/env` shared */
  environment: string;
  snapshot?: string;
  to: string;
  members: string[] | "all";
  access: string;
  expires: string;
  purpose: string;
  active: boolean;
}

export interface FundingView {
  /** Months shown, `YYYY-MM`, oldest first. */
  months: string[];
  /** Estimated monthly cost per funding source, one value per month. */
  bySource: { funding: string; funder?: string; award?: string; costs: number[] }[];
  byExperiment: { experiment: string; costs: number[] }[];
  /** The same groups `labenv audit --funding` reports for all of history. */
  audit: FundingGroup[];
}
