import { execFileSync } from "node:child_process";
import { LabenvError } from "../../core/errors.js";

export interface GitCall {
  input?: string;
  env?: Record<string, string>;
  /** Exit codes that are answers, not failures (e.g. 1 for `merge-base --is-ancestor`). */
  allow?: number[];
  /** Keep stdout exactly as git wrote it (file contents). */
  raw?: boolean;
}

/** Runs git in `dir`; returns stdout (trimmed) and the exit code. Any other failure is a `git` LabenvError. */
export function git(
  dir: string,
  args: string[],
  call: GitCall = {},
): { out: string; code: number } {
  try {
    const out = execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      input: call.input,
      stdio: ["pipe", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", ...call.env },
    });
    return { out: call.raw ? out : out.trimEnd(), code: 0 };
  } catch (e) {
    const err = e as { status?: number; stderr?: string; stdout?: string };
    if (err.status !== undefined && err.status !== null && (call.allow ?? []).includes(err.status))
      return { out: (err.stdout ?? "").trimEnd(), code: err.status };
    throw new LabenvError(
      "git",
      `git ${args[0]} failed: ${(err.stderr ?? String(e)).trim().split("\n")[0]}`,
      { cause: e },
    );
  }
}

/** The commit a ref points at, or undefined when it does not exist. */
export function revParse(dir: string, ref: string): string | undefined {
  const r = git(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { allow: [1, 128] });
  return r.code === 0 && r.out ? r.out : undefined;
}

export function isAncestor(dir: string, commit: string, of: string): boolean {
  return git(dir, ["merge-base", "--is-ancestor", commit, of], { allow: [1, 128] }).code === 0;
}

/** labenv's own commits: a fixed identity and the given time, so the same change gives the same commit. */
export function labenvIdentity(now: Date): Record<string, string> {
  const date = `${Math.floor(now.getTime() / 1000)} +0000`;
  return {
    GIT_AUTHOR_NAME: "labenv",
    GIT_AUTHOR_EMAIL: "labenv@localhost",
    GIT_COMMITTER_NAME: "labenv",
    GIT_COMMITTER_EMAIL: "labenv@localhost",
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}
