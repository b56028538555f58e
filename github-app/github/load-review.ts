import type { SchemaCheck } from "../../reconciler/core/validate/schema-validator.js";
import { diffPaths } from "../review/diff-paths.js";
import { packageIndexPath } from "../review/package-index-path.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import { reviewPullRequest, type PullRequestReview } from "../review/review-pull-request.js";
import { environmentsOutside, inScope, reviewScope, touchesLabenv, type ReviewScope } from "../review/review-scope.js";
import type { GitHubClient } from "./github-client.js";
import { changedFiles } from "./pull-request-files.js";
import { readRepositoryAt } from "./read-repository.js";

export interface LoadedReview {
  review: PullRequestReview;
  /** Files read at the head commit. */
  filesRead: number;
  /** Environments in labs the pull request does not touch (not read). */
  environmentsNotRead: number;
}

/**
 * Reads what a pull request review needs through the API: the changed paths,
 * then the base and head commits (tarballs, in parallel) keeping only the
 * files in scope, and reviews them. Undefined when the pull request touches
 * nothing labenv manages.
 */
export async function loadReview(github: GitHubClient, pr: PullRequestRef, ctx: { check: SchemaCheck; today: string }): Promise<LoadedReview | undefined> {
  const listed = await changedFiles(github, pr);
  if (listed.complete && !touchesLabenv(listed.paths)) return undefined;
  const scope: ReviewScope = listed.complete ? reviewScope(listed.paths) : { kind: "all" };
  const select = (all: ReadonlyMap<string, Uint8Array>) => {
    const index = packageIndexPath(all.get("labenv.yaml") ?? all.get("labenv.yml"));
    return (path: string) => inScope(scope, path, index);
  };
  const repo = { owner: pr.owner, repo: pr.repo };
  const [head, base] = await Promise.all([readRepositoryAt(github, repo, pr.headSha, select), readRepositoryAt(github, repo, pr.baseSha, select)]);
  const changed = listed.complete ? listed.paths : diffPaths(base.files, head.files);
  const review = reviewPullRequest({ changed, base: base.files, head: head.files, headSha: pr.headSha }, ctx);
  return { review, filesRead: head.files.length, environmentsNotRead: environmentsOutside(scope, head.paths) };
}
