import { loadRepository, type RepoFile } from "../../reconciler/core/load/load-repository.js";
import type { Repository } from "../../reconciler/core/model/documents.js";
import type { Plan } from "../../reconciler/core/model/plan.js";
import type { SchemaCheck } from "../../reconciler/core/validate/schema-validator.js";
import { diffPaths } from "../review/diff-paths.js";
import { proveLocks, wantsLockProof, type LockProofOptions } from "../review/lock-proof.js";
import { packageIndexPath } from "../review/package-index-path.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import { reviewPullRequest } from "../review/review-pull-request.js";
import { ReviewMemory, type RememberedReview } from "../review/review-memory.js";
import {
  environmentsOutside,
  inScope,
  readToChoose,
  reviewScope,
  withLendingLabs,
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
  ctx: { check: SchemaCheck; today: string; memory: ReviewMemory; lockProof?: LockProofOptions },
): Promise<LoadedReview | undefined> {
  const listed = await changedFiles(github, pr);
  if (listed.complete && !touchesLabenv(listed.paths)) return undefined;
  const key = ReviewMemory.reviewKey(pr.baseSha, pr.headSha, listed.paths, ctx.today);
  const remembered = ctx.memory.reviews.get(key);
  if (remembered) return remembered;
  const scope: ReviewScope = listed.complete ? reviewScope(listed.paths) : { kind: "all" };
  // What each commit's read covered: a lab that lends an environment into a changed lab is read
  // too (its share's mount path must stay free there).
  let headReading: ReviewScope = scope;
  const select = (commit: "head" | "base") => (all: ReadonlyMap<string, Uint8Array>) => {
    const index = packageIndexPath(all.get("labenv.yaml") ?? all.get("labenv.yml"));
    const reading = withLendingLabs(scope, all);
    if (commit === "head") headReading = reading;
    return (path: string) => inScope(reading, path, index);
  };
  const repo = { owner: pr.owner, repo: pr.repo };
  const baseKey = ReviewMemory.baseKey(pr.baseSha, scope);
  const knownBase = listed.complete ? ctx.memory.bases.get(baseKey) : undefined;
  // A review of some labs copies out only their files (and what chooses them), not the archive.
  const reads = scope.kind === "labs" ? readToChoose : undefined;
  const [head, base] = await Promise.all([
    readRepositoryAt(github, repo, pr.headSha, select("head"), reads),
    knownBase ? undefined : readRepositoryAt(github, repo, pr.baseSha, select("base"), reads),
  ]);
  const baseRepository = knownBase ?? loadRepository(base!.files, ctx.check).repository;
  if (!knownBase) ctx.memory.bases.set(baseKey, baseRepository);
  const changed = listed.complete ? listed.paths : diffPaths(base?.files ?? [], head.files);
  const proved = await lockProofFor(baseRepository, head.files, changed, ctx);
  const review = reviewPullRequest(
    {
      changed,
      base: baseRepository,
      head: head.files,
      headSha: pr.headSha,
      ...(proved?.index ? { remoteIndex: proved.index } : {}),
    },
    ctx,
  );
  const told = { ...review, plan: toldPlan(review.plan) };
  const loaded = {
    review: proved ? { ...told, lockProof: proved.proof } : told,
    filesRead: head.files.length,
    environmentsNotRead: environmentsOutside(headReading, head.paths),
  };
  // A proof the index could not give is asked again on the next delivery or re-run.
  if (proved?.proof.proven !== false) ctx.memory.reviews.set(key, loaded);
  return loaded;
}

/**
 * With `app.lockProof: index` and a remote index, the index's answer for the
 * locks the change affects; undefined when the review stays offline. Only
 * labenv.yaml is loaded to decide, the whole head only when the proof is on.
 */
async function lockProofFor(
  base: Repository,
  head: readonly RepoFile[],
  changed: readonly string[],
  ctx: { check: SchemaCheck; lockProof?: LockProofOptions },
): Promise<Awaited<ReturnType<typeof proveLocks>> | undefined> {
  const config = head.filter((f) => f.path === "labenv.yaml" || f.path === "labenv.yml");
  if (!wantsLockProof(base, loadRepository(config, ctx.check).repository)) return undefined;
  return proveLocks(loadRepository(head, ctx.check).repository, changed, ctx.lockProof);
}

/**
 * The plan as the app tells it (the comment: outcome, kind, reason and field changes of each
 * action, costs, digest): without the desired and observed resource each action carries. Those
 * are every task definition and service of every environment read, and a remembered review
 * (up to 32 of them) kept them all, about 4 MB each for a review across 20 labs.
 */
function toldPlan(plan: Plan): Plan {
  return {
    ...plan,
    stages: plan.stages.map((stage) => ({
      ...stage,
      actions: stage.actions.map((a) => ({
        outcome: a.outcome,
        kind: a.kind,
        key: a.key,
        environment: a.environment,
        reason: a.reason,
        changes: a.changes,
      })),
    })),
  };
}
