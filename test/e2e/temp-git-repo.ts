import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyExampleRepo } from "../helpers/example-repo.js";

/** A fresh copy of the example repository as a git repository on `main` (`.labenv/` ignored). */
export function exampleGitRepo(): string {
  const dir = copyExampleRepo();
  writeFileSync(join(dir, ".gitignore"), ".labenv/\n");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "Example repository");
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Ravi Patel",
      GIT_AUTHOR_EMAIL: "rpatel@example.org",
      GIT_COMMITTER_NAME: "Ravi Patel",
      GIT_COMMITTER_EMAIL: "rpatel@example.org",
    },
  }).trim();
}
