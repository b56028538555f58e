import type { IsAncestor } from "../../core/reconcile/commit-order.js";

/** The one Octokit call ancestry needs (GET /repos/{owner}/{repo}/compare/{basehead}). */
interface CompareClient {
  rest: {
    repos: {
      compareCommitsWithBasehead(p: {
        owner: string;
        repo: string;
        basehead: string;
        per_page?: number;
      }): Promise<{ data: { status: string } }>;
    };
  };
}

/**
 * Ancestry from GitHub's compare API: comparing `commit...of`, status `ahead`
 * means `of` is ahead of `commit`, so `commit` is its ancestor. A commit
 * GitHub does not know (404) cannot be told.
 */
export function githubIsAncestor(
  octokit: CompareClient,
  repo: { owner: string; repo: string },
): IsAncestor {
  return async (commit, of) => {
    if (commit === of) return false;
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${commit}...${of}`,
        per_page: 1,
      });
      return data.status === "ahead";
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      throw e;
    }
  };
}
