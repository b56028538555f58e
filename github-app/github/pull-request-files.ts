import { LabenvError } from "../../reconciler/core/errors.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3000;

/**
 * The paths a pull request changes, as GitHub diffs it (against the merge
 * base), a renamed file under both names. `complete` is false when GitHub's
 * list stopped at its 3,000-file limit.
 */
export async function changedFiles(
  github: GitHubClient,
  pr: RepoRef & { number: number },
): Promise<{ paths: string[]; complete: boolean }> {
  try {
    const files = await github.paginate(github.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: 100,
    });
    const paths = new Set<string>();
    for (const f of files) {
      paths.add(f.filename);
      if (f.previous_filename) paths.add(f.previous_filename);
    }
    return { paths: [...paths].sort(), complete: files.length < MAX_LISTED_FILES };
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot list the files of #${pr.number}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}
