import nock from "nock";
import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { editText, exampleRepository } from "./helpers/repositories.js";
import {
  API,
  mockActivity,
  mockApp,
  mockBranch,
  mockComments,
  mockCreateCheckRun,
  mockCreateComment,
  mockJudgement,
  mockLatestCheckRun,
  mockPullsOfCommit,
  mockReviewReads,
  mockReviews,
  mockTarball,
  mockChangedFiles,
  mockToken,
  type Captured,
} from "./helpers/github-api.js";
import {
  OWNER,
  REPO,
  checkRunRerequestedEvent,
  pullRequestEditedEvent,
  pullRequestReviewEvent,
  type PullRequestFields,
} from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

// Scenarios of issue 14 ("Approvals" 1–4): each is routed around today's rules.
const HEAD = "1".repeat(40);
const TIP = "2".repeat(40); // the default branch's tip
const STALE = "6".repeat(40); // an older base.sha a payload can carry
const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const now = () => new Date("2026-11-23T12:00:00Z");
const base = exampleRepository();
const sharePr = editText(base, SHARE, (t) =>
  t.replace(/purpose: .*/, "purpose: Joint paper, second round."),
);
const BOTH_LABS = [
  { login: "meichen-lab", state: "APPROVED", commit: HEAD },
  { login: "dsato-ml", state: "APPROVED", commit: HEAD },
];

async function review(pr: PullRequestFields, id = "d-review") {
  const probot = await testProbot(createLabenvApp({ now }));
  await probot.receive({
    id,
    name: "pull_request_review",
    payload: pullRequestReviewEvent("submitted", pr, {
      login: "dsato-ml",
      state: "APPROVED",
      commit: pr.head,
    }),
  } as never);
}

describe("1. the base branch", () => {
  it("a pull request into another branch is not judged, however it is approved there", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockPullsOfCommit(HEAD, [{ number: 7, head: HEAD, author: "ajones-sc", baseRef: "feature" }]);
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await review({ head: HEAD, base: STALE, author: "ajones-sc", baseRef: "feature" });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: "labenv/approvals", status: "in_progress" });
    expect(checks[0]!.output.title).toBe("not judged: not a pull request into main");
  });

  it("retargeting to the default branch (pull_request.edited with changes.base) reviews and judges again, against the branch's tip", async () => {
    const checks: Captured = [];
    const comments: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    // The payload's base.sha is stale: only the tip's tarball is served.
    mockReviewReads({ number: 7, head: HEAD, base: TIP }, base, sharePr, [SHARE]);
    mockCreateCheckRun(checks);
    mockComments(7, []);
    mockCreateComment(7, comments);
    const judgement = mockJudgement({
      number: 7,
      head: HEAD,
      tip: TIP,
      tipKnown: true,
      author: "ajones-sc",
      reviews: [{ login: "meichen-lab", state: "APPROVED", commit: HEAD }],
    });
    mockLatestCheckRun(HEAD, "labenv/approvals", { id: 40, status: "completed" });
    mockCreateCheckRun(checks);
    const probot = await testProbot(createLabenvApp({ now }));
    await probot.receive({
      id: "d-retarget",
      name: "pull_request",
      payload: pullRequestEditedEvent({ head: HEAD, base: STALE, author: "ajones-sc" }, "feature"),
    } as never);
    judgement.settle();
    expect(checks.map((c) => c.name)).toEqual(["labenv/validate", "labenv/approvals"]);
    expect(checks[1]).toMatchObject({ status: "in_progress" });
    expect(checks[1]!.output.summary).toContain("needs an approver of ml-vision");
    expect(checks[1]!.output.summary).toContain("Judged against `main` at 2222222");
    expect(comments).toHaveLength(1);
  });

  it("a title edit changes nothing", async () => {
    const probot = await testProbot(createLabenvApp({ now }));
    await probot.receive({
      id: "d-title",
      name: "pull_request",
      payload: pullRequestEditedEvent({ head: HEAD, base: TIP, author: "ajones-sc" }),
    } as never);
  });

  it("two open pull requests into the default branch sharing a head must both be approved", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockPullsOfCommit(HEAD, [
      { number: 7, head: HEAD, author: "ajones-sc" },
      { number: 9, head: HEAD, author: "ajones-sc", headRef: "copy-of-add-atac" },
    ]);
    for (const n of [7, 9]) {
      mockChangedFiles(n, [SHARE]);
    }
    mockTarball(HEAD, sharePr);
    mockTarball(TIP, base);
    mockActivity("add-atac", [{ after: HEAD, actor: "ajones-sc" }]);
    mockActivity("copy-of-add-atac", [{ after: HEAD, actor: "ajones-sc" }]);
    mockReviews(7, BOTH_LABS);
    mockReviews(9, []);
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await review({ number: 7, head: HEAD, base: STALE, author: "ajones-sc" });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: "in_progress" });
    expect(checks[0]!.output.title).toMatch(/^waiting: #9 \(waiting for 2 approvals\)$/);
    expect(checks[0]!.output.summary).toContain("## #7: approved: 2 requirements met");
  });
});

