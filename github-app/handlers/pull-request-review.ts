import { loadReview } from "../github/load-review.js";
import { publishApprovals } from "../github/publish-review.js";
import { pullRequestRef } from "../review/pull-request-ref.js";
import { defineHandler, reviewContext } from "./handler.js";

/** A review submitted or dismissed: judge the approvals again on the pull request's head commit. */
export const pullRequestReviewHandler = defineHandler({
  name: "pull-request-review",
  events: ["pull_request_review.submitted", "pull_request_review.dismissed"],
  async run(context, deps) {
    const pr = pullRequestRef(context.repo(), context.payload.pull_request);
    const loaded = await loadReview(context.octokit, pr, reviewContext(deps));
    const approved = await publishApprovals(context.octokit, pr, loaded);
    context.log.info({ pr: pr.number, head: pr.headSha, approved }, "labenv judged approvals");
  },
});
