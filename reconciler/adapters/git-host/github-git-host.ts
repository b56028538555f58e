import { Octokit } from "@octokit/rest";
import { LabenvError } from "../../core/errors.js";
import {
  pullRequestUpToDate,
  readFilesDigest,
  readFingerprint,
} from "../../core/drift/drift-summary.js";
import {
  DRIFT_BRANCH_PREFIX,
  type DriftPullRequestSpec,
  type GitHost,
  type HostedPullRequest,
  type PullRequestResult,
} from "../../ports/git-host.js";
import { writeBranch } from "./github-branch.js";
import { githubCall } from "./github-call.js";

export interface GitHubGitHostOptions {
  owner: string;
  repo: string;
  /** A ready client (tests, or the App's installation client); otherwise one is made from `token`. */
  octokit?: Octokit;
  token?: string;
  /** GitHub Enterprise; default https://api.github.com. */
  baseUrl?: string;
}

/** GitHub refuses bodies of 65,536 characters or more. */
const GITHUB_BODY_LIMIT = 65_536;
const SEVERITY_LABEL = /^labenv:drift-/;
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Drift pull requests on GitHub: the branch is written with the git data API
 * (tree with inline contents, commit, ref), the pull request is found by its
 * branch and hidden marker, then created or updated. An open pull request
 * whose fingerprint, files digest, title and labels already match costs no
 * call at all beyond the listing.
 */
export class GitHubGitHost implements GitHost {
  readonly name = "github" as const;
  private readonly octokit: Octokit;
  private readonly repo: { owner: string; repo: string };

  constructor(options: GitHubGitHostOptions) {
    this.octokit =
      options.octokit ??
      new Octokit({
        auth: options.token,
        userAgent: "labenv",
        log: quiet,
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      });
    this.repo = { owner: options.owner, repo: options.repo };
  }

  async listDriftPullRequests(): Promise<HostedPullRequest[]> {
    const out: HostedPullRequest[] = [];
    await githubCall("list pull requests", async () => {
      for await (const page of this.octokit.paginate.iterator(this.octokit.rest.pulls.list, {
        ...this.repo,
        state: "all",
        sort: "updated",
        direction: "desc",
        per_page: 100,
      })) {
        for (const p of page.data) {
          if (!p.head.ref.startsWith(DRIFT_BRANCH_PREFIX)) continue;
          out.push(hostedFrom(p));
        }
      }
    });
    return out.sort((a, b) => b.number - a.number);
  }

  /** GET /repos/{owner}/{repo}/pulls?state=open&head={owner}:{branch}: the open pull request of that branch. */
  async findOpenPullRequest(branch: string): Promise<HostedPullRequest | undefined> {
    const r = await githubCall(`find the pull request of ${branch}`, () =>
      this.octokit.rest.pulls.list({
        ...this.repo,
        state: "open",
        head: `${this.repo.owner}:${branch}`,
        per_page: 100,
      }),
    );
    const p = r?.data.find((x) => x.head.ref === branch && x.state === "open");
    return p ? hostedFrom(p) : undefined;
  }

  async findPullRequests(branch: string): Promise<HostedPullRequest[]> {
    const out: HostedPullRequest[] = [];
    await githubCall(`list the pull requests of ${branch}`, async () => {
      for await (const page of this.octokit.paginate.iterator(this.octokit.rest.pulls.list, {
        ...this.repo,
        state: "all",
        head: `${this.repo.owner}:${branch}`,
        per_page: 100,
      })) {
        for (const p of page.data) if (p.head.ref === branch) out.push(hostedFrom(p));
      }
    });
    return out.sort((a, b) => b.number - a.number);
  }

