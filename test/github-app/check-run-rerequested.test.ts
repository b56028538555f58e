import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { editText, exampleRepository } from "./helpers/repositories.js";
import {
  mockApp,
  mockBranch,
  mockCreateCheckRun,
  mockJudgement,
  mockPullsOfCommit,
  mockLatestCheckRun,
  mockReviewReads,
  mockToken,
  type Captured,
} from "./helpers/github-api.js";
import { checkRunRerequestedEvent, installationEvent } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const HEAD = "4".repeat(40);
const BASE = "5".repeat(40);
const ENV = "environments/ml-vision/teaching/environment.yaml";
const base = exampleRepository();
const head = editText(base, ENV, (t) => t.replace("    memory: 2048", "    memory: 3000"));

async function rerun(name: string, appId?: number) {
  const probot = await testProbot(createLabenvApp({ now: () => new Date("2026-11-23T12:00:00Z") }));
  await probot.receive({
    id: `d-${name}`,
    name: "check_run",
    payload: checkRunRerequestedEvent({
      name,
      head: HEAD,
      base: BASE,
      number: 12,
      ...(appId !== undefined ? { appId } : {}),
    }),
  } as never);
}

describe("check_run.rerequested", () => {
  it("re-runs validation for that head commit", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    mockPullsOfCommit(HEAD, [{ number: 12, head: HEAD, author: "vraman-teach" }]);
    mockBranch("main", BASE);
    mockReviewReads({ number: 12, head: HEAD, base: BASE }, base, head, [ENV]);
    mockCreateCheckRun(checks);
    await rerun("labenv/validate");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      name: "labenv/validate",
      head_sha: HEAD,
      conclusion: "failure",
    });
    const lines = checks[0]!.output.annotations.map(
      (a: { path: string; start_line: number; annotation_level: string }) => [
        a.path,
        a.start_line,
        a.annotation_level,
      ],
    );
    expect(lines).toContainEqual([ENV, 12, "warning"]); // ml@1.0.0 is deprecated
    expect(lines).toContainEqual([ENV, 15, "failure"]); // cpu 512 with memory 3000 is not a Fargate pair (reported at cpu)
  });

  it("re-runs the approvals check", async () => {
    const checks: Captured = [];
    mockToken();
    mockApp();
    const judgement = mockJudgement({
      number: 12,
      head: HEAD,
      tip: BASE,
      author: "vraman-teach",
      reviews: [{ login: "dsato-ml", state: "APPROVED", commit: HEAD }],
    });
    mockReviewReads({ number: 12, head: HEAD, base: BASE }, base, head, [ENV]);
    mockLatestCheckRun(HEAD, "labenv/approvals");
    mockCreateCheckRun(checks);
    await rerun("labenv/approvals");
    judgement.settle();
    expect(checks[0]).toMatchObject({
      name: "labenv/approvals",
      status: "completed",
      conclusion: "success",
    });
  });

  it("leaves other apps' checks alone, also one another app named labenv/approvals", async () => {
    mockApp();
    await rerun("ci/build");
    await rerun("labenv/approvals", 999);
  });
});

describe("installation", () => {
  it("is logged and changes nothing", async () => {
    const probot = await testProbot(createLabenvApp());
    await probot.receive({
      id: "d-install",
      name: "installation",
      payload: installationEvent("created"),
    } as never);
    await probot.receive({
      id: "d-uninstall",
      name: "installation",
      payload: installationEvent("deleted"),
    } as never);
  });
});
