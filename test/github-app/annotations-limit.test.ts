import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { MAX_ANNOTATIONS } from "../../github-app/render/validate-check.js";
import {
  mockApp,
  mockBranch,
  mockComments,
  mockCreateCheckRun,
  mockCreateComment,
  mockJudgement,
  mockLatestCheckRun,
  mockReviewReads,
  mockToken,
  mockUpdateCheckRun,
  type Captured,
} from "./helpers/github-api.js";
import { pullRequestEvent } from "./helpers/payloads.js";
import { syntheticRepository } from "./helpers/synthetic-repository.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const HEAD = "1".repeat(40);
const BASE = "2".repeat(40);

describe("a pull request with hundreds of findings", () => {
  it("annotates at most MAX_ANNOTATIONS of them (errors first) in three check-run writes, and counts the rest by file", async () => {
    const repo = syntheticRepository(10, 20);
    const envs = repo.files.filter((f) => f.path.endsWith("/environment.yaml"));
    const head = repo.files.map((f) =>
      f.path.endsWith("/environment.yaml")
        ? { path: f.path, content: String(f.content).replace(/^ {4}cpu: \d+$/m, "    cpu: 3000") }
        : f,
    );
    const changed = envs.map((f) => f.path);
    const validate: Captured = [];
    mockToken();
    mockApp();
    mockBranch("main", BASE);
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, repo.files, head, changed);
    mockCreateCheckRun(validate, 900);
    mockUpdateCheckRun(900, validate);
    mockUpdateCheckRun(900, validate);
    mockComments(7, []);
    mockCreateComment(7, []);
    mockJudgement({
      number: 7,
      head: HEAD,
      tip: BASE,
      tipKnown: true,
      author: "user-0-1",
      reviews: [],
    }).settle();
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun([]);
    const probot = await testProbot(
      createLabenvApp({ now: () => new Date("2026-11-23T12:00:00Z") }),
    );
    await probot.receive({
      id: "d-many",
      name: "pull_request",
      payload: pullRequestEvent("opened", { head: HEAD, base: BASE, author: "user-0-1" }),
    } as never);

    expect(validate).toHaveLength(3);
    const annotated = validate.flatMap((w) => w.output.annotations ?? []);
    expect(annotated).toHaveLength(MAX_ANNOTATIONS);
    expect(
      annotated.every((a: { annotation_level: string }) => a.annotation_level === "failure"),
    ).toBe(true);
    expect(validate[2]).toMatchObject({ status: "completed", conclusion: "failure" });
    const summary: string = validate[0]!.output.summary;
    const total = Number(/^✖ \*\*(\d+) errors?/m.exec(summary)?.[1]);
    expect(total).toBeGreaterThan(MAX_ANNOTATIONS);
    expect(summary).toContain(
      `${total - MAX_ANNOTATIONS} findings beyond the first ${MAX_ANNOTATIONS} (errors first) have no annotation`,
    );
    expect(summary).toMatch(/- `environments\/lab-\d\d\/env-\d\d\/environment\.yaml`: \d+/);
    expect(summary.length).toBeLessThanOrEqual(65_000);
  }, 60_000);
});
