import { describe, expect, it, vi } from "vitest";
import { createDriftHandler } from "../../reconciler/lambda/drift-handler.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import type {
  DriftPullRequestSpec,
  GitHost,
  HostedPullRequest,
} from "../../reconciler/ports/git-host.js";
import { exampleFiles } from "../helpers/example-repo.js";
import {
  driftWorld,
  observationOf,
  putObservation,
  withRequests,
} from "../core/drift/drift-world.js";
import { completedSources, storeSnapshot } from "../core/snapshots/stored-snapshots.js";

/** A git host in memory: enough to see what the handler asks of it. */
function memoryHost(): GitHost & { pulls: (HostedPullRequest & { spec: DriftPullRequestSpec })[] } {
  const pulls: (HostedPullRequest & { spec: DriftPullRequestSpec })[] = [];
  return {
    name: "github",
    pulls,
    async listDriftPullRequests() {
      return pulls.map(({ spec: _s, ...p }) => p).reverse();
    },
    async ensureDriftPullRequest(spec) {
      pulls.push({
        number: pulls.length + 1,
        branch: spec.branch,
        title: spec.title,
        state: "open",
        fingerprint: spec.fingerprint,
        filesDigest: spec.filesDigest,
        labels: spec.labels,
        spec,
      });
      return { number: pulls.length, outcome: "created", warnings: [] };
    },
    async closePullRequest(n) {
      pulls[n - 1]!.state = "closed";
    },
    async readFile() {
      return undefined;
    },
  };
}

