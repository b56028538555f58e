import type { RepoRef } from "../github/github-client.js";

/** The pull request a review is about, as the webhook payload (or the API) tells it. */
export interface PullRequestRef extends RepoRef {
  number: number;
  headSha: string;
  /** The base commit the review compares with: the base branch's tip, read when the event is handled. */
  baseSha: string;
  /** The branch the pull request is into. */
  baseRef: string;
  /** The head branch, and the repository it lives in (`owner/name`; another one for a fork). */
  headRef: string;
  headRepo: string | null;
  /** Whether maintainers of the base repository may push to a fork's head branch (undefined: not known). */
  maintainerCanModify?: boolean;
  /** Login of the author: their own approval never counts. */
  author: string;
  /** When GitHub last changed the pull request (orders plan comments of successive pushes). */
  updatedAt: string;
}

/** The fields every pull request payload (`pull_request`, `pull_request_review`, `pulls.get`, a commit's pull requests) carries. */
export interface PullRequestPayload {
  number: number;
  state?: string;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { sha: string; ref: string };
  user: { login: string } | null;
  updated_at: string;
  maintainer_can_modify?: boolean;
}

export function pullRequestRef(repo: RepoRef, pr: PullRequestPayload): PullRequestRef {
  return {
    ...repo,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    headRef: pr.head.ref,
    headRepo: pr.head.repo?.full_name ?? null,
    ...(pr.maintainer_can_modify !== undefined
      ? { maintainerCanModify: pr.maintainer_can_modify }
      : {}),
    author: pr.user?.login ?? "",
    updatedAt: pr.updated_at,
  };
}
