import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import { editText, exampleRepository } from "./helpers/repositories.js";
import {
  mockBranch,
  mockChangedFiles,
  mockComments,
  mockCreateCheckRun,
  mockCreateComment,
  mockApp,
  mockJudgement,
  mockLatestCheckRun,
  mockPermission,
  mockReviewReads,
  mockToken,
  mockUpdateCheckRun,
  type Captured,
} from "./helpers/github-api.js";
import {
  pullRequestEvent,
  pullRequestReviewEvent,
  type PullRequestFields,
} from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const HEAD = "1".repeat(40);
const BASE = "2".repeat(40);
const NEW_HEAD = "3".repeat(40);
const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const now = () => new Date("2026-11-23T12:00:00Z");

const base = exampleRepository();
const sharePr = editText(base, SHARE, (t) =>
  t.replace(/purpose: .*/, "purpose: Joint paper, second round."),
);

interface Case {
  /** The base branch's files (default: the example repository). */
  base?: RepoFile[];
  head?: RepoFile[];
  changed?: string[];
  author?: string;
  reviews: { login: string; state: string; commit?: string }[];
  latestRun?: { id: number; status: string };
  action?: "submitted" | "dismissed";
  admins?: Record<string, "admin" | "write">;
  /** Who pushed the head commit (default: the author). */
  pusher?: string;
}

/** A review event on the share pull request: returns the approvals check as written. */
async function judge(c: Case): Promise<Record<string, any>> {
  const pr: PullRequestFields = { head: HEAD, base: BASE, author: c.author ?? "ajones-sc" };
  const writes: Captured = [];
  mockToken();
  mockReviewReads(
    { number: 7, head: HEAD, base: BASE },
    c.base ?? base,
    c.head ?? sharePr,
    c.changed ?? [SHARE],
  );
  mockApp();
  const judgement = mockJudgement({
    number: 7,
    head: HEAD,
    tip: BASE,
    author: pr.author,
    pusher: c.pusher ?? pr.author,
    reviews: c.reviews.map((r) => ({ ...r, commit: r.commit ?? HEAD })),
  });
  for (const [login, permission] of Object.entries(c.admins ?? {}))
    mockPermission(login, permission);
  mockLatestCheckRun(HEAD, "labenv/approvals", c.latestRun);
  // An unfinished run is updated in place; a completed one is superseded by a new run when the check goes back to pending.
  if (c.latestRun?.status === "in_progress") mockUpdateCheckRun(c.latestRun.id, writes);
  else mockCreateCheckRun(writes);
  const probot = await testProbot(createLabenvApp({ now }));
  const last = c.reviews.at(-1) ?? { login: "x", state: "COMMENTED" };
  await probot.receive({
    id: "d-1",
    name: "pull_request_review",
    payload: pullRequestReviewEvent(c.action ?? "submitted", pr, {
      login: last.login,
      state: last.state,
      commit: HEAD,
    }),
  } as never);
  judgement.settle();
  expect(writes).toHaveLength(1);
  return writes[0]!;
}

