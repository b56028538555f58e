import type { PullRequestRecord } from "../../ports/pull-requests.js";
import type { ComplianceFinding } from "./compliance-finding.js";
import { countedApprovals } from "./counted-approvals.js";
import { touched } from "./direct-push-findings.js";
import { requiredApprovals } from "./required-approvals.js";
import type { TimelineCommit } from "./timeline-commit.js";

/**
 * Merged pull requests that lacked an approval the rules required when they
 * merged. `pullRequests` holds what the git host said about each number
 * (undefined: it does not know it).
 */
export function approvalFindings(commits: readonly TimelineCommit[], pullRequests: ReadonlyMap<number, PullRequestRecord | undefined>): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  for (const c of commits) {
    if (c.origin.via !== "merge" && c.origin.via !== "squash") continue;
    const number = c.origin.pullRequest;
    const base = { commit: c.commit, date: c.date, author: c.author, pullRequest: number, environments: touched(c) };
    if (!pullRequests.has(number)) continue;
    const pr = pullRequests.get(number);
    if (!pr) {
      out.push({ ...base, code: "pull-request-unknown", message: `PR #${number} (commit ${c.commit.slice(0, 7)}) is not known to the git host: its approvals cannot be checked` });
      continue;
    }
    const counted = countedApprovals(pr);
    for (const req of requiredApprovals(c)) {
      if (req.candidates.some((m) => m.github !== undefined && counted.logins.has(m.github.toLowerCase()))) continue;
      const names = req.candidates.map((m) => (m.github ? `${m.id} (@${m.github})` : m.id)).join(", ");
      const got = [...counted.logins].map((l) => `@${l}`).join(", ") || "none";
      const ignored = counted.ignored.map((i) => `@${i.login}: ${i.why}`).join("; ");
      out.push({
        ...base,
        author: pr.author,
        code: "missing-approval",
        message:
          `PR #${number} "${pr.title}" by @${pr.author} merged without an approval from ${req.who}` +
          (names ? ` (${names})` : "") +
          ` for ${req.subjects.join(", ")}; counted approvals: ${got}` +
          (ignored ? `; not counted: ${ignored}` : "") +
          (req.unknownRules ? `; ${req.unknownRules}` : ""),
      });
    }
  }
  return out;
}
