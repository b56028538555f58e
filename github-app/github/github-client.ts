import type { Context } from "probot";

/** The authenticated Octokit a Probot handler receives (installation token, retries and throttling per the app's settings). */
export type GitHubClient = Context["octokit"];

/** A repository on GitHub. */
export interface RepoRef {
  owner: string;
  repo: string;
}
