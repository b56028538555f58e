import type { Octokit } from "@octokit/rest";
import type { DriftPullRequestSpec } from "../../ports/git-host.js";
import { githubCall } from "./github-call.js";

/**
 * Points the drift branch at one new commit on the base branch holding the
 * files: tree with inline contents on the base tree, commit, then the ref
 * created or moved (forced: the branch belongs to labenv).
 */
export async function writeBranch(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  spec: DriftPullRequestSpec,
): Promise<string> {
  const base = await githubCall(`read ${spec.base}`, () =>
    octokit.rest.git.getRef({ ...repo, ref: `heads/${spec.base}` }),
  );
  const baseCommit = await githubCall(`read commit ${base.data.object.sha.slice(0, 7)}`, () =>
    octokit.rest.git.getCommit({ ...repo, commit_sha: base.data.object.sha }),
  );
  const tree = await githubCall("write the tree", () =>
    octokit.rest.git.createTree({
      ...repo,
      base_tree: baseCommit.data.tree.sha,
      tree: spec.files.map((f) => ({
        path: f.path,
        mode: "100644" as const,
        type: "blob" as const,
        content: f.content,
      })),
    }),
  );
  const commit = await githubCall("write the commit", () =>
    octokit.rest.git.createCommit({
      ...repo,
      message: spec.commitMessage,
      tree: tree.data.sha,
      parents: [base.data.object.sha],
    }),
  );
  const existing = await githubCall(
    `read ${spec.branch}`,
    () => octokit.rest.git.getRef({ ...repo, ref: `heads/${spec.branch}` }),
    { missing: true },
  );
  if (existing)
    await githubCall(`move ${spec.branch}`, () =>
      octokit.rest.git.updateRef({
        ...repo,
        ref: `heads/${spec.branch}`,
        sha: commit.data.sha,
        force: true,
      }),
    );
  else
    await githubCall(`create ${spec.branch}`, () =>
      octokit.rest.git.createRef({
        ...repo,
        ref: `refs/heads/${spec.branch}`,
        sha: commit.data.sha,
      }),
    );
  return commit.data.sha;
}
