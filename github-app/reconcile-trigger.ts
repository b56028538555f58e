import type { RepoRef } from "./github/github-client.js";

/** What to reconcile besides "make the commit true". */
export interface ReconcileRequest {
  /** The app's installation on the repository (the reconciler reads the commit through it). */
  installationId?: number;
  /** `<lab>/<env>` whose committed lock is re-applied: its drift pull request was closed without merging. */
  revert?: string;
  /** The drift fingerprint the closed pull request carried. */
  fingerprint?: string;
}

/** What the app writes on the commit as `labenv/reconcile`. `pending` means the reconciler reports the result itself. */
export interface ReconcileReport {
  state: "pending" | "success" | "failure" | "error";
  description: string;
  targetUrl?: string;
}

/**
 * The port through which the app starts a reconcile after a merge to the
 * default branch (and a revert after a drift pull request is closed
 * unmerged). Resolves with what to report; rejects only when the reconcile
 * could not be started at all.
 */
export interface ReconcileTrigger {
  trigger(commit: string, repo: RepoRef, request?: ReconcileRequest): Promise<ReconcileReport>;
}

/** The job an implementation hands to the reconciler: plain JSON, the same in-process and as a Lambda payload. */
export interface ReconcileJob {
  source: "labenv.github-app";
  /** Full commit SHA on the default branch. */
  commit: string;
  /** `owner/repo`. */
  repository: string;
  installationId?: number;
  revert?: string;
  fingerprint?: string;
}

export function reconcileJob(
  commit: string,
  repo: RepoRef,
  request: ReconcileRequest = {},
): ReconcileJob {
  return {
    source: "labenv.github-app",
    commit,
    repository: `${repo.owner}/${repo.repo}`,
    ...(request.installationId !== undefined ? { installationId: request.installationId } : {}),
    ...(request.revert ? { revert: request.revert } : {}),
    ...(request.fingerprint ? { fingerprint: request.fingerprint } : {}),
  };
}

/** A reconcile that runs in this process and answers when it is done. */
export type ReconcileFunction = (job: ReconcileJob) => Promise<ReconcileReport>;

/**
 * Runs the given reconcile function in-process. Without one it reports that
 * no reconciler is configured (state `error`: nothing was applied, and the
 * commit status says so instead of pretending success).
 */
export function inProcessTrigger(reconcile?: ReconcileFunction): ReconcileTrigger {
  return {
    async trigger(commit, repo, request) {
      if (!reconcile)
        return { state: "error", description: "reconciler not configured: nothing was applied" };
      return reconcile(reconcileJob(commit, repo, request));
    },
  };
}
