import type { Repository } from "../model/documents.js";
import type { GitHost } from "../../ports/git-host.js";
import { proposePullRequest, type Proposal } from "../proposals/propose-pull-request.js";
import { manifestBytes, type SnapshotManifest } from "./manifest.js";
import { recordInGit, recordPullRequest } from "./snapshot-record.js";

/** What happened to one captured snapshot's record on this run. */
export interface RecordProposal extends Proposal {
  /** `lab/env/name` */
  snapshot: string;
}

/**
 * Opens (or updates in place, found by its head branch) the pull request committing each
 * captured Snapshot document's record beside its request, unless git already holds that record.
 * It runs after the manifest is written, so git never records what the object store does not
 * hold. Safe to repeat; a host failure for one snapshot is reported for it only.
 */
export async function proposeRecords(
  repo: Repository,
  manifests: readonly SnapshotManifest[],
  base: string,
  host: GitHost,
): Promise<RecordProposal[]> {
  const out: RecordProposal[] = [];
  for (const m of [...manifests].sort((a, b) => a.id.localeCompare(b.id))) {
    const snapshot = repo.snapshots.get(m.id);
    if (!snapshot) continue;
    const { digest } = manifestBytes(m);
    if (recordInGit(repo, m.id, digest)) continue;
    const spec = recordPullRequest(repo, snapshot, m, digest, base);
    out.push({
      snapshot: m.id,
      ...(await proposePullRequest(host, spec, (n) => `#${n} was closed without merging`)),
    });
  }
  return out;
}
