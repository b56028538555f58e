import type { ComplianceFinding } from "./compliance-finding.js";
import { shortCommit } from "./format.js";
import type { TimelineCommit } from "./timeline-commit.js";

/**
 * Every commit on main that changed `environments/` or `domain-packs/`
 * without coming from a merged pull request: a direct push, a rebase merge
 * (which leaves no pull request number behind) or a merge of a branch that
 * had no pull request.
 */
export function directPushFindings(commits: readonly TimelineCommit[]): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  for (const c of commits) {
    if (c.origin.via !== "direct" && c.origin.via !== "branch-merge") continue;
    const environments = touched(c);
    const what = c.changes
      .flatMap((ch) => ch.words)
      .slice(0, 3)
      .join("; ");
    const how =
      c.origin.via === "branch-merge"
        ? `merged branch ${c.origin.branch} into main without a pull request`
        : "pushed to main without a pull request";
    out.push({
      code: "direct-push",
      commit: c.commit,
      date: c.date,
      author: c.author,
      environments,
      message: `${shortCommit(c.commit)} "${c.subject}" by ${c.author} ${how}${what ? `: ${what}` : ""}`,
    });
  }
  return out;
}

export function touched(c: TimelineCommit): string[] {
  return [
    ...new Set(
      c.changes.flatMap((ch) => [
        ...(ch.environment ? [ch.environment] : []),
        ...ch.concerns.map((r) => r.key),
      ]),
    ),
  ].sort();
}
