import type { ChangeAction, AuditedKind } from "./document-change.js";
import type { ComplianceFinding } from "./compliance-finding.js";
import type { ShareAccessEvent } from "../../ports/state-store.js";

/** What an auditor asked for. Instants are ISO 8601 UTC. */
export interface AuditQuery {
  since?: string;
  until?: string;
  lab?: string;
  experiment?: string;
  funding?: string;
}

/** One document change in the period, flat: the unit of the timeline, the CSV and the groups. */
export interface ChangeRow {
  date: string;
  commit: string;
  pullRequest?: number;
  /** How the commit reached main: merge, squash, branch-merge, direct. */
  via: string;
  author: string;
  kind: AuditedKind;
  action: ChangeAction;
  path: string;
  lab?: string;
  environment?: string;
  experiment?: string;
  funding?: string;
  words: string[];
}

export interface CommitRef {
  date: string;
  commit: string;
  pullRequest?: number;
  author: string;
}

export interface EnvironmentEvent extends CommitRef {
  environment: string;
  experiment?: string;
  funding?: string;
  words: string[];
}

export interface EnvironmentActivity {
  environment: string;
  experiment?: string;
  funding?: string;
  commits: number;
  lastChange: string;
}

export interface PackageEvent extends CommitRef {
  environment: string;
  name: string;
  from?: string;
  to?: string;
}

export interface ShareEvent extends CommitRef {
  share: string;
  environment?: string;
  to?: string;
  access?: string;
  expires?: string;
  words: string[];
}

export interface SuccessionEvent extends CommitRef {
  succession: string;
  action: ChangeAction;
  from?: string;
  to?: string;
  environments: string[];
  effective?: string;
  words: string[];
}

export interface DocumentEvent extends CommitRef {
  subject: string;
  action: ChangeAction;
  words: string[];
}

export interface DriftPullRequestEvent {
  environment: string;
  pullRequest?: number;
  title?: string;
  date: string;
  commit?: string;
}

export interface DriftSection {
  merged: DriftPullRequestEvent[];
  /** Known only with a git host token. */
  opened?: DriftPullRequestEvent[];
  rejected?: DriftPullRequestEvent[];
  note?: string;
}

export interface FundingGroup {
  funding: string;
  funder?: string;
  award?: string;
  experiments: string[];
  environments: string[];
  commits: number;
  packageChanges: number;
}

export interface ExperimentGroup {
  experiment: string;
  funding: string[];
  environments: string[];
  commits: number;
  packageChanges: number;
}

export interface AuditReport {
  period: { since: string | null; until: string | null };
  /** The commit the history was read from. */
  head: string;
  filters: { lab?: string; experiment?: string; funding?: string };
  approvalCheck: { performed: boolean; note: string };
  summary: {
    commits: number;
    directPushes: number;
    environmentsCreated: number;
    environmentsChanged: number;
    environmentsDeleted: number;
    packageChanges: number;
    snapshots: number;
    sharesGranted: number;
    sharesRevoked: number;
    successions: number;
    driftPullRequestsMerged: number;
    findings: number;
  };
  findings: ComplianceFinding[];
  environments: {
    created: EnvironmentEvent[];
    renamed: EnvironmentEvent[];
    changed: EnvironmentActivity[];
    deleted: EnvironmentEvent[];
  };
  packageChanges: PackageEvent[];
  snapshots: DocumentEvent[];
  shares: {
    granted: ShareEvent[];
    changed: ShareEvent[];
    revoked: ShareEvent[];
    /**
     * What the reconciler did about them, from the state store: each member's access granted
     * or revoked in the period, with its time (absent when no state store was read).
     */
    access?: ShareAccessEvent[];
  };
  successions: SuccessionEvent[];
  domainPacks: DocumentEvent[];
  driftPullRequests: DriftSection;
  byFunding: FundingGroup[];
  byExperiment: ExperimentGroup[];
  /** Every change in the period, newest first. */
  changes: ChangeRow[];
}
