import type { Repository } from "../model/documents.js";
import type { Plan, RestoreSource } from "../model/plan.js";
import type { ObservedResource } from "../model/resources.js";
import { restoreDone } from "./home-overwrite.js";
import { decideRetention, keptHotBy, observedTiersOf } from "./retention.js";

/**
 * Where each restore still to run comes from, for the plan: every environment whose
 * `restoreFrom` is not done yet (`done`: `lab/env from lab/env/name`), with the tier its
 * snapshot's parts are in — as the provider reports it, or by labenv's schedule — and what the
 * restore waits for before it starts (the EBS archive tier's 24–72 hours, AWS Backup cold
 * storage's hours, or nothing). The capture time is the SnapshotRecord's, else the volume
 * snapshot's or recovery point's; a snapshot with neither is not captured yet (the restore's own
 * decision says why it waits). Pure.
 */
export function restoreSources(
  repo: Repository,
  observed: readonly ObservedResource[],
  today: string,
  done: ReadonlySet<string>,
  /**
   * The repository whose `restoreFrom`s kept the snapshots hot until now (default `repo`): a
   * pull request's preview passes its base, since a restore it adds was not holding its
   * snapshot back before, so the schedule may have moved it already.
   */
  keptBy: Repository = repo,
): RestoreSource[] {
  const out: RestoreSource[] = [];
  for (const [key, env] of [...repo.environments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const id = env.doc.spec.restoreFrom?.snapshot;
    if (!id || done.has(restoreDone(key, id))) continue;
    const record = repo.snapshotRecords.get(id)?.doc.spec;
    const volume = observed.find((o) => o.key === `ebs-snapshot:${id}`);
    const home = observed.find((o) => o.key === `backup-job:${id}`);
    const capturedAt = record?.capturedAt ?? volume?.startedAt ?? home?.startedAt;
    if (!capturedAt) continue;
    const keptHot = keptHotBy(keptBy, id);
    const d = decideRetention(capturedAt, repo.snapshots.get(id)?.doc.spec.retention, today, {
      ...(keptHot ? { keptHot } : {}),
      parts: record
        ? { volume: record.volumeSnapshotId !== undefined, home: record.home !== undefined }
        : { volume: volume !== undefined, home: home !== undefined },
      observed: observedTiersOf(observed, id),
    });
    out.push({
      environment: key,
      snapshot: id,
      tier: d.tier,
      tierFrom: d.tierFrom,
      reason: `restore from ${id}, ${d.tier} (${d.tierFrom === "provider" ? "as AWS reports it" : "by labenv's schedule"}: ${d.tierWhy}): it waits for ${d.restoreWait}`,
    });
  }
  return out;
}

/** The plan with where its restores come from (informational: not part of the digest). */
export function withRestoreSources(plan: Plan, sources: readonly RestoreSource[]): Plan {
  return sources.length === 0 ? plan : { ...plan, restoreSources: [...sources] };
}
