import nock from "nock";
import { beforeEach, describe, expect, it } from "vitest";
import { GitHubGitHost } from "../../../reconciler/adapters/git-host/github-git-host.js";
import { fingerprintMarker, filesMarker } from "../../../reconciler/core/drift/drift-summary.js";
import { runDrift, type DriftRunInput } from "../../../reconciler/core/drift/run-drift.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { parseEmbeddedIndex } from "../../../reconciler/core/lock/package-index.js";
import type { Repository } from "../../../reconciler/core/model/documents.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles, text } from "../../helpers/example-repo.js";
import {
  driftWorld,
  observationOf,
  putObservation,
  withRequests,
  type DriftWorld,
} from "../../core/drift/drift-world.js";
import { API, OWNER, PATH, pull, REPO, strictGitHub, testOctokit } from "./strict-github.js";

strictGitHub();

const ENV = "genomics-core/rnaseq";
const BRANCH = `labenv/drift/${ENV}`;
const files = exampleFiles();
const repository: Repository = loadRepository(files, createSchemaValidator()).repository;
const index = parseEmbeddedIndex(text(files, "package-index.yaml"));
const input: DriftRunInput = {
  repository,
  index,
  commit: "c".repeat(40),
  baseBranch: "main",
  mode: "act",
  where: "aws eu-west-1 / cluster labenv",
  maxOpenPerLab: 5,
  only: [ENV],
};
const listPulls = (pulls: unknown[]) =>
  nock(API)
    .get(`${PATH}/pulls`)
    .query({ state: "all", sort: "updated", direction: "desc", per_page: "100" })
    .reply(200, pulls);

