import { isLabenvError } from "../errors.js";
import type { Repository } from "../model/documents.js";
import type { GitHost } from "../../ports/git-host.js";
import { renewalDue, renewalPullRequest } from "./renewal-pull-request.js";

/** What happened to one share's renewal proposal on this run. */
export interface RenewalProposal {
  /** `lab/name` */
  share: string;
  expires: string;
  branch: string;
  /**
   * `created`/`updated`/`unchanged`: the pull request as it stands now; `declined`: a pull
   * request proposing this very renewal was closed without merging, so none is opened again;
   * `failed`: the git host refused (named in `reason`), tried again on the next run.
   */
  outcome: "created" | "updated" | "unchanged" | "declined" | "failed";
  number?: number;
  url?: string;
  reason?: string;
}

/**
 * Opens (or updates in place, found by its head branch) a renewal pull request for every share
 * whose last day is a week away or less. Safe to repeat: an up-to-date pull request costs no
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
    if (!renewalDue(share, today)) continue;
    const spec = renewalPullRequest(repo, share, base);
    const row = { share: id, expires: share.doc.spec.expires, branch: spec.branch };
    try {
      const found = host.findPullRequests
        ? await host.findPullRequests(spec.branch)
        : [await host.findOpenPullRequest?.(spec.branch)].filter((p) => p !== undefined);
      const declined = found.find(
        (p) => p.state === "closed" && p.fingerprint === spec.fingerprint,
      );
      if (declined) {
        out.push({
          ...row,
          outcome: "declined",
          number: declined.number,
          ...(declined.url ? { url: declined.url } : {}),
          reason: `#${declined.number} was closed without merging: the share ends on ${row.expires}`,
        });
        continue;
      }
      const open = found.find((p) => p.state === "open");
      const r = await host.ensureDriftPullRequest(spec, open);
      out.push({ ...row, outcome: r.outcome, number: r.number, ...(r.url ? { url: r.url } : {}) });
    } catch (e) {
      if (!isLabenvError(e)) throw e;
      out.push({ ...row, outcome: "failed", reason: e.message });
    }
  }
  return out;
}
