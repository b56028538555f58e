/**
 * How a commit reached main, read from its message: a merged pull request
 * (GitHub's merge commit or squash commit), a merge of a branch without a
 * pull request, or a direct push. Rebase merges carry no pull request number
 * and read as direct pushes.
 */
export type CommitOrigin =
  | { via: "merge"; pullRequest: number; title: string; branch: string }
  | { via: "squash"; pullRequest: number; title: string }
  | { via: "branch-merge"; branch: string }
  | { via: "direct" };

const MERGE_PR = /^Merge pull request #(\d+) from (\S+)/;
const SQUASH_PR = /^(.*\S)\s+\(#(\d+)\)$/;
const MERGE_BRANCH = /^Merge (?:remote-tracking )?branch '([^']+)'/;
const REVERT = /This reverts commit ([0-9a-f]{7,40})/;

export function commitOrigin(message: string, parentCount: number): CommitOrigin {
  const [subject = "", ...rest] = message.split("\n");
  const merge = MERGE_PR.exec(subject);
  if (merge && parentCount > 1) {
    const from = merge[2]!;
    const slash = from.indexOf("/");
    const body = rest.map((l) => l.trim()).find((l) => l !== "");
    return {
      via: "merge",
      pullRequest: Number(merge[1]),
      title: body ?? subject,
      branch: slash >= 0 ? from.slice(slash + 1) : from,
    };
  }
  const squash = SQUASH_PR.exec(subject.trim());
  if (squash && parentCount <= 1)
    return { via: "squash", pullRequest: Number(squash[2]), title: squash[1]! };
  const branch = MERGE_BRANCH.exec(subject);
  if (branch && parentCount > 1) return { via: "branch-merge", branch: branch[1]! };
  return { via: "direct" };
}

export function pullRequestNumber(origin: CommitOrigin): number | undefined {
  return origin.via === "merge" || origin.via === "squash" ? origin.pullRequest : undefined;
}

/** The commit a revert commit reverts, from git's "This reverts commit …" line. */
export function revertedCommit(message: string): string | undefined {
  return REVERT.exec(message)?.[1];
}

export const DRIFT_BRANCH_PREFIX = "labenv/drift/";

/** Whether the commit merged a drift pull request (`labenv/drift/<lab>/<env>`, title `drift: <lab>/<env>`). */
export function driftTarget(origin: CommitOrigin): string | undefined {
  if (
    (origin.via === "merge" || origin.via === "branch-merge") &&
    origin.branch.startsWith(DRIFT_BRANCH_PREFIX)
  ) {
    return origin.branch.slice(DRIFT_BRANCH_PREFIX.length);
  }
  if (origin.via === "merge" || origin.via === "squash") {
    const m = /^drift: ([a-z0-9-]+\/[a-z0-9-]+)/.exec(origin.title);
    if (m) return m[1];
  }
  return undefined;
}

export function subjectOf(message: string): string {
  return message.split("\n", 1)[0]!.trim();
}
