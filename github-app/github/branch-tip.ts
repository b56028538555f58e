import { LabenvError } from "../../reconciler/core/errors.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The commit a branch points at now. A webhook payload's `base.sha` is the
 * base when GitHub last computed the pull request and can be older than the
 * branch: reviews and approvals are judged against the tip.
 */
export async function branchTip(
  github: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<string> {
  try {
    const { data } = await github.rest.repos.getBranch({ ...repo, branch });
    return data.commit.sha;
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot read the tip of ${branch} in ${repo.owner}/${repo.repo}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}
