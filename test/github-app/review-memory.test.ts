// What the app remembers between deliveries stays small: a remembered review
// keeps its plan as the comment tells it, not the desired and observed
// resource of every action (every task definition and service of every
// environment read), and it renders the same comment.
import { Octokit } from "@octokit/rest";
import { describe, expect, it } from "vitest";
import { loadReview } from "../../github-app/github/load-review.js";
import { ReviewMemory } from "../../github-app/review/review-memory.js";
import { renderPlanComment } from "../../github-app/render/plan-comment.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { editText, exampleRepository } from "./helpers/repositories.js";
import { mockChangedFiles, mockReviewReads } from "./helpers/github-api.js";
import { OWNER, REPO } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";

strictNock();

const HEAD = "6".repeat(40);
const BASE = "7".repeat(40);
const ENV = "environments/ml-vision/teaching/environment.yaml";

describe("the review an app instance remembers", () => {
  it("keeps no resources in its plan, and is what a later delivery gets without reading again", async () => {
    const base = exampleRepository();
    const head = editText(base, ENV, (t) => t.replace("    memory: 2048", "    memory: 4096"));
    mockReviewReads({ number: 7, head: HEAD, base: BASE }, base, head, [ENV]);
    const github = new Octokit({ auth: "t", request: { retries: 0 } });
    const pr = {
      owner: OWNER,
      repo: REPO,
      number: 7,
      headSha: HEAD,
      baseSha: BASE,
      baseRef: "main",
      headRef: "more-memory",
      headRepo: `${OWNER}/${REPO}`,
      author: "someone",
      updatedAt: "2026-11-23T10:00:00Z",
    };
    const memory = new ReviewMemory();
    const ctx = { check: createSchemaValidator(), today: "2026-11-23", memory };
    const loaded = await loadReview(github as never, pr, ctx);
    const actions = loaded!.review.plan.stages.flatMap((s) => s.actions);
    expect(
      actions.some((a) => a.environment === "ml-vision/teaching" && a.outcome !== "unchanged"),
    ).toBe(true);
    for (const a of actions) {
      expect(a).not.toHaveProperty("desired");
      expect(a).not.toHaveProperty("observed");
    }
    // The second time only the file list is asked for (strict nock: reading a commit would fail).
    mockChangedFiles(7, [ENV]);
    const again = await loadReview(github as never, pr, ctx);
    expect(again).toBe(loaded);
    const comment = renderPlanComment(again!.review.plan, {
      marker: "<!-- labenv-plan -->",
      headSha: HEAD,
    });
    expect(comment).toContain("ml-vision/teaching");
  });
});