describe("1. Re-run on a head two pull requests share", () => {
  it("judges every open pull request into the default branch, not the one GitHub lists first", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockPullsOfCommit(HEAD, [
      { number: 7, head: HEAD, author: "ajones-sc" },
      { number: 9, head: HEAD, author: "ajones-sc", headRef: "copy-of-add-atac" },
      { number: 11, head: HEAD, author: "ajones-sc", baseRef: "feature" },
    ]);
    mockChangedFiles(7, [SHARE]);
    mockChangedFiles(9, [SHARE]);
    mockTarball(HEAD, sharePr);
    mockTarball(TIP, base);
    mockActivity("add-atac", [{ after: HEAD, actor: "ajones-sc" }]);
    mockActivity("copy-of-add-atac", [{ after: HEAD, actor: "ajones-sc" }]);
    mockReviews(7, BOTH_LABS);
    mockReviews(9, [{ login: "meichen-lab", state: "APPROVED", commit: HEAD }]);
    mockLatestCheckRun(HEAD, "labenv/approvals", { id: 70, status: "completed" });
    mockCreateCheckRun(checks);
    const probot = await testProbot(createLabenvApp({ now }));
    await probot.receive({
      id: "d-rerun",
      name: "check_run",
      // GitHub lists the approved #7 first.
      payload: checkRunRerequestedEvent({
        name: "labenv/approvals",
        head: HEAD,
        base: STALE,
        number: 7,
      }),
    } as never);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: "in_progress" });
    expect(checks[0]!.output.title).toBe("waiting: #9 (waiting for 1 approval)");
    expect(checks[0]!.output.summary).toContain(
      "head of 2 open pull requests into `main` (#7, #9)",
    );
  });
});

describe("3. the last pusher", () => {
  it("a PI who pushed into a labmate's pull request cannot approve it", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockReviewReads({ number: 7, head: HEAD, base: TIP }, base, sharePr, [SHARE]);
    mockJudgement({
      number: 7,
      head: HEAD,
      tip: TIP,
      author: "ajones-sc",
      pusher: "meichen-lab",
      reviews: BOTH_LABS,
    }).settle();
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await review({ head: HEAD, base: TIP, author: "ajones-sc" });
    expect(checks[0]).toMatchObject({ status: "in_progress" });
    expect(checks[0]!.output.summary).toContain(
      "@meichen-lab pushed the head commit: whoever pushed the latest commit cannot approve it",
    );
  });
});

describe("3. no activity API (an older GitHub Enterprise Server)", () => {
  it("the pusher is unknown, so no approval counts", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockPullsOfCommit(HEAD, [{ number: 7, head: HEAD, author: "ajones-sc" }]);
    mockReviewReads({ number: 7, head: HEAD, base: TIP }, base, sharePr, [SHARE]);
    nock(API)
      .get(`/repos/${OWNER}/${REPO}/activity`)
      .query(true)
      .reply(404, { message: "Not Found" });
    mockReviews(7, BOTH_LABS);
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await review({ head: HEAD, base: TIP, author: "ajones-sc" });
    expect(checks[0]).toMatchObject({ status: "in_progress" });
    expect(checks[0]!.output.summary).toContain("this GitHub has no repository activity API");
  });
});

describe("3. a fork's head", () => {
  it("that maintainers may push to: labenv cannot see the pusher, so no approval counts", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", TIP);
    mockPullsOfCommit(HEAD, []); // GitHub's list lags: the event's pull request is kept
    mockReviewReads({ number: 7, head: HEAD, base: TIP }, base, sharePr, [SHARE]);
    mockReviews(7, BOTH_LABS);
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await review({
      head: HEAD,
      base: TIP,
      author: "ajones-sc",
      headRepo: "ajones-sc/labs",
      maintainerCanModify: true,
    });
    expect(checks[0]).toMatchObject({ status: "in_progress" });
    expect(checks[0]!.output.summary).toContain(
      "@meichen-lab cannot count: the head of #7 is in the fork ajones-sc/labs, which this repository's maintainers may push to",
    );
  });
});

describe("4. whose check run", () => {
  it("never updates a labenv/approvals run another app created: it creates its own", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockReviewReads({ number: 7, head: HEAD, base: TIP }, base, sharePr, [SHARE]);
    const judgement = mockJudgement({
      number: 7,
      head: HEAD,
      tip: TIP,
      author: "ajones-sc",
      reviews: [{ login: "meichen-lab", state: "APPROVED", commit: HEAD }],
    });
    mockLatestCheckRun(HEAD, "labenv/approvals", {
      id: 66,
      status: "in_progress",
      app: { id: 999 },
    });
    mockCreateCheckRun(checks);
    await review({ head: HEAD, base: TIP, author: "ajones-sc" });
    judgement.settle();
    expect(checks).toHaveLength(1);
    expect(checks[0]!.name).toBe("labenv/approvals");
  });
});

