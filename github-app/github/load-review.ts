import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import type { SchemaCheck } from "../../reconciler/core/validate/schema-validator.js";
import { diffPaths } from "../review/diff-paths.js";
import { packageIndexPath } from "../review/package-index-path.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import { reviewPullRequest } from "../review/review-pull-request.js";
import { ReviewMemory, type RememberedReview } from "../review/review-memory.js";
import {
  environmentsOutside,
  inScope,
  reviewScope,
  touchesLabenv,
  type ReviewScope,
} from "../review/review-scope.js";
import type { GitHubClient } from "./github-client.js";
import { changedFiles } from "./pull-request-files.js";
import { readRepositoryAt } from "./read-repository.js";

export type LoadedReview = RememberedReview;

/**
 * Reads what a pull request review needs through the API and reviews it:
 * the changed paths, then the head and base commits (tarballs, in parallel)
 * keeping only the files in scope. A review of the same base, head and day is
 * taken from memory, and so is an already loaded base commit. Undefined when
 * the pull request touches nothing labenv manages.
 */
export async function loadReview(
  github: GitHubClient,
  pr: PullRequestRef,
  ctx: { check: SchemaCheck; today: string; memory: ReviewMemory },
): Promise<LoadedReview | undefined> {
  const listed = await changedFiles(github, pr);
  if (listed.complete && !touchesLabenv(listed.paths)) return undefined;
  const key = ReviewMemory.reviewKey(pr.baseSha, pr.headSha, listed.paths, ctx.today);
  const remembered = ctx.memory.reviews.get(key);
  if (remembered) return remembered;
  const scope: ReviewScope = listed.complete ? reviewScope(listed.paths) : { kind: "all" };
  const select = (all: ReadonlyMap<string, Uint8Array>) => {
    const index = packageIndexPath(all.get("labenv.yaml") ?? all.get("labenv.yml"));
    return (path: string) => inScope(scope, path, index);
  };
  const repo = { owner: pr.owner, repo: pr.repo };
  const baseKey = ReviewMemory.baseKey(pr.baseSha, scope);
  const knownBase = listed.complete ? ctx.memory.bases.get(baseKey) : undefined;
  const [head, base] = await Promise.all([
    readRepositoryAt(github, repo, pr.headSha, select),
    knownBase ? undefined : readRepositoryAt(github, repo, pr.baseSha, select),
  ]);
  const baseRepository = knownBase ?? loadRepository(base!.files, ctx.check).repository;
  if (!knownBase) ctx.memory.bases.set(baseKey, baseRepository);
  const changed = listed.complete ? listed.paths : diffPaths(base?.files ?? [], head.files);
  const review = reviewPullRequest(
    { changed, base: baseRepository, head: head.files, headSha: pr.headSha },
    ctx,
  );
  const loaded = {
    review,
    filesRead: head.files.length,
    environmentsNotRead: environmentsOutside(scope, head.paths),
  };
  ctx.memory.reviews.set(key, loaded);
  return loaded;
}
