import { indexForLockProof } from "../../reconciler/adapters/package-index/against-index.js";
import { isLabenvError } from "../../reconciler/core/errors.js";
import type { PackageIndexData } from "../../reconciler/core/lock/package-index.js";
import type { Repository } from "../../reconciler/core/model/documents.js";
import { environmentsAffected } from "../../reconciler/core/validate/merge-findings.js";

/**
 * What `labenv/validate` proved against the remote package index with
 * `app.lockProof: index` (absent: offline, the default). A proof that could
 * not be done — the index unreachable, too slow, too large an answer, or not
 * an index — names why and never passes.
 */
export type LockProof =
  | { url: string; environments: number; proven: true }
  | { url: string; environments: number; proven: false; problem: string; hint?: string };

/** How the App asks the index: the bounds of `--against-index`, a shorter time limit by default. */
export interface LockProofOptions {
  /** Time for every answer of one review (default 20 s: a Lambda delivery runs at most 30 s). */
  deadlineMs?: number;
  retries?: number;
  backoffMs?: number;
}

export const LOCK_PROOF_DEADLINE_MS = 20_000;

/**
 * Whether the review proves locks against the index: `app.lockProof: index`
 * on the base branch (a pull request cannot turn it off for itself) or in
 * the pull request, and a remote index at the head (the embedded one is
 * always proven in full).
 */
export function wantsLockProof(base: Repository, head: Repository): boolean {
  const on = (r: Repository) => r.config?.doc.spec.app?.lockProof === "index";
  return (on(base) || on(head)) && head.config?.doc.spec.packageIndex?.kind === "pypi";
}

/**
 * The index's answer for every release of the locks the change affects
 * (see `environmentsAffected`), as `labenv validate --against-index
 * --changed-from` asks it; a LabenvError from the index becomes a proof that
 * failed, with its reason.
 */
export async function proveLocks(
  head: Repository,
  changed: readonly string[],
  options: LockProofOptions = {},
): Promise<{ index: PackageIndexData | undefined; proof: LockProof }> {
  const only = [...environmentsAffected(head, changed)];
  const url = head.config?.doc.spec.packageIndex?.url ?? "(packageIndex.url not set)";
  try {
    const index = await indexForLockProof(head, only, {
      deadlineMs: options.deadlineMs ?? LOCK_PROOF_DEADLINE_MS,
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    });
    return { index, proof: { url, environments: only.length, proven: true } };
  } catch (e) {
    if (!isLabenvError(e)) throw e;
    return {
      index: undefined,
      proof: {
        url,
        environments: only.length,
        proven: false,
        problem: e.message,
        ...(e.hint ? { hint: e.hint } : {}),
      },
    };
  }
}
