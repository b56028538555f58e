import { StringDecoder } from "node:string_decoder";
import type { ChangeStatus, FileChange, LogEntry } from "../../core/audit/log-entry.js";
import { NULL_OBJECT_ID } from "../../core/audit/log-entry.js";
import { streamGit } from "./run-git.js";

export interface LogQuery {
  /** Where to start (default HEAD). */
  from?: string;
  /** Path filters, e.g. `environments/`, `domain-packs/`. */
  paths: readonly string[];
  /** Called with each batch of entries as git streams them (newest first), e.g. to start reading their blobs. */
  onEntries?: (entries: readonly LogEntry[]) => void;
}

const RECORD = "\x1e";
/** Hash, parents, author name, email, date, committer name, email, date, message. */
const FORMAT = `${RECORD}%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B%x00`;
const HEADER_FIELDS = 9;

/** The `git log` readFirstParentLog runs (the audit bench times it alone, for comparison). */
export function firstParentLogArgs(query: Pick<LogQuery, "from" | "paths">): string[] {
  return [
    "-c",
    "core.quotePath=false",
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--raw",
    "--no-abbrev",
    "-M",
    "-z",
    "--no-color",
    "--no-ext-diff",
    `--format=${FORMAT}`,
    query.from ?? "HEAD",
    "--",
    ...query.paths,
  ];
}

/**
 * main's first-parent history of some paths, newest first, in one streaming
 * `git log`: each commit with the files it changed against its first parent
 * (merges included, renames detected) and the blob ids on both sides, so the
 * contents can be read afterwards in one `git cat-file --batch`.
 */
export async function readFirstParentLog(dir: string, query: LogQuery): Promise<LogEntry[]> {
  const args = firstParentLogArgs(query);
  const entries: LogEntry[] = [];
  const decoder = new StringDecoder("utf8");
  let pending = "";
  await streamGit(dir, args, (chunk) => {
    pending += decoder.write(chunk);
    const last = pending.lastIndexOf(RECORD);
    if (last <= 0) return;
    const batch = pending.slice(0, last).split(RECORD).filter(Boolean).map(parseRecord);
    entries.push(...batch);
    query.onEntries?.(batch);
    pending = pending.slice(last);
  });
  pending += decoder.end();
  const batch = pending.split(RECORD).filter(Boolean).map(parseRecord);
  entries.push(...batch);
  query.onEntries?.(batch);
  return entries;
}

export function parseRecord(record: string): LogEntry {
  const fields = record.split("\0");
  const [commit, parents, an, ae, ad, cn, ce, cd, message] = fields;
  const changes = parseRaw(fields.slice(HEADER_FIELDS));
  return {
    commit: commit!,
    parents: parents ? parents.split(" ").filter(Boolean) : [],
    author: { name: an!, email: ae! },
    authorDate: ad!,
    committer: { name: cn!, email: ce! },
    committerDate: cd!,
    message: message!.replace(/\n+$/, ""),
    changes,
  };
}

/** `:100644 100644 <old> <new> M`, path (and a second path for renames and copies), NUL-separated. */
export function parseRaw(tokens: readonly string[]): FileChange[] {
  const changes: FileChange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const meta = tokens[i]!.replace(/^\n+/, "");
    if (!meta.startsWith(":")) continue;
    const [, , oldId, newId, statusField] = meta.slice(1).split(" ");
    const status = (statusField ?? "M")[0] as ChangeStatus;
    const oldBlob = oldId && !NULL_OBJECT_ID.test(oldId) ? oldId : undefined;
    const newBlob = newId && !NULL_OBJECT_ID.test(newId) ? newId : undefined;
    if (status === "R" || status === "C") {
      const oldPath = tokens[++i]!;
      const path = tokens[++i]!;
      changes.push({
        status,
        path,
        oldPath,
        ...(oldBlob ? { oldBlob } : {}),
        ...(newBlob ? { newBlob } : {}),
      });
    } else {
      const path = tokens[++i]!;
      changes.push({
        status,
        path,
        ...(oldBlob ? { oldBlob } : {}),
        ...(newBlob ? { newBlob } : {}),
      });
    }
  }
  return changes;
}
