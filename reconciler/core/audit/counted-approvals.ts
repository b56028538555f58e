import type { PullRequestRecord } from "../../ports/pull-requests.js";

export interface IgnoredApproval {
  login: string;
  why: string;
}

export interface CountedApprovals {
  /** Logins (lower case) whose approval counts. */
  logins: Set<string>;
  /** Approvals that do not count, and why. */
  ignored: IgnoredApproval[];
}

const DECISIVE = new Set(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

/**
 * Which reviews count as approvals of a merged pull request: each
 * reviewer's last decisive review before the merge, approving the head
 * commit that merged, from anyone but the pull request's author.
 */
export function countedApprovals(pr: PullRequestRecord): CountedApprovals {
  const merged = pr.mergedAt === null ? Infinity : Date.parse(pr.mergedAt);
  const last = new Map<string, PullRequestRecord["reviews"][number]>();
  for (const r of [...pr.reviews].sort((a, b) => Date.parse(a.submittedAt ?? "") - Date.parse(b.submittedAt ?? ""))) {
    if (!DECISIVE.has(r.state)) continue;
    if (r.submittedAt !== null && Date.parse(r.submittedAt) > merged) continue;
    last.set(r.user.toLowerCase(), r);
  }
  const logins = new Set<string>();
  const ignored: IgnoredApproval[] = [];
  for (const [login, r] of last) {
    if (r.state !== "APPROVED") continue;
    if (login === pr.author.toLowerCase()) ignored.push({ login: r.user, why: "the pull request's author" });
    else if (r.commitId !== pr.headSha) ignored.push({ login: r.user, why: `approved an older commit ${(r.commitId ?? "?").slice(0, 7)}` });
    else logins.add(login);
  }
  return { logins, ignored };
}
