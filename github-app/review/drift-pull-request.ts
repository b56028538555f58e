import type { ReconcileReport } from "../reconcile-trigger.js";

export const DRIFT_BRANCH_PREFIX = "labenv/drift/";
export const DRIFT_CLOSED_MARKER = "<!-- labenv:drift-closed -->";

export interface DriftPullRequest {
  /** `<lab>/<env>` */
  environment: string;
  fingerprint?: string;
}

interface ClosedPullRequest {
  head: { ref: string; repo: { full_name: string } | null };
  base: { ref: string };
  user: { login: string; type?: string } | null;
  body: string | null;
}

/** Where a drift pull request must come from to be one: this repository, its default branch, this app's bot. */
export interface DriftOrigin {
  repository: string;
  defaultBranch: string;
  /** This app's bot login (`<slug>[bot]`): any other bot can open a branch of that name. */
  botLogin: string;
}

/**
 * A drift pull request is one labenv opened itself: its branch is
 * `labenv/drift/<lab>/<env>` in this repository (not a fork), it is into the
 * default branch, and its author is this app's bot (not merely a bot). Its
 * body carries `<!-- labenv:drift fingerprint=… -->`.
 */
export function driftPullRequest(
  pr: ClosedPullRequest,
  origin: DriftOrigin,
): DriftPullRequest | undefined {
  const m = /^labenv\/drift\/([^/]+)\/([^/]+)$/.exec(pr.head.ref);
  if (
    !m ||
    pr.head.repo?.full_name !== origin.repository ||
    pr.base.ref !== origin.defaultBranch ||
    pr.user?.type !== "Bot" ||
    pr.user.login !== origin.botLogin
  )
    return undefined;
  const fingerprint = /<!-- labenv:drift fingerprint=([^\s>]+) -->/.exec(pr.body ?? "")?.[1];
  return { environment: `${m[1]}/${m[2]}`, ...(fingerprint ? { fingerprint } : {}) };
}

export function driftClosedComment(
  drift: DriftPullRequest,
  outcome: { merged: true } | { merged: false; commit: string; report: ReconcileReport },
): string {
  if (outcome.merged) {
    return `${DRIFT_CLOSED_MARKER}\nlabenv: the lock of \`${drift.environment}\` is updated to what runs. No re-apply needed.`;
  }
  return [
    DRIFT_CLOSED_MARKER,
    `labenv: this drift was not accepted. The committed lock of \`${drift.environment}\` (on \`${outcome.commit.slice(0, 7)}\`) will be re-applied, so the running environment matches it again; packages installed by hand since are replaced by the locked ones (a snapshot of /opt/jupyter is taken first).`,
    "",
    `Revert request: ${outcome.report.description}${drift.fingerprint ? ` (drift fingerprint \`${drift.fingerprint}\`)` : ""}.`,
  ].join("\n");
}
