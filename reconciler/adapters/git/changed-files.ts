import { execFileSync } from "node:child_process";
import { LabenvError } from "../../core/errors.js";

/**
 * Files changed since `ref` in the repository at `dir`: committed, staged,
 * unstaged and untracked (not ignored), as repository-relative paths.
 */
export function changedFilesSince(dir: string, ref: string): string[] {
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (e) {
      const stderr = String((e as { stderr?: unknown }).stderr ?? "").trim();
      throw new LabenvError("git", `git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`, {
        cause: e,
        hint: "check that the directory is a git repository and the ref exists (`git rev-parse <ref>`)",
      });
    }
  };
  git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  const diff = git(["diff", "--name-only", "--no-renames", "-z", ref, "--"]);
  const untracked = git(["ls-files", "--others", "--exclude-standard", "-z"]);
  return [...new Set([...diff.split("\0"), ...untracked.split("\0")].filter(Boolean))].sort();
}
