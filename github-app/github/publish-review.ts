import { evaluateApprovals } from "../../reconciler/core/approvals/index.js";
import { approvalsCheck } from "../render/approvals-check.js";
import { renderPlanComment } from "../render/plan-comment.js";
import { validateCheck } from "../render/validate-check.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import { planMarker, type StickyDecision } from "../review/sticky-decision.js";
import { publishCheckRun } from "./check-runs.js";
import type { GitHubClient } from "./github-client.js";
import type { LoadedReview } from "./load-review.js";
import { listReviews, repositoryAdmins } from "./reviews.js";
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

/** The sticky plan comment. */
export async function publishPlan(
  github: GitHubClient,
  pr: PullRequestRef,
  loaded: LoadedReview,
): Promise<StickyDecision> {
  const marker = { head: pr.headSha, at: pr.updatedAt };
  const headErrors = loaded.review.findings.filter((d) => d.severity === "error").length;
  const body = renderPlanComment(loaded.review.plan, {
    headSha: pr.headSha,
    marker: planMarker(marker),
    environmentsNotRead: loaded.environmentsNotRead,
    headErrors,
  });
  return upsertPlanComment(github, { ...repoOf(pr), number: pr.number }, body, marker);
}

/** `labenv/approvals`: the reviews judged against the requirements (none when nothing labenv manages changed). */
export async function publishApprovals(
  github: GitHubClient,
  pr: PullRequestRef,
  loaded: LoadedReview | undefined,
): Promise<boolean> {
  const requirements = loaded?.review.requirements ?? [];
  const reviews =
    requirements.length > 0 ? await listReviews(github, { ...repoOf(pr), number: pr.number }) : [];
  const admins = await repositoryAdmins(github, repoOf(pr), requirements, reviews, pr.headSha);
  const evaluation = evaluateApprovals(requirements, reviews, {
    author: pr.author,
    headSha: pr.headSha,
    repositoryAdmins: admins,
  });
  const check = approvalsCheck(requirements, evaluation, loaded?.review.outsideLabs ?? []);
  await publishCheckRun(
    github,
    repoOf(pr),
    {
      name: "labenv/approvals",
      headSha: pr.headSha,
      status: check.status,
      ...(check.conclusion ? { conclusion: check.conclusion } : {}),
      output: check.output,
    },
    { reuse: true },
  );
  return evaluation.satisfied;
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
