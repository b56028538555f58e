import nock from "nock";
import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { inProcessTrigger, type ReconcileJob } from "../../github-app/reconcile-trigger.js";
import {
  mockApp,
  mockBranch,
  mockComments,
  mockCreateComment,
  mockToken,
  type Captured,
} from "./helpers/github-api.js";
import { pullRequestEvent, type PullRequestFields } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const HEAD = "e".repeat(40);
const BASE = "f".repeat(40);
/** The default branch's tip, newer than the payload's base.sha. */
const TIP = "a".repeat(40);
const drift: PullRequestFields = {
  number: 31,
  head: HEAD,
  base: BASE,
  author: "labenv[bot]",
  authorType: "Bot",
  headRef: "labenv/drift/genomics-core/rnaseq",
  body: "Drift in genomics-core/rnaseq\n\n<!-- labenv:drift fingerprint=sha256:abc123 -->",
};

async function close(f: PullRequestFields, jobs: ReconcileJob[] = []) {
  const probot = await testProbot(
    createLabenvApp({
      trigger: inProcessTrigger(
        async (job) => (
          jobs.push(job),
          { state: "pending", description: "revert of genomics-core/rnaseq queued" }
        ),
      ),
    }),
  );
  await probot.receive({
    id: `d-${f.merged}`,
    name: "pull_request",
    payload: pullRequestEvent("closed", f),
  } as never);
}

describe("a drift pull request closed", () => {
  it("merged: comments that the lock is updated and re-applies nothing", async () => {
    const comments: Captured = [];
    const jobs: ReconcileJob[] = [];
    mockToken();
    mockApp();
    mockComments(31, []);
    mockCreateComment(31, comments);
    await close({ ...drift, merged: true }, jobs);
    expect(jobs).toEqual([]);
    expect(comments[0]!.body).toContain(
      "the lock of `genomics-core/rnaseq` is updated to what runs. No re-apply needed.",
    );
  });

  it("closed unmerged: asks the reconciler to revert the environment at the default branch's tip and says what will happen", async () => {
    const comments: Captured = [];
    const jobs: ReconcileJob[] = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockComments(31, []);
    mockCreateComment(31, comments);
    await close(drift, jobs);
    expect(jobs).toEqual([
      {
        source: "labenv.github-app",
        commit: TIP,
        repository: "westtek-research/labs",
        installationId: 91001,
        revert: "genomics-core/rnaseq",
        fingerprint: "sha256:abc123",
      },
    ]);
    expect(comments[0]!.body).toContain(
      "The committed lock of `genomics-core/rnaseq` (on `aaaaaaa`) will be re-applied",
    );
    expect(comments[0]!.body).toContain(
      "Revert request: revert of genomics-core/rnaseq queued (drift fingerprint `sha256:abc123`).",
    );
  });

  it("does not comment or revert twice on a repeated delivery", async () => {
    const jobs: ReconcileJob[] = [];
    mockToken();
    mockApp();
    mockComments(31, [{ id: 9, body: "<!-- labenv:drift-closed -->\nlabenv: …" }]);
    await close(drift, jobs);
    expect(jobs).toEqual([]);
  });

  it("is not fooled by another bot's comment carrying the closed marker", async () => {
    const jobs: ReconcileJob[] = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockComments(31, [
      { id: 9, body: "<!-- labenv:drift-closed -->\nfake", login: "mallory-app[bot]" },
    ]);
    mockCreateComment(31, []);
    await close(drift, jobs);
    expect(jobs.map((j) => j.revert)).toEqual(["genomics-core/rnaseq"]);
  });

  it("puts nothing back for another bot's pull request from a drift branch, nor for one into another branch", async () => {
    const jobs: ReconcileJob[] = [];
    mockApp();
    await close({ ...drift, author: "mallory-app[bot]" }, jobs);
    mockApp();
    await close({ ...drift, baseRef: "release" }, jobs);
    expect(jobs).toEqual([]);
  });

  it("ignores ordinary pull requests, forks and people using the branch name", async () => {
    await close({ ...drift, headRef: "feature/x" });
    mockApp();
    await close({ ...drift, headRepo: "someone/labs-fork" });
    mockApp();
    await close({ ...drift, authorType: "User" });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
