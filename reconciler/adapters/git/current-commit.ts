import { execFileSync } from "node:child_process";

/**
 * The commit the working tree stands on, with `-dirty` when labenv's files
 * differ from it; `uncommitted` outside a git repository.
 */
export function currentCommit(dir: string): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty = execFileSync(
      "git",
      [
        "status",
        "--porcelain",
        "--",
        "environments",
        "domain-packs",
        "labenv.yaml",
        "package-index.yaml",
      ],
      { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    ).trim();
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return "uncommitted";
  }
}
