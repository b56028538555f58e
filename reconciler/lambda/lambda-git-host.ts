import { join } from "node:path";
import { GitHubGitHost } from "../adapters/git-host/github-git-host.js";
import { LocalGitHost } from "../adapters/git-host/local-git-host.js";
import { LabenvError } from "../core/errors.js";
import type { GitHost } from "../ports/git-host.js";
import type { LambdaEnv } from "./lambda-env.js";
import { installationOctokit } from "./repository-source.js";

/**
 * Where the Lambdas open labenv's own pull requests (drift, share renewals, successions): the
 * configured GitHub repository through the App's installation; without one, a local checkout's
 * local git host (tests, or a repository mounted into the function).
 */
export async function lambdaGitHost(env: LambdaEnv): Promise<GitHost> {
  const [owner, repo] = (env.githubRepository ?? "").split("/");
  if (
    owner &&
    repo &&
    env.githubInstallationId &&
    env.githubAppIdSecretArn &&
    env.githubPrivateKeySecretArn
  ) {
    const octokit = await installationOctokit(env, env.githubInstallationId);
    return new GitHubGitHost({ owner, repo, octokit: octokit as never });
  }
  if (env.repoPath)
    return new LocalGitHost(env.repoPath, join(env.repoPath, ".labenv", "prs"), () => new Date());
  throw new LabenvError("config", "labenv's pull requests need the GitHub App installation", {
    hint: "set LABENV_GITHUB_REPOSITORY, LABENV_GITHUB_INSTALLATION_ID and the App secret ARNs",
  });
}
