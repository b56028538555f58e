import nock from "nock";
import { describe, expect, it } from "vitest";
import { GitHubGitHost } from "../../../reconciler/adapters/git-host/github-git-host.js";
import { filesMarker, fingerprintMarker } from "../../../reconciler/core/drift/drift-summary.js";
import type { DriftPullRequestSpec } from "../../../reconciler/ports/git-host.js";
import { API, OWNER, PATH, pull, REPO, strictGitHub, testOctokit } from "./strict-github.js";

strictGitHub();

const BRANCH = "labenv/drift/genomics-core/rnaseq";
const MAIN_SHA = "a".repeat(40);
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const FP = "f".repeat(64);
const DIGEST = "d".repeat(64);

function spec(over: Partial<DriftPullRequestSpec> = {}): DriftPullRequestSpec {
  const fingerprint = over.fingerprint ?? FP;
  const filesDigest = over.filesDigest ?? DIGEST;
  return {
    environment: "genomics-core/rnaseq",
    branch: BRANCH,
    base: "main",
    title: "drift: genomics-core/rnaseq — 5 packages added (MINOR_DRIFT)",
    body: `${fingerprintMarker(fingerprint)}\n${filesMarker(filesDigest)}\n## Drift\n`,
    files: [{ path: LOCK, content: "packages: [requests]\n" }],
    commitMessage: "drift: genomics-core/rnaseq",
    labels: ["labenv:drift", "labenv:drift-minor"],
    reviewers: ["rpatel-bio", "meichen-lab"],
    fingerprint,
    filesDigest,
    ...over,
  };
}

const host = () => new GitHubGitHost({ owner: OWNER, repo: REPO, octokit: testOctokit() });

/** The git data API calls that write the branch: base ref, base commit, tree, commit, then the branch ref. */
function mockWriteBranch(branchExists: boolean, seen: { tree?: unknown; ref?: unknown }) {
  const api = nock(API);
  api
    .get(`${PATH}/git/ref/heads%2Fmain`)
    .reply(200, { ref: "refs/heads/main", object: { sha: MAIN_SHA, type: "commit" } });
  api
    .get(`${PATH}/git/commits/${MAIN_SHA}`)
    .reply(200, { sha: MAIN_SHA, tree: { sha: "b".repeat(40) } });
  api.post(`${PATH}/git/trees`, (b) => ((seen.tree = b), true)).reply(201, { sha: "c".repeat(40) });
  api
    .post(`${PATH}/git/commits`, {
      message: "drift: genomics-core/rnaseq",
      tree: "c".repeat(40),
      parents: [MAIN_SHA],
    })
    .reply(201, { sha: "9".repeat(40) });
  const ref = `${PATH}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`;
  if (branchExists) {
    api.get(ref).reply(200, { ref: `refs/heads/${BRANCH}`, object: { sha: "8".repeat(40) } });
    api
      .patch(
        `${PATH}/git/refs/${encodeURIComponent(`heads/${BRANCH}`)}`,
        (b) => ((seen.ref = b), true),
      )
      .reply(200, {});
  } else {
    api.get(ref).reply(404, { message: "Not Found" });
    api.post(`${PATH}/git/refs`, (b) => ((seen.ref = b), true)).reply(201, {});
  }
}

