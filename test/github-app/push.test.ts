import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import {
  inProcessTrigger,
  type ReconcileJob,
  type ReconcileTrigger,
} from "../../github-app/reconcile-trigger.js";
import { mockCommitStatus, mockToken, type Captured } from "./helpers/github-api.js";
import { pushEvent } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import { testProbot } from "./helpers/test-probot.js";

strictNock();

const SHA = "d".repeat(40);

async function push(
  trigger: ReconcileTrigger | undefined,
  ref = "refs/heads/main",
  deleted = false,
) {
  const probot = await testProbot(createLabenvApp(trigger ? { trigger } : {}));
  await probot.receive({
    id: `d-${ref}`,
    name: "push",
    payload: pushEvent({ ref, after: SHA, deleted }),
  } as never);
}

describe("push to the default branch", () => {
  it("starts a reconcile of that commit and reports labenv/reconcile pending → success", async () => {
    const jobs: ReconcileJob[] = [];
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await push(
      inProcessTrigger(
        async (job) => (jobs.push(job), { state: "success", description: "3 created, 1 updated" }),
      ),
    );
    expect(jobs).toEqual([
      {
        source: "labenv.github-app",
        commit: SHA,
        repository: "westtek-research/labs",
        installationId: 91001,
      },
    ]);
    expect(statuses).toEqual([
      {
        state: "pending",
        context: "labenv/reconcile",
        description: "reconcile of ddddddd requested",
      },
      { state: "success", context: "labenv/reconcile", description: "3 created, 1 updated" },
    ]);
  });

  it("reports a failed reconcile as failure", async () => {
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await push(
      inProcessTrigger(async () => ({
        state: "failure",
        description: "apply failed: service genomics-core/rnaseq",
      })),
    );
    expect(statuses.map((s) => [s.state, s.description])).toEqual([
      ["pending", "reconcile of ddddddd requested"],
      ["failure", "apply failed: service genomics-core/rnaseq"],
    ]);
  });

  it("says so when no reconciler is configured (the default)", async () => {
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await push(undefined);
    expect(statuses[1]).toMatchObject({
      state: "error",
      description: "reconciler not configured: nothing was applied",
    });
  });

  it("ignores other branches, tags and deleted branches", async () => {
    const trigger = {
      trigger: async () => {
        throw new Error("must not run");
      },
    };
    await push(trigger, "refs/heads/feature");
    await push(trigger, "refs/tags/v1");
    await push(trigger, "refs/heads/main", true);
  });
});

describe("the repository labenv governs", () => {
  it("a push to another repository of the installation starts nothing; one to the configured repository does", async () => {
    const jobs: ReconcileJob[] = [];
    const trigger = inProcessTrigger(
      async (job) => (jobs.push(job), { state: "success", description: "applied" }),
    );
    const probot = await testProbot(
      createLabenvApp({ trigger, repository: "Westtek-Research/labs" }),
    );
    const elsewhere = pushEvent({ ref: "refs/heads/main", after: SHA });
    elsewhere.repository.name = "scratch";
    elsewhere.repository.full_name = "westtek-research/scratch";
    await probot.receive({ id: "d-elsewhere", name: "push", payload: elsewhere } as never);
    expect(jobs).toEqual([]);

    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await probot.receive({
      id: "d-here",
      name: "push",
      payload: pushEvent({ ref: "refs/heads/main", after: SHA }),
    } as never);
    expect(jobs.map((j) => j.repository)).toEqual(["westtek-research/labs"]);
  });
});
