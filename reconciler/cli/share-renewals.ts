import { LabenvError } from "../core/errors.js";
import { PROPOSAL_WORDS } from "../core/proposals/propose-pull-request.js";
import { proposeRenewals, type RenewalProposal } from "../core/shares/propose-renewals.js";
import { renewalDue, renewalTerms } from "../core/shares/renewal-pull-request.js";
import type { RunContext } from "./context.js";
import { openGitHost } from "./drift-loop.js";

/**
 * After a reconcile: the renewal pull requests of the shares within their renewal notice (a week unless configured), or why they
 * were skipped (no git host). Undefined when no share is due (nothing is asked of the host).
 */
export async function renewalsForContext(
  ctx: RunContext,
  now: () => Date,
  today: string,
): Promise<RenewalProposal[] | { skipped: string } | undefined> {
  if (
    ![...ctx.repository.shares.values()].some((s) =>
      renewalDue(s, today, renewalTerms(ctx.repository, s)),
    )
  )
    return undefined;
  try {
    const host = openGitHost(ctx, now);
    return await proposeRenewals(
      ctx.repository,
      today,
      ctx.config.git?.defaultBranch ?? "main",
      host,
    );
  } catch (e) {
    if (!(e instanceof LabenvError) || (e.code !== "git" && e.code !== "config")) throw e;
    return { skipped: `${e.message}${e.hint ? ` (${e.hint})` : ""}` };
  }
}

/** One line per share due for renewal: the pull request proposing it, or why there is none. */
export function renderRenewals(r: RenewalProposal[] | { skipped: string }): string {
  if ("skipped" in r) return `share renewals: skipped — ${r.skipped}`;
  return [
    "share renewals:",
    ...r.map(
      (p) =>
        `  ${p.outcome === "failed" ? "✖" : "·"} ${p.share} ends ${p.expires}: ${PROPOSAL_WORDS[p.outcome]}${p.number !== undefined ? ` #${p.number}` : ""} (${p.branch})${p.reason ? ` — ${p.reason}` : ""}`,
    ),
  ].join("\n");
}