describe("the drift Lambda handler", () => {
  it("on the schedule opens drift pull requests; after the App reports one closed unmerged, puts that environment back", async () => {
    const files = exampleFiles();
    const { repository } = loadRepository(files, createSchemaValidator());
    const world = driftWorld(repository);
    const host = memoryHost();
    await putObservation(
      world.objects,
      observationOf(
        repository.locks.get("genomics-core/rnaseq")!.doc,
        "2026-11-23T11:45:00Z",
        withRequests,
      ),
    );
    let now = new Date("2026-11-23T12:00:00Z");
    const handler = createDriftHandler(async () => ({
      files,
      commit: "c".repeat(40),
      ...world,
      gitHost: host,
      now: () => now,
      where: "aws eu-west-1 / cluster labenv",
    }));

    const scheduled = await handler({ source: "aws.events" }, { awsRequestId: "req-1" });
    expect(scheduled.environments.find((e) => e.environment === "genomics-core/rnaseq")).toEqual({
      environment: "genomics-core/rnaseq",
      status: "MINOR_DRIFT",
      action: "open-pr",
      outcome: "opened drift pull request #1",
    });
    expect(scheduled.environments.filter((e) => e.status === "STABLE")).toHaveLength(8);
    expect(host.pulls[0]!.spec.reviewers).toEqual(["rpatel-bio", "meichen-lab"]);

    host.pulls[0]!.state = "closed";
    now = new Date("2026-11-23T12:05:00Z");
    const revert = await handler(
      {
        source: "labenv.github-app",
        revert: "genomics-core/rnaseq",
        fingerprint: host.pulls[0]!.fingerprint!,
      },
      { awsRequestId: "req-2" },
    );
    expect(revert.environments).toEqual([
      {
        environment: "genomics-core/rnaseq",
        status: "MINOR_DRIFT",
        action: "revert",
        outcome: expect.stringContaining("put back as locked"),
      },
    ]);
    expect(world.state.runs.map((r) => [r.id, r.trigger, r.outcome])).toEqual([
      ["req-2-revert-genomics-core-rnaseq", "drift revert genomics-core/rnaseq", "succeeded"],
    ]);
  });

  it("refuses to judge or act when labenv.yaml has errors (issue 14, item 14)", async () => {
    const files = exampleFiles().map((f) =>
      f.path === "labenv.yaml"
        ? { ...f, content: String(f.content).replace("  target: sandbox", "  targt: aws") }
        : f,
    );
    const { repository } = loadRepository(exampleFiles(), createSchemaValidator());
    const world = driftWorld(repository);
    const host = memoryHost();
    const handler = createDriftHandler(async () => ({
      files,
      commit: "c".repeat(40),
      ...world,
      gitHost: host,
      now: () => new Date("2026-11-23T12:00:00Z"),
      where: "aws eu-west-1 / cluster labenv",
    }));
    await expect(
      handler({ source: "aws.events" }, { awsRequestId: "req-3" }),
    ).rejects.toMatchObject({
      code: "config",
      message: expect.stringMatching(/^labenv\.yaml has \d+ errors?/),
    });
    expect(host.pulls).toEqual([]);
    expect(world.provider.applied).toEqual([]);
  });

  it("a put-back plans under the lease from what runs then, not from the judgement's observation (issue 14, item 15)", async () => {
    const files = exampleFiles();
    const { repository } = loadRepository(files, createSchemaValidator());
    const world = driftWorld(repository);
    const host = memoryHost();
    await putObservation(
      world.objects,
      observationOf(
        repository.locks.get("genomics-core/rnaseq")!.doc,
        "2026-11-23T11:45:00Z",
        withRequests,
      ),
    );
    const handler = createDriftHandler(async () => ({
      files,
      commit: "c".repeat(40),
      ...world,
      gitHost: host,
      now: () => new Date("2026-11-23T12:00:00Z"),
      where: "aws eu-west-1 / cluster labenv",
    }));
    await handler({ source: "aws.events" }, { awsRequestId: "req-1" });
    host.pulls[0]!.state = "closed";
    // The judgement observes the task running; by the time the lease is held, someone stopped it.
    const observe = world.provider.observe.bind(world.provider);
    let calls = 0;
    world.provider.observe = async () => {
      const world = await observe();
      calls += 1;
      if (calls === 1) return world;
      return {
        resources: world.resources.map((r) =>
          r.key === "service:genomics-core/rnaseq" ? { ...r, runningCount: 0 } : r,
        ),
      };
    };
    const revert = await handler(
      {
        source: "labenv.github-app",
        revert: "genomics-core/rnaseq",
        fingerprint: host.pulls[0]!.fingerprint!,
      },
      { awsRequestId: "req-2" },
    );
    expect(calls).toBe(2);
    expect(revert.environments[0]!.outcome).toMatch(
      /no task runs any more, so there is nothing to put back/,
    );
    expect(world.provider.applied).toEqual([]);
  });

  it("on the schedule verifies stored snapshots: a planted corruption is found and reported, nothing is rewritten, and a run within the period verifies nothing", async () => {
    const files = exampleFiles();
    const { repository } = loadRepository(files, createSchemaValidator());
    const world = driftWorld(repository);
    const thesis = await storeSnapshot(world.objects, "genomics-core/rnaseq/thesis");
    await storeSnapshot(world.objects, "ml-vision/segmentation/paper");
    // The lock the thesis snapshot names is damaged in the bucket.
    await world.objects.put(thesis.lock.key, "kind: EnvironmentLock\n# not what was locked\n");
    const stored = () =>
      new Map([...world.objects.data].filter(([k]) => k.startsWith("snapshots/")));
    const before = stored();
    const calls: string[] = [];
    let now = new Date("2026-12-07T12:00:00Z");
    const handler = createDriftHandler(async () => ({
      files,
      commit: "c".repeat(40),
      ...world,
      gitHost: memoryHost(),
      now: () => now,
      where: "aws eu-west-1 / cluster labenv",
      snapshotSources: () => completedSources(calls),
    }));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const first = await handler(
        { source: "aws.events" },
        { awsRequestId: "req-v1", getRemainingTimeInMillis: () => 540_000 },
      );
      expect(first.verifications!.verified.map((v) => [v.id, v.ok])).toEqual([
        ["genomics-core/rnaseq/thesis", false],
        ["ml-vision/segmentation/paper", true],
      ]);
      expect(first.verifications!.failing).toEqual([
        {
          id: "genomics-core/rnaseq/thesis",
          verifiedAt: "2026-12-07T12:00:00.000Z",
          findings: [
            expect.objectContaining({
              object: thesis.lock.key,
              problem: "checksum",
              expected: thesis.lock.sha256,
            }),
          ],
        },
      ]);
      expect(errors.mock.calls.flat().join("\n")).toMatch(
        /✖ snapshot genomics-core\/rnaseq\/thesis FAILED verification at 2026-12-07T12:00:00.000Z/,
      );
      // Nothing a capture wrote is deleted or rewritten; the verify is kept beside it.
      expect(stored()).toEqual(before);
      const latest = JSON.parse(
        world.objects.data.get("verifications/genomics-core/rnaseq/thesis/latest.json")!,
      );
      expect(latest).toMatchObject({ ok: false, by: "the drift Lambda's schedule" });

      // A day later: within the period, nothing is verified again, and the failure is still said.
      const asked = calls.length;
      now = new Date("2026-12-08T12:00:00Z");
      const second = await handler({ source: "aws.events" }, { awsRequestId: "req-v2" });
      expect(second.verifications!.verified).toEqual([]);
      expect(second.verifications!.notDue).toBe(2);
      expect(calls.length).toBe(asked);
      expect(second.verifications!.failing.map((f) => f.id)).toEqual([
        "genomics-core/rnaseq/thesis",
      ]);

      // A put-back the App asks for is not the schedule: it verifies nothing.
      now = new Date("2026-12-20T12:00:00Z");
      const revert = await handler(
        { source: "labenv.github-app", revert: "genomics-core/rnaseq", fingerprint: "x" },
        { awsRequestId: "req-v3" },
      );
      expect(revert.verifications).toBeUndefined();
      expect(calls.length).toBe(asked);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
    expect(stored()).toEqual(before);
  });
});
