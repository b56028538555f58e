import type { PullRequestRecord, PullRequestSummary } from "../../ports/pull-requests.js";
import { approvalFindings } from "./approval-findings.js";
import { auditGroups } from "./audit-groups.js";
import type {
  AuditQuery,
  AuditReport,
  ChangeRow,
  CommitRef,
  EnvironmentActivity,
  EnvironmentEvent,
} from "./audit-report.js";
import { scopedCommits } from "./audit-scope.js";
import { pullRequestNumber } from "./commit-origin.js";
import { directPushFindings } from "./direct-push-findings.js";
import { driftSection } from "./drift-pull-requests.js";
import type { AttributedChange, Timeline, TimelineCommit } from "./timeline-commit.js";

export interface AuditInput {
  timeline: Timeline;
  query: AuditQuery;
  head: string;
  /** What the git host said about each pull request (absent: no token, approvals not checked). */
  pullRequests?: ReadonlyMap<number, PullRequestRecord | undefined>;
  /** Drift pull requests from the git host (absent: no token). */
  driftPullRequests?: readonly PullRequestSummary[];
  /** Why approvals were or were not checked, for the report header. */
  approvalNote: string;
}

/** Timeline (+ the host's pull requests) → the audit report for a period. Pure. */
export function buildAuditReport(input: AuditInput): AuditReport {
  const q = input.query;
  const commits = scopedCommits(input.timeline.commits, q);
  const findings = [
    ...directPushFindings(commits),
    ...(input.pullRequests ? approvalFindings(commits, input.pullRequests) : []),
  ].sort((a, b) => b.date.localeCompare(a.date) || a.commit.localeCompare(b.commit));
  // A file that only moved along with its environment has nothing to say of its own.
  const told = commits.map((c) => ({
    ...c,
    changes: c.changes.filter((ch) => ch.words.length > 0),
  }));
  const changes = told.flatMap((c) => c.changes.map((ch) => row(c, ch)));
  const each = <T>(pick: (c: TimelineCommit, ch: AttributedChange) => T | undefined): T[] =>
    told.flatMap((c) => c.changes.map((ch) => pick(c, ch)).filter((x): x is T => x !== undefined));
  const envEvent =
    (action: string) =>
    (c: TimelineCommit, ch: AttributedChange): EnvironmentEvent | undefined =>
      ch.kind === "Environment" && ch.action === action
        ? { ...ref(c), environment: ch.environment!, ...labels(ch), words: ch.words }
        : undefined;
  const created = each(envEvent("created"));
  const deleted = each(envEvent("deleted"));
  const changed = activity(changes);
  const packageChanges = each((c, ch) =>
    ch.packages?.length
      ? ch.packages.map((p) => ({ ...ref(c), environment: ch.environment!, ...p }))
      : undefined,
  ).flat();
  const shareEvent = (action: string) => (c: TimelineCommit, ch: AttributedChange) =>
    ch.kind === "Share" && ch.action === action
      ? { ...ref(c), share: `${ch.lab}/${ch.name}`, ...ch.share, words: ch.words }
      : undefined;
  const drift = driftSection(commits, q, input.driftPullRequests);
  const report: AuditReport = {
    period: { since: q.since ?? null, until: q.until ?? null },
    head: input.head,
    filters: {
      ...(q.lab ? { lab: q.lab } : {}),
      ...(q.experiment ? { experiment: q.experiment } : {}),
      ...(q.funding ? { funding: q.funding } : {}),
    },
    approvalCheck: { performed: input.pullRequests !== undefined, note: input.approvalNote },
    summary: {
      commits: commits.length,
      directPushes: findings.filter((f) => f.code === "direct-push").length,
      environmentsCreated: created.length,
      environmentsChanged: changed.length,
      environmentsDeleted: deleted.length,
      packageChanges: packageChanges.length,
      snapshots: 0,
      sharesGranted: 0,
      sharesRevoked: 0,
      successions: 0,
      driftPullRequestsMerged: drift.merged.length,
      findings: findings.length,
    },
    findings,
    environments: { created, renamed: each(envEvent("renamed")), changed, deleted },
    packageChanges,
    snapshots: each((c, ch) =>
      ch.kind === "Snapshot" || ch.kind === "SnapshotRecord"
        ? { ...ref(c), subject: `${ch.environment}/${ch.name}`, action: ch.action, words: ch.words }
        : undefined,
    ),
    shares: {
      granted: each(shareEvent("created")),
      changed: [...each(shareEvent("updated")), ...each(shareEvent("renamed"))],
      revoked: each(shareEvent("deleted")),
    },
    successions: each((c, ch) =>
      ch.kind === "Succession"
        ? {
            ...ref(c),
            succession: `${ch.lab}/${ch.name}`,
            action: ch.action,
            environments: ch.succession?.environments ?? [],
            ...withoutEnvironments(ch.succession),
            words: ch.words,
          }
        : undefined,
    ),
    domainPacks: each((c, ch) =>
      ch.kind === "DomainPack" || ch.kind === "DomainPackRegistry"
        ? { ...ref(c), subject: ch.name ?? "registry", action: ch.action, words: ch.words }
        : undefined,
    ),
    driftPullRequests: drift,
    ...auditGroups(changes, packageChanges, input.timeline.labs),
    changes,
  };
  report.summary.snapshots = report.snapshots.filter((s) => s.action === "created").length;
  report.summary.sharesGranted = report.shares.granted.length;
  report.summary.sharesRevoked = report.shares.revoked.length;
  report.summary.successions = report.successions.filter((s) => s.action === "created").length;
  return report;
}

