import { branchTip } from "../github/branch-tip.js";
import { judgeApprovals } from "../github/judge-approvals.js";
import { pullRequestRef } from "../review/pull-request-ref.js";
import { defineHandler, judgeContext } from "./handler.js";

/** A review submitted or dismissed: judge the approvals of the pull request's head commit again. */
export const pullRequestReviewHandler = defineHandler({
  name: "pull-request-review",
  events: ["pull_request_review.submitted", "pull_request_review.dismissed"],
  async run(context, deps) {
    const repo = context.repo();
    const defaultBranch = context.payload.repository.default_branch;
    const pr = pullRequestRef(repo, context.payload.pull_request);
    const identity = await deps.identity();
    const approved = await deps.serial.run(`${repo.owner}/${repo.repo}@${pr.headSha}`, async () =>
      judgeApprovals(
        context.octokit,
        {
          repo,
          headSha: pr.headSha,
          defaultBranch,
          tip: await branchTip(context.octokit, repo, defaultBranch),
          known: [pr],
        },
        judgeContext(deps, identity),
      ),
    );
    context.log.info({ pr: pr.number, head: pr.headSha, approved }, "labenv judged approvals");
  },
});
