import type { ChangeDescriptions } from "../../core/audit/change-descriptions.js";
import type { AuditQuery, AuditReport } from "../../core/audit/audit-report.js";
import { scopedCommits } from "../../core/audit/audit-scope.js";
import { buildAuditReport } from "../../core/audit/build-audit-report.js";
import { DRIFT_BRANCH_PREFIX, pullRequestNumber } from "../../core/audit/commit-origin.js";
import type { PullRequestRecord, PullRequests } from "../../ports/pull-requests.js";
import { readLoggedTimeline } from "./read-timeline.js";
import { headCommit } from "./resolve-commit.js";

/** The paths whose history is the audit trail. */
export const AUDITED_PATHS = ["environments/", "domain-packs/"];

/** How many pull requests are fetched from the git host at once. */
const HOST_CONCURRENCY = 4;

/**
 * Reads main's history of the audited paths once, describes the period, and
 * (when a git host is given) fetches each merged pull request's reviews and
 * the drift pull requests, then builds the report. Changes `descriptions`
 * remembers are not read again; those described now are added to it.
 */
export async function readAudit(
  dir: string,
  query: AuditQuery,
  host?: { pullRequests: PullRequests; label: string },
  descriptions?: ChangeDescriptions,
): Promise<AuditReport> {
  const head = await headCommit(dir);
  const window = {
    ...(query.since ? { since: Date.parse(query.since) } : {}),
    ...(query.until ? { until: Date.parse(query.until) } : {}),
  };
  const timeline = await readLoggedTimeline(
    dir,
    { from: head, paths: AUDITED_PATHS },
    window,
    descriptions,
  );
  if (!host)
    return buildAuditReport({
      timeline,
      query,
      head,
      approvalNote: "approval check skipped: no GitHub token",
    });
  const numbers = [
    ...new Set(
      scopedCommits(timeline.commits, query)
        .map((c) => pullRequestNumber(c.origin))
        .filter((n): n is number => n !== undefined),
    ),
  ];
  const pullRequests = new Map<number, PullRequestRecord | undefined>();
  for (let i = 0; i < numbers.length; i += HOST_CONCURRENCY) {
    const batch = numbers.slice(i, i + HOST_CONCURRENCY);
    const records = await Promise.all(batch.map((n) => host.pullRequests.getPullRequest(n)));
    batch.forEach((n, j) => pullRequests.set(n, records[j]));
  }
  const driftPullRequests = await host.pullRequests.listPullRequests({
    headPrefix: DRIFT_BRANCH_PREFIX,
    ...(query.since ? { updatedSince: query.since } : {}),
  });
  const approvalNote = `approvals checked against ${host.label} for ${numbers.length} merged pull request${numbers.length === 1 ? "" : "s"}, by the rules on main just before each merge`;
  return buildAuditReport({ timeline, query, head, pullRequests, driftPullRequests, approvalNote });
}
