import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { createLabenvApp } from "../../github-app/app.js";
import { inProcessTrigger, type ReconcileJob } from "../../github-app/reconcile-trigger.js";
import { mockCommitStatus, mockToken, type Captured } from "./helpers/github-api.js";
import { installationEvent, pushEvent } from "./helpers/payloads.js";
import { strictNock } from "../helpers/strict-nock.js";
import {
  APP_ID,
  TestOctokit,
  WEBHOOK_SECRET,
  privateKey,
  testProbot,
} from "./helpers/test-probot.js";
import { post, sign, webhookServer } from "./helpers/webhook-server.js";

strictNock();

const SHA = "c".repeat(40);

function bareProbot(): Probot {
  return new Probot({
    appId: APP_ID,
    privateKey: privateKey(),
    secret: WEBHOOK_SECRET,
    Octokit: TestOctokit,
    logLevel: "fatal",
    logFormat: "json",
  });
}

describe("webhook deliveries over HTTP", () => {
  it("a forged signature is rejected with 400 and nothing runs; a signed delivery is answered 200", async () => {
    const jobs: ReconcileJob[] = [];
    const app = createLabenvApp({
      trigger: inProcessTrigger(
        async (job) => (jobs.push(job), { state: "success", description: "applied" }),
      ),
    });
    const server = await webhookServer(app, bareProbot());
    try {
      const body = JSON.stringify(pushEvent({ ref: "refs/heads/main", after: SHA }));
      const forged = await post(server.url, "push", "d-forged", body, sign(body, "not-the-secret"));
      expect(forged.status).toBe(400);
      expect(forged.text).toContain("signature does not match");
      const unsigned = await post(server.url, "push", "d-unsigned", body, "");
      expect(unsigned.status).toBe(400);
      expect(jobs).toEqual([]);

      const installation = JSON.stringify(installationEvent("created"));
      const ok = await post(
        server.url,
        "installation",
        "d-ok",
        installation,
        sign(installation, WEBHOOK_SECRET),
      );
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("delivery de-duplication", () => {
  it("runs a delivery id once per app instance, and again after it failed (GitHub's Redeliver keeps the id)", async () => {
    let calls = 0;
    let fail = true;
    const app = createLabenvApp({
      trigger: inProcessTrigger(async () => {
        calls += 1;
        if (fail) throw new Error("reconciler down");
        return { state: "success", description: "applied" };
      }),
    });
    const probot = await testProbot(app);
    const event = {
      id: "d-dup",
      name: "push",
      payload: pushEvent({ ref: "refs/heads/main", after: SHA }),
    } as never;
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await expect(probot.receive(event)).rejects.toThrow(/reconciler down/);
    expect(statuses.map((s) => s.state)).toEqual(["pending", "error"]);

    fail = false;
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await probot.receive(event);
    await probot.receive(event);
    expect(calls).toBe(2);
    expect(statuses.map((s) => s.state)).toEqual(["pending", "error", "pending", "success"]);
  });

  it("keeps its memory per app instance: a new instance handles the same id", async () => {
    const seen: string[] = [];
    const make = () =>
      createLabenvApp({
        trigger: inProcessTrigger(
          async (job) => (seen.push(job.commit), { state: "success", description: "ok" }),
        ),
      });
    for (const app of [make(), make()]) {
      const probot = await testProbot(app);
      mockToken();
      mockCommitStatus(SHA, []);
      mockCommitStatus(SHA, []);
      await probot.receive({
        id: "same-id",
        name: "push",
        payload: pushEvent({ ref: "refs/heads/main", after: SHA }),
      } as never);
    }
    expect(seen).toEqual([SHA, SHA]);
  });
});

describe("background work", () => {
  it("answers before the work is done and finishes it afterwards", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const app = createLabenvApp({
      work: "background",
      trigger: inProcessTrigger(
        async () => (await gate, { state: "success", description: "applied" }),
      ),
    });
    const probot = await testProbot(app);
    const statuses: Captured = [];
    mockToken();
    mockCommitStatus(SHA, statuses);
    mockCommitStatus(SHA, statuses);
    await probot.receive({
      id: "d-bg",
      name: "push",
      payload: pushEvent({ ref: "refs/heads/main", after: SHA }),
    } as never);
    expect(statuses.map((s) => s.state)).not.toContain("success");
    release();
    await app.idle();
    expect(statuses.map((s) => s.state)).toEqual(["pending", "success"]);
  });
});
