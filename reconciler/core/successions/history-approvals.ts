import type { PullRequests } from "../../ports/pull-requests.js";
import type { HistoryLine } from "./reproducing.js";

/**
 * The history with who approved each pull request's merged commit, as GitHub's reviews say: an
 * APPROVED review on the head commit that merged, by someone other than its author (an
 * approval of an older commit, or the author's own, does not count). A pull request the host
 * does not know keeps no approvers.
 */
export async function withApprovals(
  history: readonly HistoryLine[],
  pullRequests: PullRequests,
): Promise<HistoryLine[]> {
  const seen = new Map<number, string[]>();
  const out: HistoryLine[] = [];
  for (const h of history) {
    if (h.pullRequest === undefined) {
      out.push(h);
      continue;
    }
    let by = seen.get(h.pullRequest);
    if (!by) {
      const pr = await pullRequests.getPullRequest(h.pullRequest);
      by = pr
        ? [
            ...new Set(
              pr.reviews
                .filter(
                  (r) =>
                    r.state === "APPROVED" && r.commitId === pr.headSha && r.user !== pr.author,
                )
                .map((r) => r.user),
            ),
          ].sort()
        : [];
      seen.set(h.pullRequest, by);
    }
    out.push({ ...h, approvedBy: by });
  }
  return out;
}
