import nock from "nock";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { INSTALLATION, OWNER, REPO } from "./payloads.js";
import { tarball } from "./tarball.js";
import { APP_ID } from "./test-probot.js";

/** The app's own bot login (the slug GitHub answers for the test app, plus `[bot]`). */
export const BOT_LOGIN = "labenv[bot]";

export const API = "https://api.github.com";
const R = `/repos/${OWNER}/${REPO}`;

/** The installation token Probot asks for before its first call for an event. */
export function mockToken(): void {
  nock(API)
    .post(`/app/installations/${INSTALLATION}/access_tokens`)
    .reply(201, {
      token: "ghs_test",
      expires_at: "2099-01-01T00:00:00Z",
      permissions: { checks: "write", pull_requests: "write" },
    });
}

export function mockChangedFiles(number: number, paths: readonly string[]): void {
  nock(API)
    .get(`${R}/pulls/${number}/files`)
    .query({ per_page: "100" })
    .reply(
      200,
      paths.map((filename, i) => ({
        sha: String(i),
        filename,
        status: "modified",
        additions: 1,
        deletions: 1,
        changes: 2,
      })),
    );
}

/** The tarball of a commit: GitHub's 302 to codeload, then the gzip. */
export function mockTarball(
  sha: string,
  files: readonly RepoFile[],
  options: { redirect?: boolean } = {},
): void {
  const body = tarball(files, sha);
  if (options.redirect) {
    nock(API)
      .get(`${R}/tarball/${sha}`)
      .reply(302, "", {
        location: `https://codeload.github.com/${OWNER}/${REPO}/legacy.tar.gz/${sha}`,
      });
    nock("https://codeload.github.com")
      .get(`/${OWNER}/${REPO}/legacy.tar.gz/${sha}`)
      .reply(200, body, { "content-type": "application/x-gzip" });
  } else {
    nock(API).get(`${R}/tarball/${sha}`).reply(200, body, { "content-type": "application/x-gzip" });
  }
}

/** The reads of a pull request review: changed files, then the head and base tarballs. */
export function mockReviewReads(
  pr: { number: number; head: string; base: string },
  base: readonly RepoFile[],
  head: readonly RepoFile[],
  changed: readonly string[],
): void {
  mockChangedFiles(pr.number, changed);
  mockTarball(pr.head, head);
  mockTarball(pr.base, base);
}

export type Captured = Record<string, any>[];

/** POST a check run; records the body. */
export function mockCreateCheckRun(into: Captured, id = 5000 + into.length): void {
  nock(API)
    .post(`${R}/check-runs`)
    .reply(201, (_uri: string, body: unknown) => {
      into.push(body as Record<string, any>);
      return { id };
    });
}

export function mockUpdateCheckRun(id: number, into: Captured): void {
  nock(API)
    .patch(`${R}/check-runs/${id}`)
    .reply(200, (_uri: string, body: unknown) => {
      into.push({ id, ...(body as Record<string, any>) });
      return { id };
    });
}

/**
 * The latest run of a check on a commit (none by default), answered as
 * GitHub does: `app_id` keeps only that app's runs. A run without `app` is
 * this app's.
 */
export function mockLatestCheckRun(
  sha: string,
  name: string,
  run?: { id: number; status: string; app?: { id: number } },
): void {
  const runs = run ? [{ ...run, app: run.app ?? { id: APP_ID, slug: "labenv" } }] : [];
  nock(API)
    .get(`${R}/commits/${sha}/check-runs`)
    .query((q) => q.check_name === name && q.filter === "latest" && q.per_page === "1")
    .reply(200, (uri) => {
      const appId = new URL(uri, API).searchParams.get("app_id");
      const shown = runs.filter((r) => appId === null || String(r.app.id) === appId);
      return { total_count: shown.length, check_runs: shown };
    });
}

/** `GET /app` with the app's JWT: who the app is. */
export function mockApp(): void {
  nock(API).get("/app").reply(200, { id: APP_ID, slug: "labenv", name: "labenv" });
}

/** The tip of a branch. */
export function mockBranch(branch: string, sha: string): void {
  nock(API).get(`${R}/branches/${branch}`).reply(200, { name: branch, commit: { sha } });
}

export interface ListedPullRequest {
  number: number;
  head: string;
  base?: string;
  baseRef?: string;
  headRef?: string;
  headRepo?: string;
  author: string;
  state?: string;
}

/** The pull requests GitHub associates with a commit (`GET /commits/{sha}/pulls`). */
export function mockPullsOfCommit(sha: string, prs: readonly ListedPullRequest[]): void {
  nock(API)
    .get(`${R}/commits/${sha}/pulls`)
    .query({ per_page: "100" })
    .reply(
      200,
      prs.map((p) => ({
        number: p.number,
        state: p.state ?? "open",
        head: {
          sha: p.head,
          ref: p.headRef ?? "add-atac",
          repo: { full_name: p.headRepo ?? `${OWNER}/${REPO}` },
        },
        base: { sha: p.base ?? "0".repeat(40), ref: p.baseRef ?? "main" },
        user: { login: p.author, type: "User" },
        updated_at: "2026-11-23T10:00:00Z",
      })),
    );
}

