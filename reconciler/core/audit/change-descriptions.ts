import { classifyPath } from "../load/classify-path.js";
import type { DocumentChange } from "./document-change.js";
import type { FileChange } from "./log-entry.js";

/**
 * What labenv already said about file changes, by what each change is made
 * of: its status, its path (and the path it came from) and the blob ids on
 * both sides. Git's ids name contents, so a description found here is the
 * one describing the change again would give — as long as the words are
 * made by the same code, which is what DESCRIPTION_VERSION stands for.
 * A remembered description spares reading and parsing both blobs: most of
 * an audit's cost is the locks it would otherwise read.
 */
export interface ChangeDescriptions {
  get(change: FileChange): DocumentChange | undefined;
  set(change: FileChange, description: DocumentChange): void;
}

/**
 * The digest of the code that turns a file change into words (every module
 * describe-change.ts runs, and the YAML parser's version). A test recomputes
 * it from the sources and fails when it differs: whoever changes the words
 * updates it there, and descriptions remembered by the old code are then
 * never used.
 */
export const DESCRIPTION_VERSION =
  "sha256:af756ed35ce061f6e1c13870a7d2c862f621eefd8e3561e74fce14b89f0c1519";

/** The key a change is remembered by: status, paths and both blob ids. */
export function descriptionKey(change: FileChange): string {
  return `${change.status}\0${change.oldPath ?? ""}\0${change.path}\0${change.oldBlob ?? ""}\0${change.newBlob ?? ""}`;
}

/**
 * Descriptions kept in memory, starting from `remembered` (e.g. read from
 * disk); `added` lists what was described since, for writing back.
 */
export interface RememberedDescriptions extends ChangeDescriptions {
  /** Entries set since creation, by key. */
  added(): ReadonlyMap<string, DocumentChange>;
  size(): number;
}

export function rememberedDescriptions(
  remembered: ReadonlyMap<string, DocumentChange> = new Map(),
): RememberedDescriptions {
  const known = new Map(remembered);
  const added = new Map<string, DocumentChange>();
  return {
    get: (change) => known.get(descriptionKey(change)),
    set(change, description) {
      // An unreadable side may be an object this clone lacks, not bad content: never remembered.
      if (!description.readable) return;
      const key = descriptionKey(change);
      known.set(key, description);
      added.set(key, description);
    },
    added: () => added,
    size: () => known.size,
  };
}

/**
 * Whether the timeline reads a change's blobs for more than its words: an
 * environment's labels and an approval's base (environment.yaml, lab.yaml),
 * a share's or a succession's content. Other kinds (locks above all) need
 * their blobs only to be described.
 */
export function blobsReadBeyondWords(change: FileChange): boolean {
  for (const path of change.oldPath ? [change.path, change.oldPath] : [change.path]) {
    const kind = classifyPath(path)?.kind;
    if (kind === "Environment" || kind === "Lab" || kind === "Share" || kind === "Succession")
      return true;
  }
  return false;
}

/** The blob ids describing `change` in a timeline will read, given what is remembered. */
export function blobsToRead(change: FileChange, descriptions?: ChangeDescriptions): string[] {
  if (descriptions?.get(change) !== undefined && !blobsReadBeyondWords(change)) return [];
  return [change.oldBlob, change.newBlob].filter((id): id is string => id !== undefined);
}

/**
 * A remembered description checked for the shape DocumentChange has (a cache
 * file is input like any other): undefined when it is not one, or when it
 * is not about the path its key names.
 */
export function checkedDescription(key: string, value: unknown): DocumentChange | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const path = key.split("\0")[2];
  if (
    typeof v.kind !== "string" ||
    typeof v.action !== "string" ||
    v.path !== path ||
    v.readable !== true ||
    !Array.isArray(v.words) ||
    !v.words.every((w) => typeof w === "string") ||
    (v.packages !== undefined && !Array.isArray(v.packages))
  )
    return undefined;
  return v as unknown as DocumentChange;
}
