import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ProbotOctokit } from "probot";
import { readRepositoryFiles } from "../adapters/fs/read-repository-files.js";
import { currentCommit } from "../adapters/git/current-commit.js";
import { LabenvError } from "../core/errors.js";
import type { RepoFile } from "../core/load/load-repository.js";
import { readRepositoryAt } from "../../github-app/github/read-repository.js";
import { foreignRepositoryRefusal, type LambdaEnv } from "./lambda-env.js";
import { gitIsAncestor } from "../adapters/git/is-ancestor.js";
import { githubIsAncestor } from "../adapters/github/commit-ancestry.js";
import type { IsAncestor } from "../core/reconcile/commit-order.js";

export interface RepositoryAt {
  commit: string;
  files: RepoFile[];
  /** Ancestry in that repository's history, to refuse a commit older than the last applied one. */
  isAncestor: IsAncestor;
}

export { foreignRepositoryRefusal };

const MANAGED = /^(environments\/|domain-packs\/|labenv\.ya?ml$|package-index\.yaml$)/;

/**
 * Where the reconciler reads the repository: a local checkout, or GitHub at
 * one commit (one tarball request through the GitHub App's installation).
 */
export async function readRepository(
  env: LambdaEnv,
  want: { commit?: string; repository?: string; installationId?: number },
): Promise<RepositoryAt> {
  if (env.repoPath)
    return {
      commit: currentCommit(env.repoPath),
      files: readRepositoryFiles(env.repoPath),
      isAncestor: gitIsAncestor(env.repoPath),
    };
  const refusal = foreignRepositoryRefusal(env, want);
  if (refusal) throw new LabenvError("usage", refusal);
  const full = env.githubRepository;
  const installationId = want.installationId ?? env.githubInstallationId;
  if (!full || !installationId || !env.githubAppIdSecretArn || !env.githubPrivateKeySecretArn) {
    throw new LabenvError("config", "the reconciler knows no repository to read", {
      hint: "set LABENV_REPO_PATH, or LABENV_GITHUB_REPOSITORY with the installation id and the GitHub App secrets",
    });
  }
  const octokit = await installationOctokit(env, installationId);
  const [owner, repo] = full.split("/") as [string, string];
  let sha = want.commit;
  if (!sha) {
    const branch = (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
    sha = (await octokit.rest.repos.getBranch({ owner, repo, branch })).data.commit.sha;
  }
  const snapshot = await readRepositoryAt(
    octokit,
    { owner, repo },
    sha,
    () => (path) => MANAGED.test(path),
  );
  return {
    commit: snapshot.sha,
    files: snapshot.files,
    isAncestor: githubIsAncestor(octokit, { owner, repo }),
  };
}

/** An Octokit acting as the GitHub App's installation, its id and key read from Secrets Manager. */
export async function installationOctokit(
  env: LambdaEnv,
  installationId: number,
): Promise<InstanceType<typeof ProbotOctokit>> {
  if (!env.githubAppIdSecretArn || !env.githubPrivateKeySecretArn) {
    throw new LabenvError("config", "the GitHub App's secrets are not configured", {
      hint: "set LABENV_GITHUB_APP_ID_SECRET_ARN and LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN",
    });
  }
  const secrets = new SecretsManagerClient({ region: env.region });
  const secret = async (arn: string) =>
    (await secrets.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? "";
  const [appId, privateKey] = await Promise.all([
    secret(env.githubAppIdSecretArn),
    secret(env.githubPrivateKeySecretArn),
  ]);
  return new ProbotOctokit({ auth: { appId: Number(appId), privateKey, installationId } });
}
