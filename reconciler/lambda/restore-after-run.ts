import type { Repository } from "../core/model/documents.js";
import type { ObservedResource } from "../core/model/resources.js";
import {
  restoreShareCopies,
  snapshotShares,
  type ShareCopyResult,
} from "../core/shares/snapshot-share-copies.js";
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
  /** A finished restore: its attempt (when raised), whether everything matched, its measured time, and what its home holds. */
  attempt?: number;
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
          ...((r.record.attempt ?? 1) > 1 ? { attempt: r.record.attempt } : {}),
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

/** A share of a snapshot's copy, as the Lambda run's summary says it. */
export interface ShareCopyAfterRun {
  share: string;
  snapshot: string;
  outcome: ShareCopyResult["outcome"];
  reason?: string;
  ok?: boolean;
  path?: string;
}

/**
 * The share copies step as `labenv reconcile` ends with it: each read-only share of a snapshot
 * gets its copy once (on AWS across runs: the restore job, then the move task into the share's
 * own directory); the next run grants it. A repository with no such share reads nothing.
 */
export async function shareCopiesAfterRun(
  repository: Repository,
  today: string,
  ports: {
    provider: Provider;
    objects: ObjectStore;
    sources: (observed: readonly ObservedResource[]) => SnapshotSources & HomeRestorer;
    now: () => Date;
  },
): Promise<ShareCopyAfterRun[] | undefined> {
  if (snapshotShares(repository, today).length === 0) return undefined;
  const restorer = ports.sources((await ports.provider.observe()).resources);
  const results = await restoreShareCopies(
    { repository, today },
    { objects: ports.objects, restorer, now: ports.now },
  );
  return results.map((r) =>
    r.outcome === "restored"
      ? {
          share: r.share,
          snapshot: r.snapshot,
          outcome: r.outcome,
          ok: r.record.ok,
          path: r.record.path,
        }
      : { share: r.share, snapshot: r.snapshot, outcome: r.outcome, reason: r.reason },
  );
}
