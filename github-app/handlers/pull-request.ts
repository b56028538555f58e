import { branchTip } from "../github/branch-tip.js";
import { publishCheckRun } from "../github/check-runs.js";
import { judgeApprovals } from "../github/judge-approvals.js";
import { loadReview } from "../github/load-review.js";
import {
  publishNothingToValidate,
  publishPlan,
  publishValidation,
} from "../github/publish-review.js";
import { pullRequestRef } from "../review/pull-request-ref.js";
import { defineHandler, judgeContext, reviewContext } from "./handler.js";

/**
 * A pull request opened, pushed to, reopened or retargeted (`edited` with
 * `changes.base`): validate the head commit against the tip of the base
 * branch (check run with annotations), post or update the plan comment, and
 * judge approvals of the head commit (only pull requests into the default
 * branch count). Both checks are reported on every pull request so that
 * branch protection can require them.
 */
export const pullRequestHandler = defineHandler({
  name: "pull-request",
  events: [
    "pull_request.opened",
    "pull_request.synchronize",
    "pull_request.reopened",
    "pull_request.edited",
  ],
  async run(context, deps) {
    const p = context.payload;
    if (p.action === "edited" && !p.changes.base) return; // a title or body edit changes nothing labenv judges
    const repo = context.repo();
    const defaultBranch = p.repository.default_branch;
    const identity = await deps.identity();
    const baseTip = await branchTip(context.octokit, repo, p.pull_request.base.ref);
    const pr = { ...pullRequestRef(repo, p.pull_request), baseSha: baseTip };
    const loaded = await loadReview(context.octokit, pr, reviewContext(deps));
    if (loaded) {
      await publishValidation(context.octokit, pr, loaded);
      await publishPlan(context.octokit, pr, loaded, identity.login);
    } else await publishNothingToValidate(context.octokit, pr);
    const intoDefault = pr.baseRef === defaultBranch;
    const approved = await deps.serial.run(`${repo.owner}/${repo.repo}@${pr.headSha}`, async () =>
      judgeApprovals(
        context.octokit,
        {
          repo,
          headSha: pr.headSha,
          defaultBranch,
          tip: intoDefault ? baseTip : await branchTip(context.octokit, repo, defaultBranch),
          known: [pr],
          ...(intoDefault ? { loaded: new Map([[pr.number, loaded]]) } : {}),
        },
        judgeContext(deps, identity),
      ),
    );
    context.log.info(
      {
        pr: pr.number,
        head: pr.headSha,
        base: `${pr.baseRef}@${baseTip.slice(0, 7)}`,
        findings: loaded?.review.findings.length ?? 0,
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
