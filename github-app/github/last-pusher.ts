import { LabenvError } from "../../reconciler/core/errors.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import type { GitHubClient } from "./github-client.js";

/** Who pushed a pull request's head commit, or why that cannot be known. */
export type LastPusher = { login: string } | { unknown: string };

/**
 * Who pushed the head commit, from the repository's activity (pushes, force
 * pushes and branch creations name their actor, `GET /repos/{o}/{r}/activity`).
 * Anyone with write access can push into someone else's pull request branch;
 * GitHub's "approval of the most recent reviewable push" then refuses that
 * pusher's approval, and so does labenv. A fork's pushes are not in this
 * repository's activity: when maintainers may push to it, the pusher is
 * unknown (no approval counts); otherwise it is the fork's owner.
 */
export async function lastPusher(github: GitHubClient, pr: PullRequestRef): Promise<LastPusher> {
  const short = pr.headSha.slice(0, 7);
  if (pr.headRepo !== `${pr.owner}/${pr.repo}`) {
    const owner = pr.headRepo?.split("/")[0];
    if (pr.maintainerCanModify !== false || !owner)
      return {
        unknown: `the head of #${pr.number} is in the fork ${pr.headRepo ?? "(deleted)"}, which this repository's maintainers may push to, and labenv cannot see who pushed ${short}: untick "Allow edits by maintainers" or push the branch to this repository`,
      };
    return { login: owner };
  }
  try {
    const { data } = await github.rest.repos.listActivities({
      owner: pr.owner,
      repo: pr.repo,
      ref: `refs/heads/${pr.headRef}`,
      per_page: 100,
    });
    const push = data.find((a) => a.after === pr.headSha && a.activity_type !== "branch_deletion");
    if (!push?.actor)
      return {
        unknown: `no push of ${short} to ${pr.headRef} is in the repository's activity, so labenv cannot tell who pushed it: push again`,
      };
    return { login: push.actor.login };
  } catch (e) {
    if ((e as { status?: number }).status === 404)
      return {
        unknown: `this GitHub has no repository activity API (GET /repos/{owner}/{repo}/activity), so labenv cannot tell who pushed ${short}`,
      };
    throw new LabenvError(
      "git",
      `cannot read who pushed ${short} to ${pr.headRef}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}
