import { renderPlanComment } from "../render/plan-comment.js";
import { validateCheck } from "../render/validate-check.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import { planMarker, type StickyDecision } from "../review/sticky-decision.js";
import { publishCheckRun } from "./check-runs.js";
import type { GitHubClient } from "./github-client.js";
import type { LoadedReview } from "./load-review.js";
import { upsertPlanComment } from "./sticky-comment.js";

const repoOf = (pr: PullRequestRef) => ({ owner: pr.owner, repo: pr.repo });

/** `labenv/validate` on the head commit, with one annotation per finding. */
export async function publishValidation(
  github: GitHubClient,
  pr: PullRequestRef,
  loaded: LoadedReview,
): Promise<void> {
  const check = validateCheck(loaded.review, {
    files: loaded.filesRead,
    environmentsNotRead: loaded.environmentsNotRead,
  });
  await publishCheckRun(github, repoOf(pr), {
    name: "labenv/validate",
    headSha: pr.headSha,
    status: "completed",
    conclusion: check.conclusion,
    output: check.output,
    annotations: check.annotations,
  });
}

/** The sticky plan comment (found among the comments of `botLogin`, this app's bot). */
export async function publishPlan(
  github: GitHubClient,
  pr: PullRequestRef,
  loaded: LoadedReview,
  botLogin: string,
): Promise<StickyDecision> {
  const marker = { head: pr.headSha, at: pr.updatedAt };
  const headErrors = loaded.review.findings.filter((d) => d.severity === "error").length;
  const body = renderPlanComment(loaded.review.plan, {
    headSha: pr.headSha,
    marker: planMarker(marker),
    environmentsNotRead: loaded.environmentsNotRead,
    headErrors,
  });
  return upsertPlanComment(github, { ...repoOf(pr), number: pr.number }, body, marker, botLogin);
}

/** A pull request that touches nothing labenv manages: validation is skipped (which passes a required check). */
export async function publishNothingToValidate(
  github: GitHubClient,
  pr: PullRequestRef,
): Promise<void> {
  await publishCheckRun(github, repoOf(pr), {
    name: "labenv/validate",
    headSha: pr.headSha,
    status: "completed",
    conclusion: "skipped",
    output: {
      title: "nothing to validate",
      summary:
        "This pull request changes nothing under environments/, domain-packs/, schemas/ or labenv.yaml.",
    },
  });
}
