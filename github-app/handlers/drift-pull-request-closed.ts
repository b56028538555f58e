import {
  driftPullRequest,
  driftClosedComment,
  DRIFT_CLOSED_MARKER,
} from "../review/drift-pull-request.js";
import { defineHandler } from "./handler.js";

/**
 * A drift pull request (branch `labenv/drift/<lab>/<env>`, opened by labenv)
 * closed. Merged: the lock now says what runs, nothing to re-apply.
 * Closed unmerged: the drift is refused, so the committed lock is re-applied
 * (a revert request through the reconcile port). Either way one comment says
 * what happens; a repeated delivery does not comment twice.
 */
export const driftPullRequestClosedHandler = defineHandler({
  name: "drift-pull-request-closed",
  events: ["pull_request.closed"],
  async run(context, deps) {
    const pr = context.payload.pull_request;
    const drift = driftPullRequest(pr, context.payload.repository.full_name);
    if (!drift) return;
    const issue = context.issue();
    const comments = await context.octokit.paginate(context.octokit.rest.issues.listComments, {
      ...issue,
      per_page: 100,
    });
    if (
      comments.some((c) => c.user?.type === "Bot" && (c.body ?? "").includes(DRIFT_CLOSED_MARKER))
    )
      return;
    const installation = context.payload.installation?.id;
    const request = {
      revert: drift.environment,
      ...(drift.fingerprint ? { fingerprint: drift.fingerprint } : {}),
      ...(installation !== undefined ? { installationId: installation } : {}),
    };
    const report = pr.merged
      ? undefined
      : await deps.trigger.trigger(pr.base.sha, context.repo(), request);
    await context.octokit.rest.issues.createComment({
      ...issue,
      body: driftClosedComment(
        drift,
        pr.merged ? { merged: true } : { merged: false, commit: pr.base.sha, report: report! },
      ),
    });
    context.log.info(
      { pr: pr.number, environment: drift.environment, merged: pr.merged },
      "labenv drift pull request closed",
    );
  },
});
