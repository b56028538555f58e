import { branchTip } from "../github/branch-tip.js";
import { judgeApprovals } from "../github/judge-approvals.js";
import { loadReview } from "../github/load-review.js";
import { publishNothingToValidate, publishValidation } from "../github/publish-review.js";
import { openPullRequestsWithHead } from "../github/pull-requests-for-head.js";
import { defineHandler, judgeContext, reviewContext } from "./handler.js";

/**
 * "Re-run" on one of this app's checks: run that check again for its head
 * commit. Approvals are judged over every open pull request into the default
 * branch with that head (not whichever one GitHub lists first); validation
 * reads the head against the tip of a pull request's base (one into the
 * default branch first).
 */
export const checkRunRerequestedHandler = defineHandler({
  name: "check-run-rerequested",
  events: ["check_run.rerequested"],
  async run(context, deps) {
    const run = context.payload.check_run;
    const identity = run.name.startsWith("labenv/") ? await deps.identity() : undefined;
    if (!identity || run.app?.id !== identity.id) {
      context.log.info(
        { check: run.name, app: run.app?.id },
        "labenv ignores this re-run: not its check",
      );
      return;
    }
    const repo = context.repo();
    const defaultBranch = context.payload.repository.default_branch;
    if (run.name === "labenv/approvals") {
      await deps.serial.run(`${repo.owner}/${repo.repo}@${run.head_sha}`, async () =>
        judgeApprovals(
          context.octokit,
          {
            repo,
            headSha: run.head_sha,
            defaultBranch,
            tip: await branchTip(context.octokit, repo, defaultBranch),
          },
          judgeContext(deps, identity),
        ),
      );
      return;
    }
    const prs = await openPullRequestsWithHead(context.octokit, repo, run.head_sha);
    const pr = prs.find((p) => p.baseRef === defaultBranch) ?? prs[0];
    if (!pr) {
      context.log.info({ head: run.head_sha }, "labenv re-run: no open pull request has this head");
      return;
    }
    const at = { ...pr, baseSha: await branchTip(context.octokit, repo, pr.baseRef) };
    const loaded = await loadReview(context.octokit, at, reviewContext(deps));
    if (loaded) await publishValidation(context.octokit, at, loaded);
    else await publishNothingToValidate(context.octokit, at);
  },
});
