import { publishCheckRun } from "../github/check-runs.js";
import { loadReview } from "../github/load-review.js";
import {
  publishApprovals,
  publishNothingToValidate,
  publishPlan,
  publishValidation,
} from "../github/publish-review.js";
import { pullRequestRef } from "../review/pull-request-ref.js";
import { defineHandler, reviewContext } from "./handler.js";

/**
 * A pull request opened, pushed to or reopened: validate the head commit
 * (check run with annotations), post or update the plan comment, and judge
 * approvals. Both checks are reported on every pull request so that branch
 * protection can require them.
 */
export const pullRequestHandler = defineHandler({
  name: "pull-request",
  events: ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
  async run(context, deps) {
    const pr = pullRequestRef(context.repo(), context.payload.pull_request);
    const loaded = await loadReview(context.octokit, pr, reviewContext(deps));
    if (!loaded) {
      await publishNothingToValidate(context.octokit, pr);
      await publishApprovals(context.octokit, pr, undefined);
      return;
    }
    await publishValidation(context.octokit, pr, loaded);
    const comment = await publishPlan(context.octokit, pr, loaded);
    const approved = await publishApprovals(context.octokit, pr, loaded);
    context.log.info(
      {
        pr: pr.number,
        head: pr.headSha,
        findings: loaded.review.findings.length,
        comment: comment.action,
        approved,
      },
      "labenv reviewed the pull request",
    );
  },
  async onError(context, error) {
    const pr = context.payload.pull_request;
    await publishCheckRun(context.octokit, context.repo(), {
      name: "labenv/validate",
      headSha: pr.head.sha,
      status: "completed",
      conclusion: "failure",
      output: {
        title: "labenv could not review this pull request",
        summary: `${error.message}\n\nThe delivery failed; redeliver it from the app's settings or push again.`,
      },
    });
  },
});
