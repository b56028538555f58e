import type { RepoRef } from "../github/github-client.js";

/** The pull request a review is about, as the webhook payload tells it. */
export interface PullRequestRef extends RepoRef {
  number: number;
  headSha: string;
  baseSha: string;
  /** Login of the author: their own approval never counts. */
  author: string;
  /** When GitHub last changed the pull request (orders plan comments of successive pushes). */
  updatedAt: string;
}

/** The fields every pull request payload (`pull_request`, `pull_request_review`, `pulls.get`) carries. */
export interface PullRequestPayload {
  number: number;
  head: { sha: string };
  base: { sha: string };
  user: { login: string } | null;
  updated_at: string;
}

export function pullRequestRef(repo: RepoRef, pr: PullRequestPayload): PullRequestRef {
  return {
    ...repo,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    author: pr.user?.login ?? "",
    updatedAt: pr.updated_at,
  };
}
