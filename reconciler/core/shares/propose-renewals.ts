import type { Repository } from "../model/documents.js";
import type { GitHost } from "../../ports/git-host.js";
import { proposePullRequest, type Proposal } from "../proposals/propose-pull-request.js";
import { renewalDue, renewalPullRequest, renewalTerms } from "./renewal-pull-request.js";

/** What happened to one share's renewal proposal on this run. */
export interface RenewalProposal extends Proposal {
  /** `lab/name` */
  share: string;
  expires: string;
}

/**
 * Opens (or updates in place, found by its head branch) a renewal pull request for every share
 * whose last day is within its notice period (a week unless `renewalTerms` says otherwise). Safe to repeat: an up-to-date pull request costs no
 * write, and one that was closed without merging is left closed. A host failure for one share
 * is reported for it and never stops the others.
 */
export async function proposeRenewals(
  repo: Repository,
  today: string,
  base: string,
  host: GitHost,
): Promise<RenewalProposal[]> {
  const out: RenewalProposal[] = [];
  for (const [id, share] of [...repo.shares].sort(([a], [b]) => a.localeCompare(b))) {
    if (!renewalDue(share, today, renewalTerms(repo, share))) continue;
    const spec = renewalPullRequest(repo, share, base);
    const expires = share.doc.spec.expires;
    out.push({
      share: id,
      expires,
      ...(await proposePullRequest(
        host,
        spec,
        (n) => `#${n} was closed without merging: the share ends on ${expires}`,
      )),
    });
  }
  return out;
}
