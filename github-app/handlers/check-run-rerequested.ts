import { loadReview } from "../github/load-review.js";
import {
  publishApprovals,
  publishNothingToValidate,
  publishValidation,
} from "../github/publish-review.js";
import { pullRequestRef } from "../review/pull-request-ref.js";
import { defineHandler, reviewContext } from "./handler.js";

/** "Re-run" on a labenv check: run that check again for the same head commit. */
export const checkRunRerequestedHandler = defineHandler({
  name: "check-run-rerequested",
  events: ["check_run.rerequested"],
  async run(context, deps) {
    const run = context.payload.check_run;
    const number = run.pull_requests[0]?.number;
    if (!run.name.startsWith("labenv/") || number === undefined) {
      context.log.info(
        { check: run.name },
        "labenv ignores this re-run: not its check, or no pull request",
      );
      return;
    }
    const { data } = await context.octokit.rest.pulls.get({
      ...context.repo(),
      pull_number: number,
    });
    const pr = { ...pullRequestRef(context.repo(), data), headSha: run.head_sha };
    const loaded = await loadReview(context.octokit, pr, reviewContext(deps));
    if (run.name === "labenv/approvals") await publishApprovals(context.octokit, pr, loaded);
    else if (loaded) await publishValidation(context.octokit, pr, loaded);
    else await publishNothingToValidate(context.octokit, pr);
  },
});
