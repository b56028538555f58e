import nock from "nock";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { INSTALLATION, OWNER, REPO } from "./payloads.js";
import { tarball } from "./tarball.js";

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
    .reply(201, (_uri, body) => {
      into.push(body as Record<string, any>);
      return { id };
    });
}

export function mockUpdateCheckRun(id: number, into: Captured): void {
  nock(API)
    .patch(`${R}/check-runs/${id}`)
    .reply(200, (_uri, body) => {
      into.push({ id, ...(body as Record<string, any>) });
      return { id };
    });
}

/** The latest run of a check on a commit (none by default). */
export function mockLatestCheckRun(
  sha: string,
  name: string,
  run?: { id: number; status: string },
): void {
  nock(API)
    .get(`${R}/commits/${sha}/check-runs`)
    .query({ check_name: name, filter: "latest", per_page: "1" })
    .reply(200, { total_count: run ? 1 : 0, check_runs: run ? [run] : [] });
}

export function mockReviews(
  number: number,
  reviews: { login: string; state: string; commit: string; at?: string }[],
): void {
  nock(API)
    .get(`${R}/pulls/${number}/reviews`)
    .query({ per_page: "100" })
    .reply(
      200,
      reviews.map((r, i) => ({
        id: i + 1,
        user: { login: r.login, type: "User" },
        state: r.state,
        commit_id: r.commit,
        submitted_at: r.at ?? `2026-11-23T11:00:${String(i).padStart(2, "0")}Z`,
        body: "",
      })),
    );
}

export function mockComments(
  number: number,
  comments: { id: number; body: string; bot?: boolean }[],
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
          login: c.bot === false ? "someone" : "labenv[bot]",
          type: c.bot === false ? "User" : "Bot",
        },
      })),
    );
}

export function mockCreateComment(number: number, into: Captured): void {
  nock(API)
    .post(`${R}/issues/${number}/comments`)
    .reply(201, (_uri, body) => {
      into.push(body as Record<string, any>);
      return { id: 777 };
    });
}

export function mockUpdateComment(id: number, into: Captured): void {
  nock(API)
    .patch(`${R}/issues/comments/${id}`)
    .reply(200, (_uri, body) => {
      into.push({ id, ...(body as Record<string, any>) });
      return { id };
    });
}

export function mockCommitStatus(sha: string, into: Captured): void {
  nock(API)
    .post(`${R}/statuses/${sha}`)
    .reply(201, (_uri, body) => {
      into.push(body as Record<string, any>);
      return { id: 1 };
    });
}

export function mockPermission(login: string, permission: "admin" | "write" | "read"): void {
  nock(API)
    .get(`${R}/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: permission, user: { login } });
}
