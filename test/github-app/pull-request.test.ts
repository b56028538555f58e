import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { editText, exampleRepository } from "./helpers/repositories.js";
import {
  mockComments,
  mockCreateCheckRun,
  mockCreateComment,
  mockLatestCheckRun,
  mockReviewReads,
  mockToken,
  mockChangedFiles,
  mockApp,
  mockBranch,
  mockJudgement,
  type Captured,
} from "./helpers/github-api.js";
import { pullRequestEvent } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const HEAD = "1".repeat(40);
const BASE = "2".repeat(40);
const now = () => new Date("2026-11-23T12:00:00Z");
const SINGLE_CELL = "environments/genomics-core/single-cell/environment.yaml";

async function deliver(payload: Record<string, unknown>, id = "delivery-1") {
  const probot = await testProbot(createLabenvApp({ now }));
  await probot.receive({ id, name: "pull_request", payload } as never);
}

describe("pull_request opened", () => {
  it("annotates a planted error on its exact line, says the locks are fine, and fails labenv/validate", async () => {
    const base = exampleRepository();
    const head = editText(base, SINGLE_CELL, (t) => t.replace("    cpu: 2048", "    cpu: 3000"));
    const checks: Captured = [];
    const comments: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, base, head, [SINGLE_CELL]);
    mockCreateCheckRun(checks);
    mockComments(7, []);
    mockCreateComment(7, comments);
    mockJudgement({
      number: 7,
      head: HEAD,
      tip: BASE,
      tipKnown: true,
      author: "ajones-sc",
      reviews: [],
    });
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await deliver(pullRequestEvent("opened", { head: HEAD, base: BASE, author: "ajones-sc" }));

    const validate = checks[0]!;
    expect(validate).toMatchObject({
      name: "labenv/validate",
      head_sha: HEAD,
      status: "completed",
      conclusion: "failure",
    });
    const annotation = validate.output.annotations.find(
      (a: { path: string }) => a.path === SINGLE_CELL,
    );
    expect(annotation).toMatchObject({
      path: SINGLE_CELL,
      start_line: 15,
      end_line: 15,
      annotation_level: "failure",
    });
    expect(annotation.title).toContain("spec.resources");
    expect(validate.output.summary).toContain("Every lock of a changed environment is up to date.");
    expect(validate.output.title).toMatch(/error/);

    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(
      /^<!-- labenv:plan head=1{40} at=2026-11-23T10:00:00Z -->\n## labenv plan for `1111111`/,
    );

    const approvals = checks[1]!;
    expect(approvals).toMatchObject({
      name: "labenv/approvals",
      head_sha: HEAD,
      status: "in_progress",
    });
    expect(approvals.output.summary).toContain(
      "environment genomics-core/single-cell: needs its owner (ajones) or an approver of genomics-core (@meichen-lab, @rpatel-bio)",
    );
  });

  it("fails labenv/validate on a lock edited by hand, annotating the edited field", async () => {
    const base = exampleRepository();
    const LOCK = SINGLE_CELL.replace("environment.yaml", "environment.lock.yaml");
    const head = editText(base, LOCK, (t) =>
      t.replace(
        /image: ghcr\.io\/\S+/,
        `image: docker.io/someone-else/notebook@sha256:${"0".repeat(64)}`,
      ),
    );
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, base, head, [LOCK]);
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
    });
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await deliver(pullRequestEvent("synchronize", { head: HEAD, base: BASE, author: "ajones-sc" }));
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).toContain(
      "`environments/genomics-core/single-cell/environment.lock.yaml`: spec.image: the lock says docker.io/someone-else/notebook@sha256:",
    );
    expect(checks[0]!.output.annotations).toContainEqual(
      expect.objectContaining({
        path: LOCK,
        start_line: 16,
        title: "labenv lock-edited (spec.image)",
      }),
    );
  });

  it("with a remote package index, still catches a replaced image without the embedded file", async () => {
    const LOCK = SINGLE_CELL.replace("environment.yaml", "environment.lock.yaml");
    const base = editText(exampleRepository(), "labenv.yaml", (t) =>
      t.replace(
        /kind: embedded\n {4}path: package-index.yaml/,
        "kind: pypi\n    url: https://pypi.invalid",
      ),
    ).filter((f) => f.path !== "package-index.yaml");
    const head = editText(base, LOCK, (t) =>
      t.replace(
        /image: ghcr\.io\/\S+/,
        `image: docker.io/someone-else/notebook@sha256:${"0".repeat(64)}`,
      ),
    );
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, base, head, [LOCK]);
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
    });
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await deliver(pullRequestEvent("synchronize", { head: HEAD, base: BASE, author: "ajones-sc" }));
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).not.toContain("package-index.yaml does not exist");
    expect(checks[0]!.output.annotations).toContainEqual(
      expect.objectContaining({ path: LOCK, title: "labenv lock-edited (spec.image)" }),
    );
  });

  it("says what is stale in a lock", async () => {
    const base = exampleRepository();
    const head = editText(base, SINGLE_CELL, (t) =>
      t.replace(/packages:\n/, 'packages:\n    - "pydeseq2>=0.4.10,<0.5"\n'),
    );
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, base, head, [SINGLE_CELL]);
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
    });
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await deliver(pullRequestEvent("synchronize", { head: HEAD, base: BASE, author: "ajones-sc" }));
    const summary: string = checks[0]!.output.summary;
    expect(summary).toContain(
      "`environments/genomics-core/single-cell/environment.lock.yaml`: lock is stale:",
    );
    expect(summary).toContain(
      "run `labenv lock genomics-core/single-cell` and commit the lockfile",
    );
    expect(checks[0]!.conclusion).toBe("failure");
  });

  it("reports both checks on a pull request that touches nothing labenv manages, without reading the repository", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockChangedFiles(7, ["README.md", "docs/notes.md"]);
    mockCreateCheckRun(checks);
    mockJudgement({ number: 7, head: HEAD, tip: BASE, tipKnown: true, author: "someone" });
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await deliver(pullRequestEvent("opened", { head: HEAD, base: BASE, author: "someone" }));
    expect(checks.map((c) => [c.name, c.status, c.conclusion])).toEqual([
      ["labenv/validate", "completed", "skipped"],
      ["labenv/approvals", "completed", "success"],
    ]);
  });
});
