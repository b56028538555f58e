import type { Repository } from "../core/model/documents.js";
import type { ObservedResource } from "../core/model/resources.js";
import { completeRestores, manifestsFor, type RestoreResult } from "../core/snapshots/restore.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Provider } from "../ports/provider.js";
import type { HomeRestorer, SnapshotSources } from "../ports/snapshot-sources.js";

/** What the restore step of a Lambda run did, per restoring environment. */
export interface RestoreAfterRun {
  environment: string;
  snapshot: string;
  outcome: RestoreResult["outcome"];
  reason?: string;
  /** A finished restore: whether everything matched, its measured time, and what its home holds. */
  ok?: boolean;
  seconds?: number;
  home?: { identical: number; files: number; placed: "home" | "beside"; path: string };
}

/**
 * The restore step as `labenv reconcile` ends with it, in the Lambda: each environment with
 * `restoreFrom` whose task runs the snapshot's image takes its next step (on AWS: the home's
 * restore job, then the move task, then the record). A repository that restores nothing reads
 * nothing; a restore done is not done again.
 */
export async function restoreAfterRun(
  repository: Repository,
  startedAt: Date,
  ports: {
    provider: Provider;
    objects: ObjectStore;
    sources: (observed: readonly ObservedResource[]) => SnapshotSources & HomeRestorer;
    now: () => Date;
  },
): Promise<RestoreAfterRun[] | undefined> {
  if (![...repository.environments.values()].some((e) => e.doc.spec.restoreFrom)) return undefined;
  const manifests = await manifestsFor(repository, ports.objects);
  const sources = ports.sources((await ports.provider.observe()).resources);
  const results = await completeRestores(
    { repository, manifests, startedAt },
    { objects: ports.objects, sources, restorer: sources, now: ports.now },
  );
  return results.map((r) =>
    r.outcome === "restored"
      ? {
          environment: r.environment,
          snapshot: r.snapshot,
          outcome: r.outcome,
          ok: r.record.ok,
          seconds: r.record.seconds,
          ...(r.record.home
            ? {
                home: {
                  identical: r.record.home.identical,
                  files: r.record.home.files,
                  placed: r.record.home.placed,
                  path: r.record.home.path,
                },
              }
            : {}),
        }
      : { environment: r.environment, snapshot: r.snapshot, outcome: r.outcome, reason: r.reason },
  );
}