describe("drift runs against GitHub (nock, strict)", () => {
  let world: DriftWorld;
  let now: Date;
  const run = () =>
    runDrift(input, {
      ...world,
      gitHost: new GitHubGitHost({ owner: OWNER, repo: REPO, octokit: testOctokit() }),
      now: () => now,
      runId: "run",
      owner: "test",
    });
  beforeEach(async () => {
    world = driftWorld(repository);
    now = new Date("2026-11-23T12:00:00Z");
    await putObservation(
      world.objects,
      observationOf(repository.locks.get(ENV)!.doc, "2026-11-23T11:45:00Z", withRequests),
    );
  });

  it("opens the drift pull request, then on the next run with the same drift makes no write", async () => {
    listPulls([]);
    let body = "";
    const scope = nock(API);
    scope.get(`${PATH}/git/ref/heads%2Fmain`).reply(200, { object: { sha: "a".repeat(40) } });
    scope
      .get(`${PATH}/git/commits/${"a".repeat(40)}`)
      .reply(200, { tree: { sha: "b".repeat(40) } });
    scope
      .post(
        `${PATH}/git/trees`,
        (b: { tree: { path: string }[] }) =>
          b.tree.map((t) => t.path).join() ===
          `environments/${ENV}/environment.yaml,environments/${ENV}/environment.lock.yaml`,
      )
      .reply(201, { sha: "c".repeat(40) });
    scope.post(`${PATH}/git/commits`).reply(201, { sha: "9".repeat(40) });
    scope.get(`${PATH}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`).reply(404, {});
    scope
      .post(`${PATH}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "9".repeat(40) })
      .reply(201, {});
    scope
      .post(
        `${PATH}/pulls`,
        (b: { title: string; body: string }) => (
          (body = b.body),
          b.title === "drift: genomics-core/rnaseq — 5 packages added (MINOR_DRIFT)"
        ),
      )
      .reply(201, { number: 31, html_url: "https://github.com/x/31" });
    scope
      .post(`${PATH}/issues/31/labels`, { labels: ["labenv:drift", "labenv:drift-minor"] })
      .reply(200, []);
    scope
      .post(`${PATH}/pulls/31/requested_reviewers`, { reviewers: ["rpatel-bio", "meichen-lab"] })
      .reply(201, {});
    const first = await run();
    expect(first.environments[0]).toMatchObject({
      outcome: "opened drift pull request #31",
      pullRequest: { number: 31, outcome: "created" },
    });
    expect(body).toContain("| package `requests` | — | 2.32.3 | added (minor) |");

    // Next run: GitHub lists the pull request with the same markers, title and labels: zero writes.
    now = new Date("2026-11-23T12:15:00Z");
    await putObservation(
      world.objects,
      observationOf(repository.locks.get(ENV)!.doc, "2026-11-23T12:10:00Z", withRequests),
    );
    listPulls([
      pull(31, {
        title: "drift: genomics-core/rnaseq — 5 packages added (MINOR_DRIFT)",
        body,
        labels: ["labenv:drift", "labenv:drift-minor"],
      }),
    ]);
    const second = await run();
    expect(second.environments[0]).toMatchObject({
      outcome: "left unchanged drift pull request #31",
    });
  });

  it("closes its pull request with a comment when the drift goes away, and does not read that close as a rejection", async () => {
    await putObservation(
      world.objects,
      observationOf(repository.locks.get(ENV)!.doc, "2026-11-23T11:50:00Z"),
    );
    listPulls([pull(31, { body: fingerprintMarker("f".repeat(64)) })]);
    nock(API)
      .post(`${PATH}/issues/31/comments`, (b: { body: string }) =>
        b.body.includes("the drift went away"),
      )
      .reply(201, {});
    nock(API).patch(`${PATH}/pulls/31`, { state: "closed" }).reply(200, {});
    expect((await run()).environments[0]).toMatchObject({
      report: { status: "STABLE" },
      pullRequest: { number: 31, outcome: "closed" },
    });
    // Later, new drift: the pull request labenv closed itself is no rejection, so a new one opens (here: the lab is at its cap, so it is reported).
    await putObservation(
      world.objects,
      observationOf(repository.locks.get(ENV)!.doc, "2026-11-23T12:30:00Z", withRequests),
    );
    now = new Date("2026-11-23T12:45:00Z");
    listPulls([
      pull(31, { state: "closed", body: fingerprintMarker("f".repeat(64)) }),
      ...[40, 41, 42].map((n) => pull(n, { ref: `labenv/drift/genomics-core/other-${n}` })),
    ]);
    const later = await run();
    expect(later.environments[0]!.action).toMatchObject({
      kind: "alert",
      reason: expect.stringContaining("3 open drift pull requests (the cap is 3)"),
    });
    expect(world.provider.applied).toEqual([]);
  });

  it("rejected fingerprint: a pull request closed without merging puts the environment back, and the same drift never reopens one", async () => {
    const first = observationOf(
      repository.locks.get(ENV)!.doc,
      "2026-11-23T11:45:00Z",
      withRequests,
    );
    const fingerprint = (
      await runDrift(
        { ...input, mode: "report" },
        { ...world, now: () => now, runId: "r", owner: "t" },
      )
    ).environments[0]!.report!.fingerprint;
    listPulls([
      pull(31, {
        state: "closed",
        body: `${fingerprintMarker(fingerprint)}\n${filesMarker("1".repeat(64))}`,
      }),
    ]);
    const r1 = await run();
    expect(r1.environments[0]!.outcome).toContain(
      "put back as locked (drift pull request #31 was closed without merging",
    );
    expect(world.provider.applied.map((a) => `${a.outcome} ${a.kind}`)).toEqual([
      "create ebs-snapshot",
      "replace service",
    ]);
    expect(world.state.runs.map((r) => [r.trigger, r.outcome])).toEqual([
      [`drift revert ${ENV}`, "succeeded"],
    ]);
    expect(JSON.parse(world.objects.data.get(`drift/${ENV}/memory.json`)!)).toMatchObject({
      handled: [31],
      rejected: [{ fingerprint, pullRequest: 31 }],
      revertedAt: "2026-11-23T12:00:00.000Z",
    });

    // The agent has not reported from the new task yet: its older observation is stale, nothing happens.
    now = new Date("2026-11-23T12:15:00Z");
    listPulls([pull(31, { state: "closed", body: fingerprintMarker(fingerprint) })]);
    expect((await run()).environments[0]).toMatchObject({
      report: { observation: "stale", status: "STABLE" },
      action: { kind: "none" },
    });

    // The researcher installs the same again: the fingerprint people rejected → put back again, and no pull request is opened.
    now = new Date("2026-11-23T12:45:00Z");
    await putObservation(world.objects, {
      ...first,
      metadata: { ...first.metadata, observedAt: "2026-11-23T12:30:00Z" },
    });
    listPulls([pull(31, { state: "closed", body: fingerprintMarker(fingerprint) })]);
    const r3 = await run();
    expect(r3.environments[0]!.action).toMatchObject({
      kind: "revert",
      reason: expect.stringContaining("rejected before (#31)"),
    });
    expect(world.provider.applied.map((a) => `${a.outcome} ${a.kind}`)).toEqual([
      "create ebs-snapshot",
      "replace service",
      "create ebs-snapshot",
      "replace service",
    ]);
  });
});
