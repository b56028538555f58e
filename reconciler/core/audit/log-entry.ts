/**
 * What git says about one commit on main's first-parent history: who, when,
 * the message, and which managed files changed against the first parent
 * (with blob ids on both sides, so contents can be read in one batch).
 */
export interface Person {
  name: string;
  email: string;
}

/** Git's change letters: added, modified, deleted, renamed, copied, type changed. */
export type ChangeStatus = "A" | "M" | "D" | "R" | "C" | "T";

export interface FileChange {
  status: ChangeStatus;
  /** The path after the change (for a deletion: the path that was deleted). */
  path: string;
  /** For renames and copies: the path before. */
  oldPath?: string;
  /** Blob id before the change; absent when the file was added. */
  oldBlob?: string;
  /** Blob id after the change; absent when the file was deleted. */
  newBlob?: string;
}

export interface LogEntry {
  commit: string;
  parents: string[];
  author: Person;
  /** ISO 8601 as git printed it. */
  authorDate: string;
  committer: Person;
  /** ISO 8601; when the commit landed on main. */
  committerDate: string;
  message: string;
  changes: FileChange[];
}

/** The all-zero object id git prints for "no blob". */
export const NULL_OBJECT_ID = /^0+$/;
