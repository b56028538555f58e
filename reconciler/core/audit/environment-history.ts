import type { CommitOrigin } from "./commit-origin.js";
import type { TimelineCommit } from "./timeline-commit.js";

/** One commit in an environment's history, as an auditor reads it. */
export interface HistoryEntry {
  date: string;
  commit: string;
  author: string;
  /** For merge commits: who merged. */
  mergedBy?: string;
  pullRequest?: { number: number; title: string };
  /** `merge`, `squash`, `branch-merge` or `direct` (a push to main without a pull request). */
  via: CommitOrigin["via"];
  subject: string;
  revertOf?: string;
  /** Every change this commit made to the environment, in plain words. */
  changes: string[];
  files: string[];
}

export interface EnvironmentHistory {
  /** `lab/env` as asked. */
  environment: string;
  /** Earlier names, when the environment was renamed or moved (newest first). */
  formerNames: string[];
  entries: HistoryEntry[];
}

/**
 * The commits (newest first, as the timeline is) that changed an environment under any of its
 * names: its environment, lock and snapshots, the shares that lend it and
 * the successions that hand it over.
 */
export function environmentHistory(
  timeline: readonly TimelineCommit[],
  identities: readonly string[],
): EnvironmentHistory {
  const names = new Set(identities);
  const entries: HistoryEntry[] = [];
  for (const c of timeline) {
    const relevant = c.changes.filter(
      (ch) =>
        (ch.environment && names.has(ch.environment)) || ch.concerns.some((r) => names.has(r.key)),
    );
    if (relevant.length === 0) continue;
    const changes = [...new Set(relevant.flatMap((ch) => ch.words))];
    entries.push({
      date: c.date,
      commit: c.commit,
      author: c.author,
      ...(c.mergedBy ? { mergedBy: c.mergedBy } : {}),
      ...pullRequestOf(c.origin),
      via: c.origin.via,
      subject: c.subject,
      ...(c.revertOf ? { revertOf: c.revertOf } : {}),
      changes,
      files: relevant.map((ch) => ch.path),
    });
  }
  return { environment: identities[0]!, formerNames: identities.slice(1), entries };
}

export function pullRequestOf(origin: CommitOrigin): {
  pullRequest?: { number: number; title: string };
} {
  return origin.via === "merge" || origin.via === "squash"
    ? { pullRequest: { number: origin.pullRequest, title: origin.title } }
    : {};
}
