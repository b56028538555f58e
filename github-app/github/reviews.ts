import type { ApprovalRequirement, Review } from "../../reconciler/core/approvals/index.js";
import { latestVerdicts } from "../../reconciler/core/approvals/index.js";
import { LabenvError } from "../../reconciler/core/errors.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

export async function listReviews(
  github: GitHubClient,
  pr: RepoRef & { number: number },
): Promise<Review[]> {
  try {
    const reviews = await github.paginate(github.rest.pulls.listReviews, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: 100,
    });
    return reviews.map((r) => ({
      id: r.id,
      user: r.user ? { login: r.user.login } : null,
      state: r.state,
      commit_id: r.commit_id,
      submitted_at: r.submitted_at ?? null,
    }));
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot list the reviews of #${pr.number}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/**
 * Which approving reviewers are repository admins, asked only when a
 * requirement accepts an admin (a new lab) and only for those whose latest
 * verdict is an approval of the head commit.
 */
export async function repositoryAdmins(
  github: GitHubClient,
  repo: RepoRef,
  requirements: readonly ApprovalRequirement[],
  reviews: readonly Review[],
  headSha: string,
): Promise<Set<string>> {
  if (!requirements.some((r) => r.repositoryAdmin)) return new Set();
  const candidates = [...latestVerdicts(reviews).values()]
    .filter((r) => r.state === "APPROVED" && r.commit_id === headSha)
    .map((r) => r.user!.login);
  const admins = new Set<string>();
  for (const username of candidates) {
    try {
      const { data } = await github.rest.repos.getCollaboratorPermissionLevel({
        ...repo,
        username,
      });
      if (data.permission === "admin") admins.add(username);
    } catch (e) {
      throw new LabenvError(
        "git",
        `cannot read the repository permission of @${username}: ${(e as Error).message}`,
        { cause: e },
      );
    }
  }
  return admins;
}
