import { setReconcileStatus } from "../github/commit-status.js";
import { defineHandler } from "./handler.js";

/** A push to the default branch: start a reconcile of that commit and report it as `labenv/reconcile`. */
export const pushHandler = defineHandler({
  name: "push",
  events: ["push"],
  async run(context, deps) {
    const p = context.payload;
    if (p.deleted || p.ref !== `refs/heads/${p.repository.default_branch}`) return;
    const repo = context.repo();
    await setReconcileStatus(
      context.octokit,
      repo,
      p.after,
      "pending",
      `reconcile of ${p.after.slice(0, 7)} requested`,
    );
    const report = await deps.trigger.trigger(
      p.after,
      repo,
      p.installation ? { installationId: p.installation.id } : {},
    );
    await setReconcileStatus(
      context.octokit,
      repo,
      p.after,
      report.state,
      report.description,
      report.targetUrl,
    );
    context.log.info({ commit: p.after, state: report.state }, "labenv reconcile triggered");
  },
  async onError(context, error) {
    const p = context.payload;
    if (p.deleted || p.ref !== `refs/heads/${p.repository.default_branch}`) return;
    await setReconcileStatus(
      context.octokit,
      context.repo(),
      p.after,
      "error",
      `could not start the reconcile: ${error.message}`,
    );
  },
});
