import { describe, expect, it } from "vitest";
import { Octokit } from "@octokit/rest";
import { publishCheckRun } from "../../../github-app/github/check-runs.js";
import type { GitHubClient } from "../../../github-app/github/github-client.js";
import type { CheckAnnotation } from "../../../github-app/render/validate-check.js";
import { mockCreateCheckRun, mockUpdateCheckRun, type Captured } from "../helpers/github-api.js";
import { OWNER, REPO } from "../helpers/payloads.js";
import { strictNock } from "../../helpers/strict-nock.js";

strictNock();

const github = new Octokit({ auth: "ghs_test" }) as unknown as GitHubClient;
const annotations = (n: number): CheckAnnotation[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `environments/l/e${i}/environment.yaml`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: "failure",
    title: "labenv schema",
    message: `finding ${i}`,
  }));

describe("publishCheckRun", () => {
  it("sends at most 50 annotations per request and completes the run with the last batch", async () => {
    const writes: Captured = [];
    mockCreateCheckRun(writes, 321);
    mockUpdateCheckRun(321, writes);
    mockUpdateCheckRun(321, writes);
    await publishCheckRun(
      github,
      { owner: OWNER, repo: REPO },
      {
        name: "labenv/validate",
        headSha: "a".repeat(40),
        status: "completed",
        conclusion: "failure",
        output: { title: "120 errors", summary: "…" },
        annotations: annotations(120),
      },
    );
    expect(
      writes.map((w) => [w.status ?? null, w.conclusion ?? null, w.output.annotations.length]),
    ).toEqual([
      ["in_progress", null, 50],
      [null, null, 50],
      ["completed", "failure", 20],
    ]);
    expect(writes[2]!.output.annotations[19].message).toBe("finding 119");
  });

  it("creates a finished run in one request when 50 or fewer", async () => {
    const writes: Captured = [];
    mockCreateCheckRun(writes);
    await publishCheckRun(
      github,
      { owner: OWNER, repo: REPO },
      {
        name: "labenv/validate",
        headSha: "a".repeat(40),
        status: "completed",
        conclusion: "failure",
        output: { title: "50 errors", summary: "…" },
        annotations: annotations(50),
      },
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });
});