describe("GitHub git host (nock, strict)", () => {
  it("lists drift pull requests with their state and markers, ignoring other branches", async () => {
    nock(API)
      .get(`${PATH}/pulls`)
      .query({ state: "all", sort: "updated", direction: "desc", per_page: "100" })
      .reply(200, [
        pull(14, {
          body: `${fingerprintMarker(FP)}\n${filesMarker(DIGEST)}`,
          labels: ["labenv:drift", "labenv:drift-minor"],
        }),
        pull(13, { ref: "feature/x" }),
        pull(12, { state: "closed", merged: true, ref: "labenv/drift/ml-vision/teaching" }),
        pull(11, { state: "closed", ref: "labenv/drift/ml-vision/teaching" }),
      ]);
    const list = await host().listDriftPullRequests();
    expect(list.map((p) => [p.number, p.state, p.branch])).toEqual([
      [14, "open", BRANCH],
      [12, "merged", "labenv/drift/ml-vision/teaching"],
      [11, "closed", "labenv/drift/ml-vision/teaching"],
    ]);
    expect(list[0]).toMatchObject({
      fingerprint: FP,
      filesDigest: DIGEST,
      labels: ["labenv:drift", "labenv:drift-minor"],
    });
  });

  it("creates: branch with one commit on main, pull request with the marker, labels and the owner and approvers as reviewers", async () => {
    const seen: { tree?: unknown; ref?: unknown; pr?: { body: string } } = {};
    mockWriteBranch(false, seen);
    nock(API)
      .post(`${PATH}/pulls`, (b) => ((seen.pr = b), true))
      .reply(201, { number: 21, html_url: "https://github.com/westtek-research/labs/pull/21" });
    nock(API)
      .post(`${PATH}/issues/21/labels`, { labels: ["labenv:drift", "labenv:drift-minor"] })
      .reply(200, []);
    nock(API)
      .post(`${PATH}/pulls/21/requested_reviewers`, { reviewers: ["rpatel-bio", "meichen-lab"] })
      .reply(201, {});
    const r = await host().ensureDriftPullRequest(spec());
    expect(r).toEqual({
      number: 21,
      outcome: "created",
      url: "https://github.com/westtek-research/labs/pull/21",
      warnings: [],
    });
    expect(seen.tree).toEqual({
      base_tree: "b".repeat(40),
      tree: [{ path: LOCK, mode: "100644", type: "blob", content: "packages: [requests]\n" }],
    });
    expect(seen.ref).toEqual({ ref: `refs/heads/${BRANCH}`, sha: "9".repeat(40) });
    expect(seen.pr).toMatchObject({ head: BRANCH, base: "main", title: spec().title });
    expect(seen.pr!.body).toContain(`<!-- labenv:drift fingerprint=${FP} -->`);
  });

  it("keeps a body below GitHub's limit and says so when a caller's body was too long", async () => {
    const seen: { tree?: unknown; ref?: unknown; pr?: { body: string } } = {};
    mockWriteBranch(true, seen);
    nock(API)
      .post(`${PATH}/pulls`, (b) => ((seen.pr = b), true))
      .reply(201, { number: 22, html_url: "u" });
    nock(API).post(`${PATH}/issues/22/labels`).reply(200, []);
    nock(API)
      .post(`${PATH}/pulls/22/requested_reviewers`)
      .reply(422, { message: "Reviews may only be requested from collaborators." });
    const r = await host().ensureDriftPullRequest(
      spec({ body: `${fingerprintMarker(FP)}\n${"x".repeat(100_000)}` }),
    );
    expect(seen.pr!.body.length).toBeLessThan(65_536);
    expect(seen.pr!.body).toContain("cut: the body exceeded GitHub's limit");
    expect(seen.ref).toEqual({ sha: "9".repeat(40), force: true });
    expect(r.warnings[0]).toContain("could not all be requested");
  });

  it("updates in place: new files move the branch, the text is edited, the severity label swapped; no new pull request", async () => {
    const seen: { tree?: unknown; ref?: unknown; pr?: unknown } = {};
    const existing = {
      number: 14,
      branch: BRANCH,
      title: "old title",
      state: "open" as const,
      fingerprint: "e".repeat(64),
      filesDigest: "0".repeat(64),
      labels: ["labenv:drift", "labenv:drift-minor", "needs-triage"],
    };
    mockWriteBranch(true, seen);
    nock(API)
      .patch(`${PATH}/pulls/14`, (b) => ((seen.pr = b), true))
      .reply(200, {});
    nock(API)
      .post(`${PATH}/issues/14/labels`, { labels: ["labenv:drift-critical"] })
      .reply(200, []);
    nock(API).delete(`${PATH}/issues/14/labels/labenv%3Adrift-minor`).reply(200, []);
    const r = await host().ensureDriftPullRequest(
      spec({
        title: "drift: … (CRITICAL_DRIFT)",
        labels: ["labenv:drift", "labenv:drift-critical"],
      }),
      existing,
    );
    expect(r).toMatchObject({ number: 14, outcome: "updated" });
    expect(seen.pr).toMatchObject({ title: "drift: … (CRITICAL_DRIFT)" });
    expect(seen.ref).toEqual({ sha: "9".repeat(40), force: true });
  });

  it("changes nothing and makes no call when the open pull request already says this drift", async () => {
    const existing = {
      number: 14,
      branch: BRANCH,
      title: spec().title,
      state: "open" as const,
      fingerprint: FP,
      filesDigest: DIGEST,
      labels: ["labenv:drift", "labenv:drift-minor"],
    };
    const r = await host().ensureDriftPullRequest(
      spec({ body: "a newer body with a newer observation time" }),
      existing,
    );
    expect(r).toMatchObject({ number: 14, outcome: "unchanged" });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("finds the open pull request of a pack update branch by its head, and updates it instead of opening another (issue 19)", async () => {
    const branch = "labenv/packs/astro";
    const body = `${fingerprintMarker(FP)}\n${filesMarker(DIGEST)}\nUpdates astro`;
    nock(API)
      .get(`${PATH}/pulls`)
      .query({ state: "open", head: `${OWNER}:${branch}`, per_page: "100" })
      .reply(200, [
        pull(21, {
          ref: branch,
          body,
          title: "packs: update astro to 1.3.0",
          labels: ["labenv:pack-update"],
        }),
      ]);
    const found = await host().findOpenPullRequest(branch);
    expect(found).toMatchObject({
      number: 21,
      branch,
      state: "open",
      fingerprint: FP,
      filesDigest: DIGEST,
      labels: ["labenv:pack-update"],
    });
    // Same files, a newer title: the pull request is edited in place; nothing is created.
    let edited: unknown;
    nock(API)
      .patch(`${PATH}/pulls/21`, (b) => ((edited = b), true))
      .reply(200, {});
    const r = await host().ensureDriftPullRequest(
      spec({
        branch,
        title: "packs: update astro to 1.4.0",
        fingerprint: "e".repeat(64),
        labels: ["labenv:pack-update"],
        reviewers: [],
      }),
      found,
    );
    expect(r).toMatchObject({ number: 21, outcome: "updated" });
    expect(edited).toMatchObject({ title: "packs: update astro to 1.4.0" });
    // No open pull request for the branch: nothing is found.
    nock(API)
      .get(`${PATH}/pulls`)
      .query({ state: "open", head: `${OWNER}:labenv/packs/chem`, per_page: "100" })
      .reply(200, []);
    expect(await host().findOpenPullRequest("labenv/packs/chem")).toBeUndefined();
  });

  it("closes with a comment saying why", async () => {
    nock(API)
      .post(`${PATH}/issues/14/comments`, {
        body: "labenv closes this pull request: the drift went away.",
      })
      .reply(201, {});
    nock(API).patch(`${PATH}/pulls/14`, { state: "closed" }).reply(200, {});
    await host().closePullRequest(14, "labenv closes this pull request: the drift went away.");
  });

  it("reads a file at a ref; a missing one is undefined; a refused token is a git error with a hint", async () => {
    nock(API)
      .get(`${PATH}/contents/${encodeURIComponent(LOCK)}`)
      .query({ ref: MAIN_SHA })
      .reply(200, {
        type: "file",
        encoding: "base64",
        content: Buffer.from("lock: 1\n").toString("base64"),
      });
    nock(API)
      .get(`${PATH}/contents/nope.yaml`)
      .query({ ref: MAIN_SHA })
      .reply(404, { message: "Not Found" });
    nock(API).get(`${PATH}/pulls`).query(true).reply(401, { message: "Bad credentials" });
    expect(await host().readFile(MAIN_SHA, LOCK)).toBe("lock: 1\n");
    expect(await host().readFile(MAIN_SHA, "nope.yaml")).toBeUndefined();
    await expect(host().listDriftPullRequests()).rejects.toMatchObject({
      code: "git",
      hint: "the GitHub token was refused",
    });
  });
});
