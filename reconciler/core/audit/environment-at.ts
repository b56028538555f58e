/** An environment as it stood on main at one commit: the answer to "what exactly ran then". */
export interface FileAt {
  path: string;
  /** The git blob id: the exact bytes, checkable with `git cat-file -p`. */
  blob: string;
  text: string;
  /** The parsed YAML (undefined when it does not parse). */
  document?: unknown;
}

export interface EnvironmentAt {
  /** `lab/env` as asked. */
  asked: string;
  /** The date or commit as given. */
  when: string;
  /** For a date: the instant it was read as (end of the day, UTC, for a bare date). */
  instant?: string;
  /** The commit the files come from, or null when main had no commit that early. */
  commit: { commit: string; date: string; author: string; subject: string } | null;
  /** The last commit at or before `commit` on main that changed the environment or its lock. */
  lastChange?: { commit: string; date: string; author: string; subject: string };
  /** The name the environment had at that commit (differs from `asked` after a rename). */
  name: string;
  environment?: FileAt;
  lock?: FileAt;
  /** Why something is missing. */
  note?: string;
}
