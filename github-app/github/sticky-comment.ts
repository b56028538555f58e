import { LabenvError } from "../../reconciler/core/errors.js";
import {
  decideStickyComment,
  PLAN_MARKER_PREFIX,
  type PlanMarker,
  type StickyDecision,
} from "../review/sticky-decision.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * Writes the plan comment of a pull request: finds this app's comment (its
 * bot's login, `botLogin`: another bot's comment carrying the same marker is
 * not ours to edit) by its hidden marker, then creates, updates in place, or leaves it (identical, or
 * already showing a newer push). Safe to repeat.
 */
export async function upsertPlanComment(
  github: GitHubClient,
  pr: RepoRef & { number: number },
  body: string,
  marker: PlanMarker,
  botLogin: string,
): Promise<StickyDecision> {
  const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
  try {
    const comments = await github.paginate(github.rest.issues.listComments, {
      ...issue,
      per_page: 100,
    });
    const mine = comments.find(
      (c) =>
        c.user?.type === "Bot" &&
        c.user.login === botLogin &&
        (c.body ?? "").includes(PLAN_MARKER_PREFIX),
    );
    const decision = decideStickyComment(
      mine ? { id: mine.id, body: mine.body ?? "" } : undefined,
      { body, marker },
    );
    if (decision.action === "create") await github.rest.issues.createComment({ ...issue, body });
    else if (decision.action === "update")
      await github.rest.issues.updateComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: decision.id,
        body,
      });
    return decision;
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot write the plan comment on #${pr.number}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}
