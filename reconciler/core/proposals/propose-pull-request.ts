import { isLabenvError } from "../errors.js";
import type { DriftPullRequestSpec, GitHost } from "../../ports/git-host.js";

/**
 * What became of a pull request labenv proposes on its own (a snapshot's record, a share's
 * renewal): `created`/`updated`/`unchanged`, the pull request as it stands now; `declined`, one
 * proposing this very change was closed without merging, so none is opened again; `failed`, the
 * git host refused (named in `reason`), tried again on the next run.
 */
export type ProposalOutcome = "created" | "updated" | "unchanged" | "declined" | "failed";

export interface Proposal {
  branch: string;
  outcome: ProposalOutcome;
  number?: number;
  url?: string;
  reason?: string;
}

/** How a proposal's outcome is told in the reconcile's output. */
export const PROPOSAL_WORDS: Record<ProposalOutcome, string> = {
  created: "opened",
  updated: "updated",
  unchanged: "open",
  declined: "declined",
  failed: "failed",
};

/**
 * Opens the pull request of `spec.branch`, or updates the open one in place (found by its head
 * branch), unless one proposing exactly this change (`spec.fingerprint`) was closed without
 * merging. A git host failure is this proposal's outcome, never a throw, so one document's
 * trouble never stops the others.
 */
export async function proposePullRequest(
  host: GitHost,
  spec: DriftPullRequestSpec,
  whenDeclined: (number: number) => string,
): Promise<Proposal> {
  const branch = spec.branch;
  try {
    const found = host.findPullRequests
      ? await host.findPullRequests(branch)
      : [await host.findOpenPullRequest?.(branch)].filter((p) => p !== undefined);
    const declined = found.find((p) => p.state === "closed" && p.fingerprint === spec.fingerprint);
    if (declined)
      return {
        branch,
        outcome: "declined",
        number: declined.number,
        ...(declined.url ? { url: declined.url } : {}),
        reason: whenDeclined(declined.number),
      };
    const open = found.find((p) => p.state === "open");
    const r = await host.ensureDriftPullRequest(spec, open);
    return { branch, outcome: r.outcome, number: r.number, ...(r.url ? { url: r.url } : {}) };
  } catch (e) {
    if (!isLabenvError(e)) throw e;
    return { branch, outcome: "failed", reason: e.message };
  }
}
