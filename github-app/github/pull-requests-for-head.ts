import { LabenvError } from "../../reconciler/core/errors.js";
import { pullRequestRef, type PullRequestRef } from "../review/pull-request-ref.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The open pull requests whose head is this commit. A check run belongs to a
 * commit, not to a pull request: several pull requests (from different
 * branches, into different bases) can share one head, and each of them sees
 * the same check. `known` are pull requests an event already names (GitHub's
 * list can lag behind an event); they are kept when the list misses them.
 */
export async function openPullRequestsWithHead(
  github: GitHubClient,
  repo: RepoRef,
  headSha: string,
  known: readonly PullRequestRef[] = [],
): Promise<PullRequestRef[]> {
  let listed: PullRequestRef[];
  try {
    const data = await github.paginate(github.rest.repos.listPullRequestsAssociatedWithCommit, {
      ...repo,
      commit_sha: headSha,
      per_page: 100,
    });
    listed = data
      .filter((p) => p.state === "open" && p.head.sha === headSha)
      .map((p) => pullRequestRef(repo, p as never));
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot list the pull requests of ${headSha.slice(0, 7)}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const byNumber = new Map(listed.map((p) => [p.number, p]));
  for (const p of known) if (p.headSha === headSha) byNumber.set(p.number, p);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
