import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  checkedDescription,
  DESCRIPTION_VERSION,
  rememberedDescriptions,
  type RememberedDescriptions,
} from "../../core/audit/change-descriptions.js";
import type { DocumentChange } from "../../core/audit/document-change.js";
import { runGit } from "./run-git.js";

/** Where, under the repository's git directory, audits remember their descriptions. */
export const DESCRIPTION_FILE = join("labenv", "audit-descriptions.json");
/** A larger file is not read (and is replaced): far beyond what a long history needs. */
const MAX_BYTES = 256 * 1024 * 1024;
/** Past this many, a write keeps only the descriptions made by the run that writes. */
const MAX_ENTRIES = 1_000_000;

export interface DescriptionFile {
  descriptions: RememberedDescriptions;
  /** The file's path. */
  path: string;
  /** Writes what was described since opening (nothing when nothing was); atomic (a temporary file renamed). */
  save(): void;
}

/**
 * The descriptions earlier audits of this repository remembered, from
 * `<git dir>/labenv/audit-descriptions.json` (beside git's own data, so never
 * in a work tree or a commit, and shared by every worktree). A file that is
 * missing, unreadable, not JSON, too large or written for other words (a
 * DESCRIPTION_VERSION that is not this one) counts as empty, and an entry not
 * shaped like a description is left out: the audit then reads those blobs
 * itself. With `fresh`, nothing is read and the file is replaced.
 */
export async function openDescriptionFile(
  dir: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<DescriptionFile> {
  const gitDir = resolve(dir, (await runGit(dir, ["rev-parse", "--git-common-dir"])).trim());
  const path = join(gitDir, DESCRIPTION_FILE);
  const remembered = fresh ? new Map<string, DocumentChange>() : readEntries(path);
  const descriptions = rememberedDescriptions(remembered);
  return {
    descriptions,
    path,
    save() {
      const added = descriptions.added();
      if (added.size === 0) return;
      const entries =
        remembered.size + added.size > MAX_ENTRIES ? new Map(added) : new Map(remembered);
      for (const [k, v] of added) entries.set(k, v);
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(
        tmp,
        JSON.stringify({ version: DESCRIPTION_VERSION, entries: Object.fromEntries(entries) }),
      );
      renameSync(tmp, path);
    },
  };
}

function readEntries(path: string): Map<string, DocumentChange> {
  const entries = new Map<string, DocumentChange>();
  let data: unknown;
  try {
    if (statSync(path).size > MAX_BYTES) return entries;
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return entries;
  }
  if (typeof data !== "object" || data === null) return entries;
  const { version, entries: raw } = data as { version?: unknown; entries?: unknown };
  if (version !== DESCRIPTION_VERSION || typeof raw !== "object" || raw === null) return entries;
  for (const [key, value] of Object.entries(raw)) {
    const description = checkedDescription(key, value);
    if (description !== undefined) entries.set(key, description);
  }
  return entries;
}
