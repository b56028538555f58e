import { LabenvError } from "../../reconciler/core/errors.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

export const RECONCILE_STATUS = "labenv/reconcile";

export type StatusState = "pending" | "success" | "failure" | "error";

/** Sets the `labenv/reconcile` commit status (descriptions are cut to GitHub's 140 characters). */
export async function setReconcileStatus(
  github: GitHubClient,
  repo: RepoRef,
  sha: string,
  state: StatusState,
  description: string,
  targetUrl?: string,
): Promise<void> {
  try {
    await github.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state,
      context: RECONCILE_STATUS,
      description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
      ...(targetUrl ? { target_url: targetUrl } : {}),
    });
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot set ${RECONCILE_STATUS} on ${sha.slice(0, 7)}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}
