/**
 * Where drift pull requests live. `local`: the git CLI on the repository, a
 * pull request is a branch with one commit plus a description file under
 * `.labenv/prs/`; `github`: Octokit. Every write is safe to repeat, and an
 * unchanged pull request costs no write at all.
 */
export interface DriftPullRequestSpec {
  /** `lab/env` */
  environment: string;
  /** `labenv/drift/<lab>/<env>` */
  branch: string;
  base: string;
  title: string;
  body: string;
  /** Full new contents of the files the one commit changes. */
  files: { path: string; content: string }[];
  commitMessage: string;
  labels: string[];
  /** Git host logins asked to review (on creation). */
  reviewers: string[];
  fingerprint: string;
  /** Digest of `files` (also in the body's hidden marker). */
  filesDigest: string;
}

export interface HostedPullRequest {
  number: number;
  branch: string;
  title: string;
  state: "open" | "closed" | "merged";
  /** From the body's hidden marker. */
  fingerprint?: string;
  filesDigest?: string;
  labels: string[];
  url?: string;
  createdAt?: string;
  closedAt?: string;
}

export interface PullRequestResult {
  number: number;
  outcome: "created" | "updated" | "unchanged";
  url?: string;
  /** Things that did not stop the pull request but someone should know (a reviewer who cannot be requested). */
  warnings: string[];
}

export interface GitHost {
  readonly name: "local" | "github";
  /** Drift pull requests (branches under `labenv/drift/`), open and closed, newest first. */
  listDriftPullRequests(): Promise<HostedPullRequest[]>;
  /** The open pull request whose head is `branch` (any branch, not only drift ones), if there is one (both hosts have it; optional for test doubles). */
  findOpenPullRequest?(branch: string): Promise<HostedPullRequest | undefined>;
  /** Every pull request whose head is `branch`, open, merged or closed, newest first (optional for test doubles). */
  findPullRequests?(branch: string): Promise<HostedPullRequest[]>;
  /** Find-or-create-or-update the pull request of `spec.branch`; `existing` is the open one from `listDriftPullRequests`. */
  ensureDriftPullRequest(
    spec: DriftPullRequestSpec,
    existing?: HostedPullRequest,
  ): Promise<PullRequestResult>;
  /** Closes an open pull request with a comment saying why; a closed one is left alone. */
  closePullRequest(number: number, comment: string): Promise<void>;
  /** A file's text at a ref (commit, branch), or undefined when it is not there. */
  readFile(ref: string, path: string): Promise<string | undefined>;
}

export const DRIFT_BRANCH_PREFIX = "labenv/drift/";
