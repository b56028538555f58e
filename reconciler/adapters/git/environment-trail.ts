import type { FileChange, LogEntry } from "../../core/audit/log-entry.js";
import { readFirstParentLog, parseRaw } from "./git-log.js";
import { runGit } from "./run-git.js";

/** How many renames back an environment's history is followed. */
const MAX_RENAMES = 20;

export interface EnvironmentTrail {
  /** Every name the environment had, newest first (`lab/env`). */
  identities: string[];
  /** Log entries touching it, newest first. */
  entries: LogEntry[];
}

/** The paths where changes to an environment live: its directory, and its lab's shares and successions. */
export function environmentPaths(key: string): string[] {
  const [lab, env] = key.split("/");
  return [
    `environments/${lab}/${env}/`,
    `environments/${lab}/shares/`,
    `environments/${lab}/successions/`,
  ];
}

/**
 * One environment's first-parent history with path filters (cheap on a large
 * repository), following renames and moves: when the oldest commit adds the
 * environment's `environment.yaml`, its full diff says whether that was a
 * rename, and the history continues under the old name from its parent.
 */
export async function readEnvironmentTrail(
  dir: string,
  key: string,
  from = "HEAD",
): Promise<EnvironmentTrail> {
  const identities = [key];
  const entries: LogEntry[] = [];
  let current = key;
  let start = from;
  for (let i = 0; i <= MAX_RENAMES; i++) {
    const segment = await readFirstParentLog(dir, {
      from: start,
      paths: environmentPaths(current),
    });
    const file = `environments/${current}/environment.yaml`;
    const oldest = segment.findLastIndex((e) =>
      e.changes.some((c) => c.path === file && c.status === "A"),
    );
    const creation = segment[oldest];
    if (!creation || creation.parents.length === 0) {
      entries.push(...segment);
      break;
    }
    const full = await commitChanges(dir, creation.parents[0]!, creation.commit);
    const rename = full.find((c) => c.status === "R" && c.path === file);
    if (!rename?.oldPath) {
      entries.push(...segment);
      break;
    }
    const previous = rename.oldPath.split("/").slice(1, 3).join("/");
    const keep = [...environmentPaths(current), ...environmentPaths(previous)];
    segment[oldest] = {
      ...creation,
      changes: full.filter((c) =>
        keep.some((p) => c.path.startsWith(p) || c.oldPath?.startsWith(p)),
      ),
    };
    entries.push(...segment.slice(0, oldest + 1));
    identities.push(previous);
    current = previous;
    start = creation.parents[0]!;
  }
  return { identities, entries };
}

/** What one commit changed under `environments/` against a parent, renames detected. */
async function commitChanges(dir: string, parent: string, commit: string): Promise<FileChange[]> {
  const out = await runGit(dir, [
    "-c",
    "core.quotePath=false",
    "diff-tree",
    "-r",
    "-M",
    "--raw",
    "-z",
    "--no-abbrev",
    parent,
    commit,
    "--",
    "environments/",
  ]);
  return parseRaw(out.split("\0"));
}
