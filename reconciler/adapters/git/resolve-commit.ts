import { LabenvError } from "../../core/errors.js";
import { runGit } from "./run-git.js";

export interface CommitInfo {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  author: string;
  subject: string;
}

/** A commit-ish (sha, branch, tag, `HEAD~3`) → the commit it names. */
export async function resolveCommit(dir: string, rev: string): Promise<CommitInfo> {
  if (rev.startsWith("-")) throw new LabenvError("usage", `not a commit: ${rev}`);
  const out = await runGit(dir, [
    "log",
    "-1",
    "--no-walk",
    "--format=%H%x00%cI%x00%an%x00%s",
    `${rev}^{commit}`,
    "--",
  ]).catch((e: unknown) => {
    throw new LabenvError("usage", `no commit ${rev} in this repository`, {
      cause: e,
      hint: "give a commit id, branch or tag (`git log --first-parent`), or a date as YYYY-MM-DD",
    });
  });
  return parseInfo(out);
}

/**
 * The last commit on the first-parent history of `ref` that landed at or
 * before `instant` (by committer date), or undefined when none did.
 */
export async function commitAtOrBefore(
  dir: string,
  instant: Date,
  ref = "HEAD",
): Promise<CommitInfo | undefined> {
  const seconds = Math.floor(instant.getTime() / 1000);
  const out = await runGit(dir, [
    "log",
    "--first-parent",
    "-1",
    `--until=@${seconds}`,
    "--format=%H%x00%cI%x00%an%x00%s",
    ref,
    "--",
  ]);
  return out.trim() === "" ? undefined : parseInfo(out);
}

/** The last commit on the first-parent history of `ref` that changed any of `paths`. */
export async function lastCommitTouching(
  dir: string,
  ref: string,
  paths: readonly string[],
): Promise<CommitInfo | undefined> {
  const out = await runGit(dir, [
    "log",
    "--first-parent",
    "-1",
    "--format=%H%x00%cI%x00%an%x00%s",
    ref,
    "--",
    ...paths,
  ]);
  return out.trim() === "" ? undefined : parseInfo(out);
}

/** The repository's HEAD commit id. */
export async function headCommit(dir: string): Promise<string> {
  return (await runGit(dir, ["rev-parse", "--verify", "HEAD^{commit}"])).trim();
}

function parseInfo(out: string): CommitInfo {
  const [commit, date, author, subject] = out.replace(/\n$/, "").split("\0");
  return { commit: commit!, date: date!, author: author!, subject: subject ?? "" };
}
