import type { AuditQuery, AuditReport } from "./audit-report.js";
import type { ShareAccessEvent } from "../../ports/state-store.js";

/**
 * The report with the grants and revokes the state store recorded in its period (`--since`,
 * `--until`) and, for `--lab`, those of shares the lab lends or receives. The git history says
 * what was asked for; these say when the reconciler made it so. Pure.
 */
export function withShareAccess(
  report: AuditReport,
  events: readonly ShareAccessEvent[],
  query: AuditQuery,
): AuditReport {
  const since = query.since ? Date.parse(query.since) : -Infinity;
  const until = query.until ? Date.parse(query.until) : Infinity;
  const access = events.filter((e) => {
    const at = Date.parse(e.at);
    if (at < since || at > until) return false;
    if (!query.lab) return true;
    return e.share.split("/")[0] === query.lab || e.member.split("/")[0] === query.lab;
  });
  return { ...report, shares: { ...report.shares, access } };
}
