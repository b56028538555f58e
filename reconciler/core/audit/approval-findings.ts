import { evaluateApprovals, requiredApprovals } from "../approvals/index.js";
import type { Plan } from "../model/plan.js";
import { OUTCOMES } from "../model/plan.js";
import type { PullRequestRecord } from "../../ports/pull-requests.js";
import { approvalSides } from "./approval-repositories.js";
import type { ComplianceFinding } from "./compliance-finding.js";
import { touched } from "./direct-push-findings.js";
import type { TimelineCommit } from "./timeline-commit.js";

/**
 * Merged pull requests that lacked an approval the rules required when they
 * merged. The rules are the GitHub App's own (`core/approvals`), read from
 * main just before the merge; the reviews are what the git host reports,
 * counted as the app counts them (latest verdict, on the merged head commit,
 * before the merge, never the author's). Two things the app judges cannot be
 * re-judged from history and are left out: storage replacements (they depend
 * on the plan against the cloud at the time) and new labs (a repository
 * admin's approval; the audit does not know who the admins were).
 */
export function approvalFindings(
  commits: readonly TimelineCommit[],
  pullRequests: ReadonlyMap<number, PullRequestRecord | undefined>,
): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  for (const c of commits) {
    if (c.origin.via !== "merge" && c.origin.via !== "squash") continue;
    const number = c.origin.pullRequest;
    if (!pullRequests.has(number)) continue;
    const pr = pullRequests.get(number);
    const base = {
      commit: c.commit,
      date: c.date,
      author: c.author,
      pullRequest: number,
      environments: touched(c),
    };
    if (!pr) {
      out.push({
        ...base,
        code: "pull-request-unknown",
        message: `PR #${number} (commit ${c.commit.slice(0, 7)}) is not known to the git host: its approvals cannot be checked`,
      });
      continue;
    }
    const sides = approvalSides(c);
    for (const lab of sides.unreadableLabs) {
      out.push({
        ...base,
        author: pr.author,
        code: "approval-unverifiable",
        message: `PR #${number} "${pr.title}": ${lab}'s lab.yaml on main before the merge does not name a PI, approvers and members with GitHub logins, so who had to approve cannot be said`,
      });
    }
    const requirements = requiredApprovals(
      sides.changedFiles,
      sides.base,
      sides.head,
      NO_PLAN,
    ).filter(
      (r) =>
        r.kind !== "new-lab" &&
        !(r.kind === "share-receiver" && sides.unreadableLabs.includes(r.id.split(":").pop()!)),
    );
    const mergedAt = pr.mergedAt === null ? Infinity : Date.parse(pr.mergedAt);
    const reviews = pr.reviews
      .filter((r) => r.submittedAt === null || Date.parse(r.submittedAt) <= mergedAt)
      .map((r, i) => ({
        id: i,
        user: { login: r.user },
        state: r.state,
        commit_id: r.commitId,
        submitted_at: r.submittedAt,
      }));
    const evaluation = evaluateApprovals(requirements, reviews, {
      author: pr.author,
      headSha: pr.headSha,
    });
    const counted = evaluation.counted.map((x) => `@${x.login} as ${x.as}`).join(", ") || "none";
    const ignored = evaluation.ignored.map((x) => `@${x.login} ${x.why}`).join("; ");
    for (const m of evaluation.missing) {
      out.push({
        ...base,
        author: pr.author,
        code: "missing-approval",
        message: `PR #${number} "${pr.title}" by @${pr.author} merged without the approval ${m.why}; approvals that counted: ${counted}${ignored ? `; not counted: ${ignored}` : ""}`,
      });
    }
  }
  return out;
}

/** History has no plan: storage replacements are not re-judged (see above). */
const NO_PLAN: Plan = {
  version: 1,
  stages: [],
  summary: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Plan["summary"],
  costs: [],
  digest: "",
};
