// Issue 16: the renewal pull request against GitHub's real request and response shapes (nock,
// strict: every request mocked, every mock used). Found by its head branch, created once,
// left alone when up to date, never reopened once closed without merging; one share's failure
// is reported for it and the next share is still proposed.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fingerprintMarker } from "../../../reconciler/core/drift/drift-summary.js";
import { GitHubGitHost } from "../../../reconciler/adapters/git-host/github-git-host.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { proposeRenewals } from "../../../reconciler/core/shares/propose-renewals.js";
import { renewalPullRequest } from "../../../reconciler/core/shares/renewal-pull-request.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import {
  API,
  OWNER,
  PATH,
  pull,
  REPO,
  strictGitHub,
  testOctokit,
} from "../../adapters/git-host/strict-github.js";

strictGitHub();

const check = createSchemaValidator();
const RNASEQ = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const CMIP6 = "environments/climate-dynamics/shares/cmip6-to-genomics.yaml";
const BRANCH = "labenv/share-renewal/genomics-core/rnaseq-to-ml-vision";
const CMIP6_BRANCH = "labenv/share-renewal/climate-dynamics/cmip6-to-genomics";
const TODAY = "2026-11-24";
const MAIN_SHA = "a".repeat(40);

/** The example with the rnaseq share ending 2026-11-30 (and, with `both`, the cmip6 one on 2026-11-28). */
function repository(both = false) {
  let files = editYaml(exampleFiles(), RNASEQ, (d) => {
    d.setIn(["spec", "expires"], "2026-11-30");
    d.deleteIn(["spec", "snapshot"]);
  });
  if (both) files = editYaml(files, CMIP6, (d) => d.setIn(["spec", "expires"], "2026-11-28"));
  return loadRepository(files, check).repository;
}

const host = () => new GitHubGitHost({ owner: OWNER, repo: REPO, octokit: testOctokit() });

function listing(branch: string, pulls: ReturnType<typeof pull>[]) {
  nock(API)
    .get(`${PATH}/pulls`)
    .query({ state: "all", head: `${OWNER}:${branch}`, per_page: "100" })
    .reply(200, pulls);
}

describe("renewal pull requests on GitHub (nock, strict)", () => {
  it("creates the pull request once: a branch with one commit moving expires, the lending lab's approvers as reviewers", async () => {
    const repo = repository();
    const spec = renewalPullRequest(
      repo,
      repo.shares.get("genomics-core/rnaseq-to-ml-vision")!,
      "main",
    );
    listing(BRANCH, []);
    const seen: { tree?: { tree: { path: string; content: string }[] }; pr?: unknown } = {};
    const api = nock(API);
    api
      .get(`${PATH}/git/ref/heads%2Fmain`)
      .reply(200, { ref: "refs/heads/main", object: { sha: MAIN_SHA, type: "commit" } });
    api
      .get(`${PATH}/git/commits/${MAIN_SHA}`)
      .reply(200, { sha: MAIN_SHA, tree: { sha: "b".repeat(40) } });
    api
      .post(`${PATH}/git/trees`, (b) => ((seen.tree = b), true))
      .reply(201, { sha: "c".repeat(40) });
    api
      .post(`${PATH}/git/commits`, (b) => b.message === spec.commitMessage)
      .reply(201, { sha: "9".repeat(40) });
    api
      .get(`${PATH}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`)
      .reply(404, { message: "Not Found" });
    api
      .post(`${PATH}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "9".repeat(40) })
      .reply(201, {});
    api
      .post(`${PATH}/pulls`, (b) => ((seen.pr = b), true))
      .reply(201, { number: 31, html_url: `https://github.com/${OWNER}/${REPO}/pull/31` });
    api.post(`${PATH}/issues/31/labels`, { labels: ["labenv", "share-renewal"] }).reply(200, []);
    api
      .post(`${PATH}/pulls/31/requested_reviewers`, {
        reviewers: ["meichen-lab", "rpatel-bio"],
      })
      .reply(201, {});

    expect(await proposeRenewals(repo, TODAY, "main", host())).toEqual([
      {
        share: "genomics-core/rnaseq-to-ml-vision",
        expires: "2026-11-30",
        branch: BRANCH,
        outcome: "created",
        number: 31,
        url: `https://github.com/${OWNER}/${REPO}/pull/31`,
      },
    ]);
    expect(seen.tree!.tree.map((t) => t.path)).toEqual([RNASEQ]);
    expect(parse(seen.tree!.tree[0]!.content)).toMatchObject({
      spec: { environment: "rnaseq", expires: "2027-02-28", to: { lab: "ml-vision" } },
    });
    expect(seen.pr).toMatchObject({
      head: BRANCH,
      base: "main",
      title: "Renew share genomics-core/rnaseq-to-ml-vision until 2027-02-28 (it ends 2026-11-30)",
    });
    expect((seen.pr as { body: string }).body).toContain(fingerprintMarker(spec.fingerprint));
  });

  it("an open pull request already up to date costs no write; one closed without merging is not reopened", async () => {
    const repo = repository();
    const spec = renewalPullRequest(
      repo,
      repo.shares.get("genomics-core/rnaseq-to-ml-vision")!,
      "main",
    );
    const open = pull(31, {
      ref: BRANCH,
      title: spec.title,
      body: spec.body,
      labels: ["labenv", "share-renewal"],
    });
    listing(BRANCH, [open]);
    expect(await proposeRenewals(repo, TODAY, "main", host())).toEqual([
      expect.objectContaining({ outcome: "unchanged", number: 31 }),
    ]);
    listing(BRANCH, [{ ...open, state: "closed", closed_at: "2026-11-25T09:00:00Z" }]);
    expect(await proposeRenewals(repo, "2026-11-26", "main", host())).toEqual([
      expect.objectContaining({
        outcome: "declined",
        number: 31,
        reason: "#31 was closed without merging: the share ends on 2026-11-30",
      }),
    ]);
  });

  it("a git host failure for one share is reported for it, and the next share is still proposed", async () => {
    const repo = repository(true);
    nock(API)
      .get(`${PATH}/pulls`)
      .query({ state: "all", head: `${OWNER}:${CMIP6_BRANCH}`, per_page: "100" })
      .reply(502, { message: "Bad Gateway" });
    const rnaseq = renewalPullRequest(
      repo,
      repo.shares.get("genomics-core/rnaseq-to-ml-vision")!,
      "main",
    );
    listing(BRANCH, [
      pull(31, {
        ref: BRANCH,
        title: rnaseq.title,
        body: rnaseq.body,
        labels: ["labenv", "share-renewal"],
      }),
    ]);
    const out = await proposeRenewals(repo, TODAY, "main", host());
    expect(out.map((p) => [p.share, p.outcome])).toEqual([
      ["climate-dynamics/cmip6-to-genomics", "failed"],
      ["genomics-core/rnaseq-to-ml-vision", "unchanged"],
    ]);
    expect(out[0]!.reason).toMatch(
      /GitHub: list the pull requests of labenv\/share-renewal\/climate-dynamics\/cmip6-to-genomics failed \(HTTP 502\)/,
    );
  });
});