  async ensureDriftPullRequest(
    spec: DriftPullRequestSpec,
    existing?: HostedPullRequest,
  ): Promise<PullRequestResult> {
    const body = capBody(spec.body);
    const open = existing?.state === "open" ? existing : undefined;
    if (open) {
      const missing = spec.labels.filter((l) => !open.labels.includes(l));
      const stale = open.labels.filter((l) => SEVERITY_LABEL.test(l) && !spec.labels.includes(l));
      const sameText =
        open.fingerprint === spec.fingerprint &&
        open.filesDigest === spec.filesDigest &&
        open.title === spec.title;
      if (pullRequestUpToDate(open, spec))
        return {
          number: open.number,
          outcome: "unchanged",
          ...(open.url ? { url: open.url } : {}),
          warnings: [],
        };
      if (open.filesDigest !== spec.filesDigest) await writeBranch(this.octokit, this.repo, spec);
      if (!sameText)
        await githubCall(`update #${open.number}`, () =>
          this.octokit.rest.pulls.update({
            ...this.repo,
            pull_number: open.number,
            title: spec.title,
            body,
          }),
        );
      await this.relabel(open.number, missing, stale);
      return {
        number: open.number,
        outcome: "updated",
        ...(open.url ? { url: open.url } : {}),
        warnings: [],
      };
    }
    await writeBranch(this.octokit, this.repo, spec);
    const created = await githubCall(`open a pull request from ${spec.branch}`, () =>
      this.octokit.rest.pulls.create({
        ...this.repo,
        title: spec.title,
        head: spec.branch,
        base: spec.base,
        body,
        maintainer_can_modify: true,
      }),
    );
    const number = created.data.number;
    await this.relabel(number, spec.labels, []);
    const warnings: string[] = [];
    if (spec.reviewers.length > 0) {
      try {
        await this.octokit.rest.pulls.requestReviewers({
          ...this.repo,
          pull_number: number,
          reviewers: spec.reviewers,
        });
      } catch (e) {
        if ((e as { status?: number }).status !== 422)
          throw new LabenvError(
            "git",
            `GitHub: requesting reviewers on #${number} failed: ${(e as Error).message}`,
            { cause: e },
          );
        warnings.push(
          `reviewers ${spec.reviewers.join(", ")} could not all be requested (not collaborators?)`,
        );
      }
    }
    return { number, outcome: "created", url: created.data.html_url, warnings };
  }

  async closePullRequest(number: number, comment: string): Promise<void> {
    await githubCall(`comment on #${number}`, () =>
      this.octokit.rest.issues.createComment({ ...this.repo, issue_number: number, body: comment }),
    );
    await githubCall(`close #${number}`, () =>
      this.octokit.rest.pulls.update({ ...this.repo, pull_number: number, state: "closed" }),
    );
  }

  async readFile(ref: string, path: string): Promise<string | undefined> {
    const r = await githubCall(
      `read ${path} at ${ref}`,
      () => this.octokit.rest.repos.getContent({ ...this.repo, path, ref }),
      { missing: true },
    );
    const data = r?.data as { type?: string; content?: string; encoding?: string } | undefined;
    if (!data || data.type !== "file" || data.content === undefined) return undefined;
    return Buffer.from(data.content, (data.encoding as BufferEncoding) ?? "base64").toString(
      "utf8",
    );
  }

  private async relabel(number: number, add: string[], remove: string[]): Promise<void> {
    if (add.length > 0)
      await githubCall(`label #${number}`, () =>
        this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: number, labels: add }),
      );
    for (const name of remove)
      await githubCall(
        `unlabel #${number}`,
        () => this.octokit.rest.issues.removeLabel({ ...this.repo, issue_number: number, name }),
        { missing: true },
      );
  }
}

interface ListedPull {
  number: number;
  head: { ref: string };
  title: string;
  body?: string | null;
  state: string;
  merged_at?: string | null;
  closed_at?: string | null;
  created_at: string;
  html_url: string;
  labels: { name?: string }[];
}

/** A pull request as the list endpoint returns it, with the markers of its body. */
function hostedFrom(p: ListedPull): HostedPullRequest {
  const fingerprint = readFingerprint(p.body ?? null);
  const filesDigest = readFilesDigest(p.body ?? null);
  return {
    number: p.number,
    branch: p.head.ref,
    title: p.title,
    state: p.state === "open" ? "open" : p.merged_at ? "merged" : "closed",
    labels: p.labels.map((l) => l.name ?? "").filter(Boolean),
    url: p.html_url,
    createdAt: p.created_at,
    ...(fingerprint ? { fingerprint } : {}),
    ...(filesDigest ? { filesDigest } : {}),
    ...(p.closed_at ? { closedAt: p.closed_at } : {}),
  };
}

/** Keeps a body below GitHub's limit even if a caller did not. */
export function capBody(body: string): string {
  if (body.length < GITHUB_BODY_LIMIT) return body;
  const note =
    "\n\n… (cut: the body exceeded GitHub's limit; `labenv drift --json` has the full report)\n";
  return body.slice(0, GITHUB_BODY_LIMIT - note.length - 1) + note;
}
