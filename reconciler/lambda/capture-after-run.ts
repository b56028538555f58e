import { withCloneSnapshots } from "../core/shares/clone-shares.js";
import { captureSnapshots, type CaptureResult } from "../core/snapshots/capture.js";
import { scheduledIdOf } from "../core/snapshots/prune-plan.js";
import { proposeRecords, type RecordProposal } from "../core/snapshots/propose-records.js";
import { heldScheduledSnapshots } from "../core/snapshots/schedule.js";
import { readManifests } from "../core/snapshots/snapshot-list.js";
import type { Repository } from "../core/model/documents.js";
import type { ObservedResource } from "../core/model/resources.js";
import type { GitHost } from "../ports/git-host.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Provider } from "../ports/provider.js";
import type { SnapshotSources } from "../ports/snapshot-sources.js";

/** What the capture step of a Lambda run did: each snapshot's state, and the records proposed. */
export interface CaptureAfterRun {
  snapshots: { id: string; outcome: CaptureResult["outcome"]; reason?: string; digest?: string }[];
  records?: RecordProposal[] | { skipped: string };
}

/**
 * The capture step as `labenv reconcile` ends with it, in the Lambda: every Snapshot document,
 * clone share's snapshot and held scheduled snapshot whose parts are taken goes on (on AWS: the
 * home-inventory task, then the manifest — objects before manifest), then captured snapshots'
 * records are proposed through labenv's own pull request (manifest before the git record). A
 * repository that asks for no snapshot reads nothing.
 */
export async function captureAfterRun(
  repository: Repository,
  input: { commit: string; today: string; baseBranch: string },
  ports: {
    provider: Provider;
    objects: ObjectStore;
    sources: (observed: readonly ObservedResource[]) => SnapshotSources;
    gitHost: () => Promise<GitHost>;
    now: () => Date;
  },
): Promise<CaptureAfterRun | undefined> {
  const withClones = withCloneSnapshots(repository, input.today);
  const observed = (await ports.provider.observe()).resources;
  const parts = new Map<string, { packages: boolean; home: boolean }>();
  for (const o of observed) {
    const id = scheduledIdOf(o);
    if (!id) continue;
    const p = parts.get(id) ?? { packages: false, home: false };
    parts.set(id, o.kind === "ebs-snapshot" ? { ...p, packages: true } : { ...p, home: true });
  }
  const scheduled = heldScheduledSnapshots(withClones, parts);
  if (withClones.snapshots.size === 0 && scheduled.size === 0) return undefined;
  const results = await captureSnapshots(
    {
      repository: { ...withClones, snapshots: new Map([...withClones.snapshots, ...scheduled]) },
      commit: input.commit,
      provider: ports.provider.label,
      observed,
    },
    { objects: ports.objects, sources: ports.sources(observed), now: ports.now },
  );
  const out: CaptureAfterRun = {
    snapshots: results.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      ...("reason" in r ? { reason: r.reason } : {}),
      ...(r.digest ? { digest: r.digest } : {}),
    })),
  };
  const manifests = (await readManifests(ports.objects)).filter((m) =>
    repository.snapshots.has(m.id),
  );
  if (manifests.length > 0) {
    try {
      out.records = await proposeRecords(
        repository,
        manifests,
        input.baseBranch,
        await ports.gitHost(),
      );
    } catch (e) {
      out.records = { skipped: (e as Error).message };
    }
  }
  return out;
}
