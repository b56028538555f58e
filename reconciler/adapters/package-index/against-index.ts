import type { PackageIndexData } from "../../core/lock/package-index.js";
import type { Repository } from "../../core/model/documents.js";
import { remoteIndexForChecks, type OpenIndexOptions } from "./open-index.js";

/** What proving locks against a remote index asks at most: it must finish whatever the index does. */
export const AGAINST_INDEX_BOUNDS = {
  maxRequests: 5_000,
  maxResponseBytes: 16 * 1024 * 1024,
  timeoutMs: 15_000,
};

/**
 * `--against-index` (and the App's `lockProof: index`): the remote index's
 * answer for every locked release of the environments `only` names (all when
 * undefined), within AGAINST_INDEX_BOUNDS and `deadlineMs` in all. Undefined
 * with the embedded index (already proven in full) or when `only` is empty.
 * Throws a LabenvError naming the index and the bound when it cannot answer.
 */
export async function indexForLockProof(
  repository: Repository,
  only: readonly string[] | undefined,
  options: { deadlineMs: number } & Omit<OpenIndexOptions, "bounds">,
): Promise<PackageIndexData | undefined> {
  if (only && only.length === 0) return undefined;
  const { deadlineMs, ...rest } = options;
  return remoteIndexForChecks(
    repository,
    { ...rest, bounds: { ...AGAINST_INDEX_BOUNDS, deadlineMs } },
    only,
  );
}
