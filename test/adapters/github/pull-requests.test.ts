import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { strictNock } from "../../helpers/strict-nock.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileCache } from "../../../reconciler/adapters/github/pull-request-cache.js";
import { gitHubPullRequests } from "../../../reconciler/adapters/github/pull-requests.js";
import { isLabenvError } from "../../../reconciler/core/errors.js";

const API = "https://api.github.com";
const REPO = "/repos/westtek/environments";
let cacheDir: string;

strictNock();
beforeEach(() => void (cacheDir = mkdtempSync(join(tmpdir(), "labenv-gh-cache-"))));
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const host = () =>
  gitHubPullRequests({
    token: "t0ken",
    owner: "westtek",
    repo: "environments",
    cache: fileCache(cacheDir, "westtek", "environments"),
  });
const pr = (state: string, merged: string | null) => ({
  number: 12,
  title: "Bump numpy",
  user: { login: "rpatel-bio" },
  state,
  merged_at: merged,
  head: { sha: "h".repeat(40), ref: "rpatel/numpy" },
});

describe("GitHub pull requests", () => {
  it("reads a pull request and all pages of its reviews, sending the token", async () => {
    nock(API, { reqheaders: { authorization: "token t0ken" } })
      .get(`${REPO}/pulls/12`)
      .reply(200, pr("closed", "2026-03-01T15:00:00Z"))
      .get(`${REPO}/pulls/12/reviews`)
      .query({ per_page: 100 })
      .reply(
        200,
        [
          {
            user: { login: "meichen-lab" },
            state: "APPROVED",
            submitted_at: "2026-03-01T10:00:00Z",
            commit_id: "h".repeat(40),
          },
        ],
        { link: `<${API}${REPO}/pulls/12/reviews?per_page=100&page=2>; rel="next"` },
      )
      .get(`${REPO}/pulls/12/reviews`)
      .query({ per_page: 100, page: 2 })
      .reply(200, [{ user: null, state: "COMMENTED", submitted_at: null, commit_id: null }]);
    expect(await host().getPullRequest(12)).toEqual({
      number: 12,
      title: "Bump numpy",
      author: "rpatel-bio",
      mergedAt: "2026-03-01T15:00:00Z",
      headSha: "h".repeat(40),
      headRef: "rpatel/numpy",
      reviews: [
        {
          user: "meichen-lab",
          state: "APPROVED",
          submittedAt: "2026-03-01T10:00:00Z",
          commitId: "h".repeat(40),
        },
        { user: "", state: "COMMENTED", submittedAt: null, commitId: null },
      ],
    });
  });

  it("caches closed pull requests on disk: the second read makes no request", async () => {
    nock(API)
      .get(`${REPO}/pulls/12`)
      .reply(200, pr("closed", "2026-03-01T15:00:00Z"))
      .get(`${REPO}/pulls/12/reviews`)
      .query(true)
      .reply(200, []);
    const first = await host().getPullRequest(12);
    expect(
      JSON.parse(
        readFileSync(join(cacheDir, "westtek", "environments", "pulls", "12.json"), "utf8"),
      ).record,
    ).toEqual(first);
    expect(await host().getPullRequest(12)).toEqual(first);
  });

  it("does not cache an open pull request", async () => {
    nock(API)
      .get(`${REPO}/pulls/12`)
      .times(2)
      .reply(200, pr("open", null))
      .get(`${REPO}/pulls/12/reviews`)
      .query(true)
      .times(2)
      .reply(200, []);
    await host().getPullRequest(12);
    expect((await host().getPullRequest(12))?.mergedAt).toBeNull();
  });

  it("answers undefined for an unknown number and a git error with a hint when the token is refused", async () => {
    nock(API)
      .get(`${REPO}/pulls/404`)
      .reply(404, { message: "Not Found" })
      .get(`${REPO}/pulls/1`)
      .reply(401, { message: "Bad credentials" });
    expect(await host().getPullRequest(404)).toBeUndefined();
    const error = await host()
      .getPullRequest(1)
      .catch((e: unknown) => e);
    expect(
      isLabenvError(error) && error.code === "git" && error.hint?.includes("token was refused"),
    ).toBe(true);
  });

  it("lists pull requests of a branch prefix, newest update first, stopping before the period", async () => {
    const item = (n: number, ref: string, updated: string, merged: string | null = null) => ({
      number: n,
      title: `t${n}`,
      user: { login: "labenv[bot]" },
      state: "closed",
      head: { ref },
      created_at: "2026-03-01T00:00:00Z",
      updated_at: updated,
      closed_at: updated,
      merged_at: merged,
    });
    nock(API)
      .get(`${REPO}/pulls`)
      .query({ state: "all", sort: "updated", direction: "desc", per_page: 100 })
      .reply(
        200,
        [
          item(9, "labenv/drift/g/rnaseq", "2026-05-02T00:00:00Z"),
          item(8, "rpatel/x", "2026-05-01T00:00:00Z"),
        ],
        {
          link: `<${API}${REPO}/pulls?state=all&sort=updated&direction=desc&per_page=100&page=2>; rel="next"`,
        },
      )
      .get(`${REPO}/pulls`)
      .query({ state: "all", sort: "updated", direction: "desc", per_page: 100, page: 2 })
      .reply(
        200,
        [
          item(7, "labenv/drift/g/rnaseq", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z"),
          item(3, "labenv/drift/g/old", "2025-12-01T00:00:00Z"),
        ],
        { link: `<${API}${REPO}/pulls?page=3>; rel="next"` },
      );
    const list = await host().listPullRequests({
      headPrefix: "labenv/drift/",
      updatedSince: "2026-01-01T00:00:00Z",
    });
    expect(list.map((p) => [p.number, p.headRef, p.mergedAt])).toEqual([
      [9, "labenv/drift/g/rnaseq", null],
      [7, "labenv/drift/g/rnaseq", "2026-04-01T00:00:00Z"],
    ]);
  });
});
