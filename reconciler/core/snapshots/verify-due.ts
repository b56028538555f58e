import type { ObjectStore } from "../../ports/object-store.js";
import type { SnapshotSources } from "../../ports/snapshot-sources.js";
import { storedManifestIds } from "./snapshot-list.js";
import { latestVerification, recordVerification, type VerificationRecord } from "./verification.js";
import { verifySnapshot, type VerifyFinding } from "./verify.js";
import { selectDueVerifications, type VerifyCandidate } from "./verify-schedule.js";

/** Every captured snapshot in the object store (a manifest there), except those pruned by decision. */
export const capturedSnapshotIds = (objects: ObjectStore): Promise<string[]> =>
  storedManifestIds(objects);

/** What one scheduled verification pass did, and what it found. */
export interface DueVerifications {
  everyDays: number;
  /** Verified by this pass, with the record kept. */
  verified: VerificationRecord[];
  /**
   * Every snapshot whose latest verify (this pass's or an earlier one) found a problem: reported
   * on every pass until a verify proves it again. labenv deletes and rewrites nothing for it.
   */
  failing: { id: string; verifiedAt: string; findings: VerifyFinding[] }[];
  /** Due but not verified by this pass, and why (the count or the time budget): the next pass takes them. */
  left: string[];
  leftWhy?: string;
  /** Verified within the period. */
  notDue: number;
  /** Why the pass stopped early: an error reading AWS or the store (nothing is recorded for that snapshot). */
  error?: string;
}

/**
 * The scheduled verification: each captured snapshot at most once per `everyDays`, oldest
 * verification first, at most `maxPerRun`, and none started once `deadline` has passed. Each
 * verify is kept (`verifications/<id>/`), exactly as `labenv snapshot verify` keeps it; nothing
 * under `snapshots/` is written, whatever is found.
 */
export async function verifyDueSnapshots(
  deps: { objects: ObjectStore; sources: () => SnapshotSources | Promise<SnapshotSources> },
  opts: { everyDays: number; maxPerRun: number; deadline: Date; now: () => Date; by: string },
): Promise<DueVerifications> {
  const ids = await capturedSnapshotIds(deps.objects);
  const candidates: VerifyCandidate[] = [];
  const previous = new Map<string, VerificationRecord>();
  for (const id of ids) {
    const v = await latestVerification(deps.objects, id);
    if (!v) candidates.push({ id });
    else if ("problem" in v) candidates.push({ id, last: "unreadable" });
    else {
      previous.set(id, v.record);
      candidates.push({ id, last: { verifiedAt: v.record.verifiedAt, ok: v.record.ok } });
    }
  }
  const selection = selectDueVerifications(candidates, opts.now(), opts);
  const out: DueVerifications = {
    everyDays: opts.everyDays,
    verified: [],
    failing: [],
    left: [...selection.left],
    notDue: selection.notDue.length,
  };
  if (selection.left.length > 0)
    out.leftWhy = `more than ${opts.maxPerRun} due (snapshots.verifyMaxPerRun)`;
  const sources = selection.due.length > 0 ? await deps.sources() : undefined;
  for (const [i, id] of selection.due.entries()) {
    if (opts.now() >= opts.deadline) {
      out.left.unshift(...selection.due.slice(i));
      out.leftWhy = "this run's time budget is spent";
      break;
    }
    try {
      const report = await verifySnapshot(id, { objects: deps.objects, sources: sources! });
      const record = await recordVerification(deps.objects, report, opts.now(), opts.by);
      out.verified.push(record);
      previous.set(id, record);
    } catch (e) {
      out.error = `verifying ${id}: ${(e as Error).message}`;
      out.left.unshift(...selection.due.slice(i));
      out.leftWhy = "the pass stopped on an error";
      break;
    }
  }
  for (const [id, r] of [...previous].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (!r.ok) out.failing.push({ id, verifiedAt: r.verifiedAt, findings: r.findings });
  return out;
}

/** The pass in a few lines, the failures first and loud. */
export function renderDueVerifications(r: DueVerifications): string[] {
  const lines: string[] = [];
  for (const f of r.failing) {
    lines.push(
      `✖ snapshot ${f.id} FAILED verification at ${f.verifiedAt}: ${f.findings.length} ${f.findings.length === 1 ? "problem" : "problems"} — nothing was deleted or rewritten; see labenv snapshot show ${f.id}`,
    );
    for (const x of f.findings.slice(0, 5))
      lines.push(
        `    ${x.object}: ${x.problem}${x.expected ? `, expected ${x.expected}` : ""}${x.actual ? `, found ${x.actual}` : ""}`,
      );
    if (f.findings.length > 5) lines.push(`    … and ${f.findings.length - 5} more`);
  }
  const ok = r.verified.filter((v) => v.ok).length;
  lines.push(
    `snapshot verification (every ${r.everyDays} days): ${r.verified.length} verified now (${ok} intact, ${r.verified.length - ok} failed), ${r.notDue} not due, ${r.left.length} left for the next run${r.leftWhy ? ` (${r.leftWhy})` : ""}`,
  );
  if (r.error) lines.push(`✖ snapshot verification stopped: ${r.error}`);
  return lines;
}