describe("2. a race between an approval and a later change request", () => {
  it("a success written after the change request was judged elsewhere is corrected", async () => {
    // A small GitHub stand-in with state: the reviews of #7 and the check runs of HEAD.
    const reviews = [
      { id: 1, login: "meichen-lab", state: "APPROVED", commit: HEAD },
      { id: 2, login: "dsato-ml", state: "APPROVED", commit: HEAD },
    ];
    const runs: { id: number; status: string; conclusion?: string }[] = [];
    const writes: string[] = [];
    const reviewJson = () =>
      reviews.map((r, i) => ({
        id: r.id,
        user: { login: r.login, type: "User" },
        state: r.state,
        commit_id: r.commit,
        submitted_at: `2026-11-23T11:00:0${i}Z`,
      }));
    let onFirstRead: (() => Promise<void>) | undefined;
    const R = `/repos/${OWNER}/${REPO}`;
    nock(API)
      .persist()
      .post(/\/app\/installations\/\d+\/access_tokens/)
      .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" });
    nock(API).persist().get("/app").reply(200, { id: 4242, slug: "labenv" });
    nock(API)
      .persist()
      .get(`${R}/branches/main`)
      .reply(200, { commit: { sha: TIP } });
    nock(API)
      .persist()
      .get(`${R}/commits/${HEAD}/pulls`)
      .query(true)
      .reply(200, [
        {
          number: 7,
          state: "open",
          head: { sha: HEAD, ref: "add-atac", repo: { full_name: `${OWNER}/${REPO}` } },
          base: { sha: TIP, ref: "main" },
          user: { login: "ajones-sc" },
          updated_at: "2026-11-23T10:00:00Z",
        },
      ]);
    nock(API)
      .persist()
      .get(`${R}/pulls/7/files`)
      .query(true)
      .reply(200, [{ filename: SHARE, status: "modified" }]);
    nock(API)
      .persist()
      .get(`${R}/activity`)
      .query(true)
      .reply(200, [{ after: HEAD, activity_type: "push", actor: { login: "ajones-sc" } }]);
    const { tarball } = await import("./helpers/tarball.js");
    nock(API)
      .persist()
      .get(`${R}/tarball/${HEAD}`)
      .reply(200, () => tarball(sharePr, HEAD), { "content-type": "application/x-gzip" });
    nock(API)
      .persist()
      .get(`${R}/tarball/${TIP}`)
      .reply(200, () => tarball(base, TIP), { "content-type": "application/x-gzip" });
    // The first read of the reviews (A's) is answered with what it saw when asked, but only
    // after B, started meanwhile, has judged the change request: A's success then lands last.
    let reads = 0;
    nock(API)
      .persist()
      .get(`${R}/pulls/7/reviews`)
      .query(true)
      .reply((_uri, _body, cb) => {
        reads += 1;
        const seen = reviewJson();
        if (reads === 1) void onFirstRead!().then(() => cb(null, [200, seen]));
        else cb(null, [200, seen]);
      });
    nock(API)
      .persist()
      .get(`${R}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, () => {
        const latest = runs.at(-1);
        return {
          total_count: latest ? 1 : 0,
          check_runs: latest ? [{ ...latest, app: { id: 4242 } }] : [],
        };
      });
    nock(API)
      .persist()
      .post(`${R}/check-runs`)
      .reply(201, (_uri, body) => {
        const b = body as { status: string; conclusion?: string };
        writes.push(b.conclusion ?? b.status);
        runs.push({
          id: 500 + runs.length,
          status: b.status,
          ...(b.conclusion ? { conclusion: b.conclusion } : {}),
        });
        return { id: runs.at(-1)!.id };
      });
    nock(API)
      .persist()
      .patch(/\/check-runs\/\d+$/)
      .reply(200, (uri, body) => {
        const b = body as { status: string; conclusion?: string };
        writes.push(b.conclusion ?? b.status);
        const run = runs.find((r) => uri.endsWith(`/${r.id}`))!;
        run.status = b.status;
        if (b.conclusion) run.conclusion = b.conclusion;
        else delete run.conclusion;
        return { id: run.id };
      });

    // Two app instances (two Lambda sandboxes): A judges the approval, B the change request.
    const a = await testProbot(createLabenvApp({ now }));
    const b = await testProbot(createLabenvApp({ now }));
    const pr = { head: HEAD, base: TIP, author: "ajones-sc" };
    onFirstRead = () => {
      // While A's read of the reviews is on its way, the reviewer changes their mind and B judges that.
      reviews.push({ id: 3, login: "meichen-lab", state: "CHANGES_REQUESTED", commit: HEAD });
      return b.receive({
        id: "d-b",
        name: "pull_request_review",
        payload: pullRequestReviewEvent("submitted", pr, {
          login: "meichen-lab",
          state: "CHANGES_REQUESTED",
          commit: HEAD,
        }),
      } as never);
    };
    await a.receive({
      id: "d-a",
      name: "pull_request_review",
      payload: pullRequestReviewEvent("submitted", pr, {
        login: "meichen-lab",
        state: "APPROVED",
        commit: HEAD,
      }),
    } as never);
    // B's pending verdict came first, A's success after it: A corrected itself.
    expect(writes.slice(0, 2)).toEqual(["in_progress", "success"]);
    const last = runs.at(-1)!;
    expect(last.status).toBe("in_progress");
    expect(last.conclusion).toBeUndefined();
    nock.cleanAll();
  });
});