describe("labenv/approvals", () => {
  it("a share approved by an approver of each lab: success", async () => {
    const run = await judge({
      reviews: [
        { login: "meichen-lab", state: "APPROVED" },
        { login: "dsato-ml", state: "APPROVED" },
      ],
    });
    expect(run).toMatchObject({
      name: "labenv/approvals",
      status: "completed",
      conclusion: "success",
    });
    expect(run.output.title).toBe("approved: 2 requirements met");
    expect(run.output.summary).toContain("@meichen-lab as approver of genomics-core");
    expect(run.output.summary).toContain("@dsato-ml as approver of ml-vision");
  });

  it("a restore over a home's files (restoreFrom.overwrite) is gated as a delete: the owner's approval is not enough, a lab approver's is", async () => {
    const env = "environments/genomics-core/single-cell/environment.yaml";
    const restoring = (overwrite: boolean) =>
      editText(base, env, (t) =>
        t.replace(
          "  state: running\n",
          `  state: running\n  restoreFrom:\n    snapshot: genomics-core/rnaseq/before-genomics-2\n${overwrite ? "    overwrite: true\n" : ""}`,
        ),
      );
    const byOwner = [{ login: "ajones-sc", state: "APPROVED" }];
    const refused = await judge({
      head: restoring(true),
      changed: [env],
      author: "linwu-phd",
      reviews: byOwner,
    });
    expect(refused).toMatchObject({ name: "labenv/approvals", status: "in_progress" });
    expect(refused.conclusion).toBeUndefined();
    expect(refused.output.title).toBe("waiting for 1 approval");
    expect(refused.output.summary).toContain(
      "environment genomics-core/single-cell: needs an approver of genomics-core (@meichen-lab, @rpatel-bio) — the plan would overwrite genomics-core/single-cell's home with snapshot genomics-core/rnaseq/before-genomics-2",
    );
    // Without overwrite the restored files land beside the home's: the owner may approve.
    const beside = await judge({
      head: restoring(false),
      changed: [env],
      author: "linwu-phd",
      reviews: byOwner,
    });
    expect(beside).toMatchObject({ status: "completed", conclusion: "success" });
    const approved = await judge({
      head: restoring(true),
      changed: [env],
      author: "linwu-phd",
      reviews: [...byOwner, { login: "meichen-lab", state: "APPROVED" }],
    });
    expect(approved).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("on target: aws a restore over a home's files is gated the same way, and the plan says what it does there", async () => {
    const env = "environments/genomics-core/single-cell/environment.yaml";
    const onAws = editText(base, "labenv.yaml", (t) =>
      t.replace("  target: sandbox\n", "  target: aws\n"),
    );
    const head = editText(onAws, env, (t) =>
      t.replace(
        "  state: running\n",
        "  state: running\n  restoreFrom:\n    snapshot: genomics-core/rnaseq/before-genomics-2\n    overwrite: true\n",
      ),
    );
    const byOwner = [{ login: "ajones-sc", state: "APPROVED" }];
    const refused = await judge({
      base: onAws,
      head,
      changed: [env],
      author: "linwu-phd",
      reviews: byOwner,
    });
    expect(refused).toMatchObject({ name: "labenv/approvals", status: "in_progress" });
    expect(refused.output.title).toBe("waiting for 1 approval");
    expect(refused.output.summary).toContain(
      "environment genomics-core/single-cell: needs an approver of genomics-core (@meichen-lab, @rpatel-bio) — the plan would overwrite genomics-core/single-cell's home with snapshot genomics-core/rnaseq/before-genomics-2 (restoreFrom.overwrite: true): each file whose content differs from the snapshot's is replaced",
    );
    expect(refused.output.summary).not.toContain("refused");
    const approved = await judge({
      base: onAws,
      head,
      changed: [env],
      author: "linwu-phd",
      reviews: [...byOwner, { login: "meichen-lab", state: "APPROVED" }],
    });
    expect(approved).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("a share approved by one lab only: pending, saying who is still needed and why", async () => {
    const run = await judge({ reviews: [{ login: "meichen-lab", state: "APPROVED" }] });
    expect(run).toMatchObject({ status: "in_progress" });
    expect(run.conclusion).toBeUndefined();
    expect(run.output.title).toBe("waiting for 1 approval");
    expect(run.output.summary).toContain(
      "share genomics-core/rnaseq-to-ml-vision: needs an approver of ml-vision (@dsato-ml, @epetrov) — ml-vision receives genomics-core's environment rnaseq (read-only)",
    );
  });

  it("the author's own approval is not counted", async () => {
    const run = await judge({
      author: "rpatel-bio",
      reviews: [
        { login: "rpatel-bio", state: "APPROVED" },
        { login: "dsato-ml", state: "APPROVED" },
      ],
    });
    expect(run.status).toBe("in_progress");
    expect(run.output.summary).toContain(
      "@rpatel-bio is the author: their own approval never counts",
    );
    expect(run.output.summary).toContain("needs an approver of genomics-core (@meichen-lab)");
  });

  it("an approver of the wrong lab is not counted", async () => {
    const run = await judge({
      reviews: [
        { login: "meichen-lab", state: "APPROVED" },
        { login: "ofernandez-climate", state: "APPROVED" },
      ],
    });
    expect(run.status).toBe("in_progress");
    expect(run.output.summary).toContain(
      "@ofernandez-climate is not a member with a role any requirement needs",
    );
  });

  it("a dismissed review puts the check back to pending (a new run supersedes the completed one)", async () => {
    const run = await judge({
      action: "dismissed",
      latestRun: { id: 99, status: "completed" },
      reviews: [
        { login: "meichen-lab", state: "APPROVED" },
        { login: "dsato-ml", state: "DISMISSED" },
      ],
    });
    expect(run).toMatchObject({ name: "labenv/approvals", head_sha: HEAD, status: "in_progress" });
    expect(run.output.summary).toContain("@dsato-ml their approval was dismissed");
  });

  it("updates the pending run in place when the last approval arrives", async () => {
    const run = await judge({
      latestRun: { id: 98, status: "in_progress" },
      reviews: [
        { login: "epetrov", state: "APPROVED" },
        { login: "rpatel-bio", state: "APPROVED" },
      ],
    });
    expect(run).toMatchObject({ id: 98, status: "completed", conclusion: "success" });
  });

  it("a pull request that adds people to approvers is judged by the base branch: their approvals do not count", async () => {
    const lab = "environments/genomics-core/lab.yaml";
    const env = "environments/genomics-core/single-cell/environment.yaml";
    const head = editText(
      editText(base, lab, (t) =>
        t.replace("approvers: [mchen, rpatel]", "approvers: [mchen, rpatel, ajones, tkim]"),
      ),
      env,
      (t) => t.replace(/description: .*/, 'description: "More cells."'),
    );
    const run = await judge({
      head,
      changed: [lab, env],
      author: "ajones-sc",
      reviews: [
        { login: "ajones-sc", state: "APPROVED" },
        { login: "tkim-rc", state: "APPROVED" },
      ],
    });
    expect(run.status).toBe("in_progress");
    expect(run.output.summary).toContain(
      "lab genomics-core: needs the PI of genomics-core (@meichen-lab)",
    );
    expect(run.output.summary).toContain(
      "@ajones-sc is the author: their own approval never counts",
    );
    expect(run.output.summary).toContain(
      "@tkim-rc is not a member with a role any requirement needs (per the base branch's lab.yaml)",
    );
  });

  it("a new lab is approved by a repository admin only", async () => {
    const path = "environments/proteomics/lab.yaml";
    const head = [
      ...base,
      {
        path,
        content:
          "apiVersion: labenv.westtek.io/v1\nkind: Lab\nmetadata: { name: proteomics }\nspec:\n  pi: zz\n  approvers: [zz]\n  posixGid: 23000\n  members: [{ id: zz, github: zz-prot, uid: 23001, role: pi }]\n",
      },
    ];
    const pending = await judge({
      head,
      changed: [path],
      reviews: [{ login: "meichen-lab", state: "APPROVED" }],
      admins: { "meichen-lab": "write" },
    });
    expect(pending.output.summary).toContain("new lab proteomics: needs a repository admin");
    const run = await judge({
      head,
      changed: [path],
      reviews: [{ login: "root-admin", state: "APPROVED" }],
      admins: { "root-admin": "admin" },
    });
    expect(run).toMatchObject({ status: "completed", conclusion: "success" });
    expect(run.output.summary).toContain("@root-admin as repository admin");
  });
});

describe("a new push after an approval", () => {
  it("makes the approvals check pending again: approvals count only on the head commit", async () => {
    const writes: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: NEW_HEAD, base: BASE }, base, sharePr, [SHARE]);
    mockCreateCheckRun(writes);
    mockComments(7, []);
    mockCreateComment(7, []);
    const judgement = mockJudgement({
      number: 7,
      head: NEW_HEAD,
      tip: BASE,
      tipKnown: true,
      author: "ajones-sc",
      reviews: [
        { login: "meichen-lab", state: "APPROVED", commit: HEAD },
        { login: "dsato-ml", state: "APPROVED", commit: HEAD },
      ],
    });
    mockLatestCheckRun(NEW_HEAD, "labenv/approvals");
    mockCreateCheckRun(writes);
    const probot = await testProbot(createLabenvApp({ now }));
    await probot.receive({
      id: "d-2",
      name: "pull_request",
      payload: pullRequestEvent("synchronize", {
        head: NEW_HEAD,
        base: BASE,
        author: "ajones-sc",
        updatedAt: "2026-11-23T11:30:00Z",
      }),
    } as never);
    judgement.settle();
    const approvals = writes.find((w) => w.name === "labenv/approvals")!;
    expect(approvals).toMatchObject({ head_sha: NEW_HEAD, status: "in_progress" });
    expect(approvals.output.summary).toContain(
      "@meichen-lab approved 1111111, not the head commit 3333333: approve again",
    );
    expect(approvals.output.summary).toContain("@dsato-ml approved 1111111");
  });
});

describe("one app instance", () => {
  it("judges a review right after the push from memory: no commit is read again", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, base, sharePr, [SHARE]);
    mockCreateCheckRun(checks);
    mockComments(7, []);
    mockCreateComment(7, []);
    mockJudgement({
      number: 7,
      head: HEAD,
      tip: BASE,
      tipKnown: true,
      author: "ajones-sc",
      reviews: [],
    }).settle(); // no reviews: nothing to approve, the check stays pending, no re-read
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks, 700);
    const probot = await testProbot(createLabenvApp({ now }));
    await probot.receive({
      id: "d-push",
      name: "pull_request",
      payload: pullRequestEvent("opened", { head: HEAD, base: BASE, author: "ajones-sc" }),
    } as never);

    mockChangedFiles(7, [SHARE]);
    mockJudgement({
      number: 7,
      head: HEAD,
      tip: BASE,
      author: "ajones-sc",
      reviews: [
        { login: "meichen-lab", state: "APPROVED", commit: HEAD },
        { login: "epetrov", state: "APPROVED", commit: HEAD },
      ],
    });
    mockLatestCheckRun(HEAD, "labenv/approvals", { id: 700, status: "in_progress" });
    mockUpdateCheckRun(700, checks);
    await probot.receive({
      id: "d-review",
      name: "pull_request_review",
      payload: pullRequestReviewEvent(
        "submitted",
        { head: HEAD, base: BASE, author: "ajones-sc" },
        { login: "epetrov", state: "APPROVED", commit: HEAD },
      ),
    } as never);
    expect(checks.at(-1)).toMatchObject({ id: 700, status: "completed", conclusion: "success" });
  });
});
