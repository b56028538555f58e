import { isLabenvError } from "../errors.js";
import type { Repository } from "../model/documents.js";
import type { GitHost } from "../../ports/git-host.js";
import { manifestBytes, type SnapshotManifest } from "./manifest.js";
import { recordInGit, recordPullRequest } from "./snapshot-record.js";

/** What happened to one captured snapshot's record on this run. */
export interface RecordProposal {
  /** `lab/env/name` */
  snapshot: string;
  branch: string;
  /**
   * `created`/`updated`/`unchanged`: the pull request as it stands now; `declined`: one
   * proposing this very record was closed without merging, so none is opened again; `failed`:
   * the git host refused (named in `reason`), tried again on the next run.
   */
  outcome: "created" | "updated" | "unchanged" | "declined" | "failed";
  number?: number;
  url?: string;
  reason?: string;
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
    const row = { snapshot: m.id, branch: spec.branch };
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
          reason: `#${declined.number} was closed without merging`,
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
