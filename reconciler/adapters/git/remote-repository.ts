import { runGit } from "./run-git.js";

/** `owner/name` of the repository's `origin` remote when it is on GitHub, else undefined. */
export async function gitHubRepositoryOf(dir: string): Promise<string | undefined> {
  const url = (await runGit(dir, ["remote", "get-url", "origin"]).catch(() => "")).trim();
  return parseGitHubRepository(url);
}

export function parseGitHubRepository(url: string): string | undefined {
  const m = /github\.com[:/]+([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : undefined;
}
