import type { AuditQuery } from "./audit-report.js";
import type { AttributedChange, TimelineCommit } from "./timeline-commit.js";

/** Whether a change falls under the auditor's filters (lab, experiment, funding source). */
export function inScope(change: AttributedChange, q: AuditQuery): boolean {
  if (q.lab !== undefined) {
    const lab = q.lab;
    const ofLab =
      change.lab === lab ||
      change.share?.to === lab ||
      change.concerns.some((r) => r.key.startsWith(`${lab}/`));
    if (!ofLab) return false;
  }
  if (q.experiment !== undefined && !change.concerns.some((r) => r.experiment === q.experiment))
    return false;
  if (q.funding !== undefined && !change.concerns.some((r) => r.funding === q.funding))
    return false;
  return true;
}

/** The commits with at least one change in scope, each narrowed to those changes. */
export function scopedCommits(commits: readonly TimelineCommit[], q: AuditQuery): TimelineCommit[] {
  const out: TimelineCommit[] = [];
  for (const c of commits) {
    const changes = c.changes.filter((ch) => inScope(ch, q));
    if (changes.length > 0) out.push(changes.length === c.changes.length ? c : { ...c, changes });
  }
  return out;
}
