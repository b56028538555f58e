import { branchTip } from "../github/branch-tip.js";
import {
  driftPullRequest,
  driftClosedComment,
  DRIFT_CLOSED_MARKER,
} from "../review/drift-pull-request.js";
import { defineHandler } from "./handler.js";

/**
 * A drift pull request (branch `labenv/drift/<lab>/<env>`, opened by this
 * app into the default branch) closed. Merged: the lock now says what runs,
 * nothing to re-apply. Closed unmerged: the drift is refused, so the
 * committed lock is re-applied (a revert request through the reconcile port,
 * for the default branch's current tip). Either way one comment says what
 * happens; a repeated delivery does not comment twice.
 */
export const driftPullRequestClosedHandler = defineHandler({
  name: "drift-pull-request-closed",
  events: ["pull_request.closed"],
  async run(context, deps) {
    const pr = context.payload.pull_request;
    if (!pr.head.ref.startsWith("labenv/drift/")) return;
    const identity = await deps.identity();
    const defaultBranch = context.payload.repository.default_branch;
    const drift = driftPullRequest(pr, {
      repository: context.payload.repository.full_name,
      defaultBranch,
      botLogin: identity.login,
    });
    if (!drift) {
      context.log.info(
        { pr: pr.number, author: pr.user?.login, base: pr.base.ref },
        "labenv ignores this drift-named pull request: not opened by this app into the default branch",
      );
      return;
    }
    const issue = context.issue();
    const comments = await context.octokit.paginate(context.octokit.rest.issues.listComments, {
      ...issue,
      per_page: 100,
    });
    if (
      comments.some(
        (c) => c.user?.login === identity.login && (c.body ?? "").includes(DRIFT_CLOSED_MARKER),
      )
    )
      return;
    const installation = context.payload.installation?.id;
    const request = {
      revert: drift.environment,
      ...(drift.fingerprint ? { fingerprint: drift.fingerprint } : {}),
      ...(installation !== undefined ? { installationId: installation } : {}),
    };
    let outcome: Parameters<typeof driftClosedComment>[1] = { merged: true };
    if (!pr.merged) {
      const commit = await branchTip(context.octokit, context.repo(), defaultBranch);
      const report = await deps.trigger.trigger(commit, context.repo(), request);
      outcome = { merged: false, commit, report };
    }
    await context.octokit.rest.issues.createComment({
      ...issue,
      body: driftClosedComment(drift, outcome),
    });
    context.log.info(
      { pr: pr.number, environment: drift.environment, merged: pr.merged },
      "labenv drift pull request closed",
    );
  },
});