function ref(c: TimelineCommit): CommitRef {
  const number = pullRequestNumber(c.origin);
  return {
    date: c.date,
    commit: c.commit,
    ...(number !== undefined ? { pullRequest: number } : {}),
    author: c.author,
  };
}

function labels(ch: AttributedChange): { experiment?: string; funding?: string } {
  const r = ch.concerns.find((x) => x.key === ch.environment) ?? ch.concerns[0];
  return {
    ...(r?.experiment ? { experiment: r.experiment } : {}),
    ...(r?.funding ? { funding: r.funding } : {}),
  };
}

/** One row per change, built field by field (audits have many): date, commit, pullRequest, via, author, … */
function row(c: TimelineCommit, ch: AttributedChange): ChangeRow {
  const environment = ch.environment ?? ch.concerns[0]?.key;
  const label = ch.concerns.find((x) => x.key === ch.environment) ?? ch.concerns[0];
  const number = pullRequestNumber(c.origin);
  const r = { date: c.date, commit: c.commit } as ChangeRow;
  if (number !== undefined) r.pullRequest = number;
  r.via = c.origin.via;
  r.author = c.author;
  r.kind = ch.kind;
  r.action = ch.action;
  r.path = ch.path;
  if (ch.lab) r.lab = ch.lab;
  if (environment) r.environment = environment;
  if (label?.experiment) r.experiment = label.experiment;
  if (label?.funding) r.funding = label.funding;
  r.words = ch.words;
  return r;
}

/** What counts as changing an environment: its own files. Shares and successions have their own sections. */
const OWN_DOCUMENTS = new Set<string>([
  "Environment",
  "EnvironmentLock",
  "Snapshot",
  "SnapshotRecord",
]);

/** Environments changed in the period (not counting the commits that created or deleted them), with how often. */
function activity(rows: readonly ChangeRow[]): EnvironmentActivity[] {
  const byEnv = new Map<string, { row: ChangeRow; commits: Set<string> }>();
  const lifecycle = new Set(
    rows
      .filter((r) => r.kind === "Environment" && (r.action === "created" || r.action === "deleted"))
      .map((r) => `${r.commit} ${r.environment}`),
  );
  for (const r of rows) {
    if (
      !r.environment ||
      !OWN_DOCUMENTS.has(r.kind) ||
      lifecycle.has(`${r.commit} ${r.environment}`)
    )
      continue;
    const entry = byEnv.get(r.environment) ?? { row: r, commits: new Set<string>() };
    entry.commits.add(r.commit);
    byEnv.set(r.environment, entry);
  }
  return [...byEnv.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([environment, { row: r, commits }]) => ({
      environment,
      ...(r.experiment ? { experiment: r.experiment } : {}),
      ...(r.funding ? { funding: r.funding } : {}),
      commits: commits.size,
      lastChange: r.date,
    }));
}

function withoutEnvironments(s: AttributedChange["succession"]): {
  from?: string;
  to?: string;
  effective?: string;
} {
  if (!s) return {};
  const { environments: _, ...rest } = s;
  return rest;
}
