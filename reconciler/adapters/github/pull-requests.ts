import { Octokit } from "@octokit/rest";
import { LabenvError } from "../../core/errors.js";
import type {
  PullRequestRecord,
  PullRequests,
  PullRequestSummary,
  ReviewState,
} from "../../ports/pull-requests.js";
import { noCache, type PullRequestCache } from "./pull-request-cache.js";

export interface GitHubPullRequestsOptions {
  token: string;
  owner: string;
  repo: string;
  cache?: PullRequestCache;
  /** GitHub Enterprise or a test server; default https://api.github.com. */
  baseUrl?: string;
}

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Pull requests and reviews from GitHub's REST API, closed ones cached on disk. */
export function gitHubPullRequests(options: GitHubPullRequestsOptions): PullRequests {
  const { owner, repo } = options;
  const cache = options.cache ?? noCache();
  const octokit = new Octokit({
    auth: options.token,
    userAgent: "labenv",
    log: quiet,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  return {
    async getPullRequest(number) {
      const cached = cache.read(number);
      if (cached) return cached;
      const pr = await call(`pull request #${number}`, () =>
        octokit.rest.pulls.get({ owner, repo, pull_number: number }),
      );
      if (!pr) return undefined;
      const reviews = await call(`reviews of #${number}`, () =>
        octokit.paginate(octokit.rest.pulls.listReviews, {
          owner,
          repo,
          pull_number: number,
          per_page: 100,
        }),
      );
      const record: PullRequestRecord = {
        number,
        title: pr.data.title,
        author: pr.data.user?.login ?? "",
        mergedAt: pr.data.merged_at,
        headSha: pr.data.head.sha,
        headRef: pr.data.head.ref,
        reviews: (reviews ?? []).map((r) => ({
          user: r.user?.login ?? "",
          state: r.state as ReviewState,
          submittedAt: r.submitted_at ?? null,
          commitId: r.commit_id ?? null,
        })),
      };
      if (pr.data.state === "closed") cache.write(record);
      return record;
    },
    async listPullRequests({ headPrefix, updatedSince }) {
      const out: PullRequestSummary[] = [];
      const pages = octokit.paginate.iterator(octokit.rest.pulls.list, {
        owner,
        repo,
        state: "all",
        sort: "updated",
        direction: "desc",
        per_page: 100,
      });
      await call("pull requests", async () => {
        for await (const page of pages) {
          for (const p of page.data) {
            if (updatedSince !== undefined && p.updated_at < updatedSince) return;
            if (!p.head.ref.startsWith(headPrefix)) continue;
            out.push({
              number: p.number,
              title: p.title,
              author: p.user?.login ?? "",
              headRef: p.head.ref,
              state: p.state as "open" | "closed",
              createdAt: p.created_at,
              closedAt: p.closed_at,
              mergedAt: p.merged_at,
            });
          }
        }
      });
      return out;
    },
  };
}

/** Runs one API call; a 404 reads as "not there", every other failure as a `git` LabenvError. */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404) return undefined;
    const hint =
      status === 401
        ? "the GitHub token was refused: check GITHUB_TOKEN or --github-token"
        : status === 403
          ? "the token lacks read access to pull requests, or the rate limit is exhausted"
          : "check the network and --repo owner/name";
    throw new LabenvError(
      "git",
      `GitHub: reading ${what} failed${status ? ` (HTTP ${status})` : ""}: ${(e as Error).message}`,
      { cause: e, hint },
    );
  }
}
