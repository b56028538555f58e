import { spawn } from "node:child_process";
import { LabenvError } from "../../core/errors.js";

/**
 * Runs git in `dir` and streams its standard output to `onData`. Resolves
 * when git exits 0; otherwise rejects with a `git` LabenvError carrying
 * git's own message.
 */
export function streamGit(
  dir: string,
  args: string[],
  onData: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: gitEnv(),
    });
    const stderr: Buffer[] = [];
    child.stdout.on("data", onData);
    child.stderr.on("data", (c: Buffer) => stderr.push(c));
    child.on("error", (e) => reject(gitError(args, "", e)));
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(gitError(args, Buffer.concat(stderr).toString("utf8")));
    });
  });
}

/** Runs git and returns its standard output as text. */
export async function runGit(dir: string, args: string[]): Promise<string> {
  const chunks: Buffer[] = [];
  await streamGit(dir, args, (c) => chunks.push(c));
  return Buffer.concat(chunks).toString("utf8");
}

/** git with settings that make its output stable to parse, whatever the user's config says. */
export function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_PAGER: "cat",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
  };
}

export function gitError(args: string[], stderr: string, cause?: unknown): LabenvError {
  const detail = stderr.trim().split("\n").slice(0, 3).join("; ");
  return new LabenvError(
    "git",
    `git ${args.slice(0, 3).join(" ")} failed${detail ? `: ${detail}` : ""}`,
    {
      ...(cause === undefined ? {} : { cause }),
      hint: "run labenv inside a git repository (or pass -C <dir>) and check that the commit or ref exists",
    },
  );
}
