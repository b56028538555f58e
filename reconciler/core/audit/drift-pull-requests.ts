import type { PullRequestSummary } from "../../ports/pull-requests.js";
import type { AuditQuery, DriftSection } from "./audit-report.js";
import { DRIFT_BRANCH_PREFIX } from "./commit-origin.js";
import { pullRequestNumber } from "./commit-origin.js";
import { utc } from "./format.js";
import type { TimelineCommit } from "./timeline-commit.js";

/**
 * Drift pull requests in the period. Merged ones are read from main's
 * history (merge commits of `labenv/drift/<lab>/<env>` branches, squashes
 * titled `drift: <lab>/<env>`); opened and rejected ones (closed without
 * merging leave no trace in git) only from the git host.
 */
export function driftSection(
  commits: readonly TimelineCommit[],
  q: AuditQuery,
  host: readonly PullRequestSummary[] | undefined,
): DriftSection {
  const inLab = (env: string) => q.lab === undefined || env.startsWith(`${q.lab}/`);
  const merged = commits
    .filter((c) => c.drift !== undefined && inLab(c.drift))
    .map((c) => {
      const number = pullRequestNumber(c.origin);
      return {
        environment: c.drift!,
        ...(number !== undefined ? { pullRequest: number } : {}),
        title: c.subject,
        date: c.date,
        commit: c.commit,
      };
    });
  if (host === undefined) {
    return {
      merged,
      note: "opened and rejected drift pull requests are only visible with a GitHub token (closing a pull request without merging leaves nothing in git)",
    };
  }
  const within = (iso: string | null) =>
    iso !== null &&
    (q.since === undefined || iso >= q.since) &&
    (q.until === undefined || iso <= q.until);
  const drift = host
    .filter((p) => p.headRef.startsWith(DRIFT_BRANCH_PREFIX))
    .map((p) => ({ p, environment: p.headRef.slice(DRIFT_BRANCH_PREFIX.length) }))
    .filter(({ environment }) => inLab(environment));
  const event = (p: PullRequestSummary, environment: string, date: string) => ({
    environment,
    pullRequest: p.number,
    title: p.title,
    date,
  });
  return {
    merged,
    opened: drift
      .filter(({ p }) => within(utc(p.createdAt)))
      .map(({ p, environment }) => event(p, environment, utc(p.createdAt))),
    rejected: drift
      .filter(({ p }) => p.mergedAt === null && within(p.closedAt && utc(p.closedAt)))
      .map(({ p, environment }) => event(p, environment, utc(p.closedAt!))),
  };
}
