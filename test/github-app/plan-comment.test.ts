import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { editText, exampleRepository } from "./helpers/repositories.js";
import {
  mockApp,
  mockBranch,
  mockComments,
  mockJudgement,
  mockCreateCheckRun,
  mockCreateComment,
  mockLatestCheckRun,
  mockReviewReads,
  mockToken,
  mockUpdateComment,
  type Captured,
} from "./helpers/github-api.js";
import { pullRequestEvent } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const BASE = "2".repeat(40);
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const base = exampleRepository();
const head = editText(base, RNASEQ, (t) => t.replace("    cpu: 1024", "    cpu: 2048"));
const now = () => new Date("2026-11-23T12:00:00Z");

/** One pull_request delivery with the comment list given; returns the comment writes. */
async function push(
  sha: string,
  updatedAt: string,
  existing: { id: number; body: string; bot?: boolean; login?: string }[],
  expectWrite: "create" | { update: number } | "none",
): Promise<Captured> {
  const writes: Captured = [];
  mockToken();
  mockApp();
  mockBranch("main", BASE);
  mockReviewReads({ number: 7, head: sha, base: BASE }, base, head, [RNASEQ]);
  mockCreateCheckRun([]);
  mockComments(7, existing);
  if (expectWrite === "create") mockCreateComment(7, writes);
  else if (expectWrite !== "none") mockUpdateComment(expectWrite.update, writes);
  const judgement = mockJudgement({
    number: 7,
    head: sha,
    tip: BASE,
    tipKnown: true,
    author: "rpatel-bio",
    reviews: [],
  });
  mockLatestCheckRun(sha, "labenv/approvals");
  mockCreateCheckRun([]);
  const probot = await testProbot(createLabenvApp({ now }));
  await probot.receive({
    id: `d-${sha}-${updatedAt}`,
    name: "pull_request",
    payload: pullRequestEvent("synchronize", {
      head: sha,
      base: BASE,
      author: "rpatel-bio",
      updatedAt,
    }),
  } as never);
  judgement.settle();
  return writes;
}

describe("the sticky plan comment", () => {
  const A = "a".repeat(40);
  const B = "b".repeat(40);

  it("is never taken from another bot's comment carrying the marker: the real plan is posted", async () => {
    const forged = `<!-- labenv:plan head=${B} at=2099-01-01T00:00:00Z -->\nnothing to see here`;
    const [c] = await push(
      A,
      "2026-11-23T10:00:00Z",
      [{ id: 13, body: forged, login: "mallory-app[bot]" }],
      "create",
    );
    expect(c!.body).toContain("## labenv plan for `aaaaaaa`");
  });

  it("is created on the first push, with the plan per environment", async () => {
    const [c] = await push(
      A,
      "2026-11-23T10:00:00Z",
      [{ id: 1, body: "LGTM", bot: false }],
      "create",
    );
    const body: string = c!.body;
    expect(body.startsWith(`<!-- labenv:plan head=${A} at=2026-11-23T10:00:00Z -->\n`)).toBe(true);
    expect(body).toContain("**1 environment changes:**");
    expect(body).toMatch(
      /\| genomics-core\/rnaseq \| 1 \| 2 \| 0 \| 0 \| 0 \| \$\d+\.\d\d → \$\d+\.\d\d \| \+\$\d+\.\d\d \|/,
    );
    expect(body).toContain(
      "- **update** task-definition: update task definition genomics-core/rnaseq: cpu 1024 → 2048",
    );
    expect(body).toMatch(/Plan digest: `sha256:[0-9a-f]{64}`/);
    expect(body).toContain("8 other environments are unchanged.");
  });

  it("is updated in place on a later push", async () => {
    const [first] = await push(A, "2026-11-23T10:00:00Z", [], "create");
    const [second] = await push(B, "2026-11-23T11:00:00Z", [{ id: 41, body: first!.body }], {
      update: 41,
    });
    expect(second!.id).toBe(41);
    expect(second!.body).toContain(`head=${B} at=2026-11-23T11:00:00Z`);
    expect(second!.body).toContain("## labenv plan for `bbbbbbb`");
  });

  it("is not written again when it already says the same", async () => {
    const [first] = await push(A, "2026-11-23T10:00:00Z", [], "create");
    expect(await push(A, "2026-11-23T10:00:00Z", [{ id: 41, body: first!.body }], "none")).toEqual(
      [],
    );
    // a reopen of the same commit later: same plan, nothing to write
    expect(await push(A, "2026-11-23T12:00:00Z", [{ id: 41, body: first!.body }], "none")).toEqual(
      [],
    );
  });

  it("is never overwritten by an older run that finishes late", async () => {
    const [newer] = await push(B, "2026-11-23T11:00:00Z", [], "create");
    expect(await push(A, "2026-11-23T10:00:00Z", [{ id: 41, body: newer!.body }], "none")).toEqual(
      [],
    );
  });

  it("ignores a human's comment that quotes the marker", async () => {
    const [c] = await push(
      A,
      "2026-11-23T10:00:00Z",
      [{ id: 5, body: `<!-- labenv:plan head=${B} at=2099-01-01T00:00:00Z -->`, bot: false }],
      "create",
    );
    expect(c!.body).toContain("labenv plan for");
  });
});