/** The repository's activity on a branch: who pushed which commit (newest first). */
export function mockActivity(
  headRef: string,
  pushes: readonly { after: string; actor: string; type?: string }[],
): void {
  nock(API)
    .get(`${R}/activity`)
    .query({ ref: `refs/heads/${headRef}`, per_page: "100" })
    .reply(
      200,
      pushes.map((p, i) => ({
        id: 100 + i,
        node_id: `A_${i}`,
        before: "0".repeat(40),
        after: p.after,
        ref: `refs/heads/${headRef}`,
        timestamp: "2026-11-23T09:00:00Z",
        activity_type: p.type ?? "push",
        actor: { login: p.actor, type: "User" },
      })),
    );
}

/**
 * The reviews of a pull request. `optional`: a read that may or may not come
 * (the re-read after a success); `delayMs`: GitHub answering slowly.
 */
export function mockReviews(
  number: number,
  reviews: { login: string; state: string; commit: string; at?: string; id?: number }[],
  options: { optional?: boolean; delayMs?: number } = {},
): { remove(): void } {
  const scope = nock(API)
    .get(`${R}/pulls/${number}/reviews`)
    .query({ per_page: "100" })
    .delay(options.delayMs ?? 0);
  if (options.optional) scope.optionally();
  const interceptor = scope;
  scope.reply(
    200,
    reviews.map((r, i) => ({
      id: r.id ?? i + 1,
      user: { login: r.login, type: "User" },
      state: r.state,
      commit_id: r.commit,
      submitted_at: r.at ?? `2026-11-23T11:00:${String(i).padStart(2, "0")}Z`,
      body: "",
    })),
  );
  return { remove: () => void nock.removeInterceptor(interceptor) };
}

export function mockComments(
  number: number,
  comments: { id: number; body: string; bot?: boolean; login?: string }[],
): void {
  nock(API)
    .get(`${R}/issues/${number}/comments`)
    .query({ per_page: "100" })
    .reply(
      200,
      comments.map((c) => ({
        id: c.id,
        body: c.body,
        user: {
          login: c.login ?? (c.bot === false ? "someone" : BOT_LOGIN),
          type: c.bot === false ? "User" : "Bot",
        },
      })),
    );
}

export function mockCreateComment(number: number, into: Captured): void {
  nock(API)
    .post(`${R}/issues/${number}/comments`)
    .reply(201, (_uri: string, body: unknown) => {
      into.push(body as Record<string, any>);
      return { id: 777 };
    });
}

export function mockUpdateComment(id: number, into: Captured): void {
  nock(API)
    .patch(`${R}/issues/comments/${id}`)
    .reply(200, (_uri: string, body: unknown) => {
      into.push({ id, ...(body as Record<string, any>) });
      return { id };
    });
}

export function mockCommitStatus(sha: string, into: Captured): void {
  nock(API)
    .post(`${R}/statuses/${sha}`)
    .reply(201, (_uri: string, body: unknown) => {
      into.push(body as Record<string, any>);
      return { id: 1 };
    });
}

export function mockPermission(login: string, permission: "admin" | "write" | "read"): void {
  nock(API)
    .get(`${R}/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: permission, user: { login } });
}

/**
 * What judging `labenv/approvals` reads besides the review itself: the
 * default branch's tip, the commit's pull requests, who pushed the head, and
 * the reviews (read again, optionally, after a success: `settle()` drops
 * that read when it did not come, so a later delivery does not meet it).
 */
export function mockJudgement(j: {
  number: number;
  head: string;
  tip: string;
  author: string;
  pusher?: string;
  headRef?: string;
  reviews?: { login: string; state: string; commit: string; at?: string }[];
  /** The event's pull request is not (yet) in GitHub's list of the commit's pull requests. */
  unlisted?: boolean;
  /** The tip was read already for this event (a pull request into the default branch). */
  tipKnown?: boolean;
}): { settle(): void } {
  if (!j.tipKnown) mockBranch("main", j.tip);
  mockPullsOfCommit(
    j.head,
    j.unlisted ? [] : [{ number: j.number, head: j.head, author: j.author, headRef: j.headRef }],
  );
  if (j.reviews) {
    mockActivity(j.headRef ?? "add-atac", [{ after: j.head, actor: j.pusher ?? j.author }]);
    mockReviews(j.number, j.reviews);
    const reread = mockReviews(j.number, j.reviews, { optional: true });
    return { settle: () => reread.remove() };
  }
  return { settle: () => undefined };
}
