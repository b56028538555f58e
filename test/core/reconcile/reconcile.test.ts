import { describe, expect, it } from "vitest";
import { changingActions } from "../../../reconciler/core/model/plan.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { failing, run, sandbox } from "../../helpers/sandbox.js";

const base = exampleFiles();
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";

function counts(s: ReturnType<typeof sandbox>) {
  const a = s.provider.account();
  return {
    accessPoints: a.accessPoints.length,
    services: a.services.filter((x) => x.status === "ACTIVE").length,
    snapshots: a.snapshots.length,
    backups: a.backupJobs.length,
    runningTasks: a.tasks.filter((t) => t.lastStatus === "RUNNING").length,
  };
}

describe("reconcile on the sandbox", () => {
  it("applies the example repository, and a second run changes nothing", async () => {
    const s = sandbox();
    const first = await run(base, s);
    expect(first.outcome).toBe("applied");
    expect(counts(s)).toEqual({
      accessPoints: 13,
      services: 9,
      snapshots: 3,
      backups: 3, // two Snapshot documents and the clone share's; the succession takes its own from its effective date on
      runningTasks: 6,
    });
    const second = await run(base, s);
    expect(second.outcome).toBe("no-changes");
    expect(changingActions(second.plan!)).toEqual([]);
    const runs = await s.state.listRuns(10);
    expect(runs.map((r) => r.outcome)).toEqual(["no-changes", "succeeded"]);
    const applied = await s.state.getApplied("genomics-core/rnaseq");
    expect(applied).toMatchObject({ commit: "c0ffee", environment: "genomics-core/rnaseq" });
  });

  it("a dry run is computing the plan and stopping: nothing changes", async () => {
    const s = sandbox();
    const r = await run(base, s, { mode: "plan" });
    expect(r.outcome).toBe("planned");
    expect(counts(s).services).toBe(0);
    expect(await s.state.listRuns(5)).toEqual([]);
  });

  it("holds back an environment that fails validation, naming why, and applies the rest", async () => {
    const s = sandbox();
    const r = await run(
      editYaml(base, RNASEQ, (d) => d.setIn(["spec", "owner"], "ghost")),
      s,
    );
    expect(r.outcome).toBe("applied");
    expect(r.plan!.heldBack!.map((h) => h.environment)).toEqual(["genomics-core/rnaseq"]);
    expect(r.plan!.heldBack![0]!.reasons.join("\n")).toMatch(
      /rnaseq\/environment\.yaml:\d+:\d+ .*ghost/,
    );
    expect(counts(s).services).toBe(8);
    expect(s.provider.account().services.map((x) => x.name)).not.toContain(
      "labenv-genomics-core-rnaseq",
    );
  });

  it("holds back a lock whose image was replaced by hand, naming the field", async () => {
    const s = sandbox();
    const r = await run(
      editYaml(base, RNASEQ.replace("environment.yaml", "environment.lock.yaml"), (d) =>
        d.setIn(["spec", "image"], `docker.io/someone-else/notebook@sha256:${"0".repeat(64)}`),
      ),
      s,
    );
    expect(r.outcome).toBe("applied");
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: "lock-edited", path: "spec.image", line: 16, column: 10 }),
    );
    expect(r.plan!.heldBack).toEqual([
      expect.objectContaining({
        environment: "genomics-core/rnaseq",
        kept: 0,
        reasons: [expect.stringMatching(/environment\.lock\.yaml:16:10 .*\[lock-edited\]$/)],
      }),
    ]);
    expect(s.provider.account().services.map((x) => x.name)).not.toContain(
      "labenv-genomics-core-rnaseq",
    );
  });

  it("holds back an environment whose lock is stale", async () => {
    const s = sandbox();
    const r = await run(
      editYaml(base, RNASEQ, (d) => d.setIn(["spec", "packages"], ["pydeseq2==0.4.9"])),
      s,
    );
    expect(r.outcome).toBe("applied");
    expect(r.plan!.heldBack!.map((h) => h.environment)).toEqual(["genomics-core/rnaseq"]);
    expect(r.diagnostics.some((d) => d.code === "lock-stale")).toBe(true);
  });

  it("snapshots the volume before replacing a task, and restores new tasks from it", async () => {
    const s = sandbox();
    await run(base, s);
    const r = await run(
      editYaml(base, RNASEQ, (d) => d.setIn(["spec", "resources", "memory"], 6144)),
      s,
    );
    expect(r.outcome).toBe("applied");
    const a = s.provider.account();
    const snap = a.snapshots.find((x) =>
      x.tags["labenv:resource"]!.includes("rnaseq/before-replace"),
    );
    expect(snap).toBeDefined();
    const service = a.services.find((x) => x.name === "labenv-genomics-core-rnaseq")!;
    const task = a.tasks.find((t) => t.serviceArn === service.arn && t.lastStatus === "RUNNING")!;
    expect(a.volumes.find((v) => v.id === task.volumeId)!.fromSnapshot).toBe(snap!.id);
  });

  it("removing an environment stops it but keeps its home and takes a snapshot first", async () => {
    const s = sandbox();
    await run(base, s);
    const files = base.filter((f) => !f.path.startsWith("environments/ml-vision/self-supervised/"));
    const r = await run(files, s);
    expect(r.outcome).toBe("applied");
    const a = s.provider.account();
    expect(a.services.find((x) => x.name === "labenv-ml-vision-self-supervised")!.status).toBe(
      "INACTIVE",
    );
    expect(
      a.accessPoints.some(
        (x) => x.tags["labenv:resource"] === "access-point:ml-vision/self-supervised/home",
      ),
    ).toBe(true);
    expect(
      a.snapshots.some((x) =>
        x.tags["labenv:resource"]!.startsWith(
          "ebs-snapshot:ml-vision/self-supervised/before-delete",
        ),
      ),
    ).toBe(true);
    expect(await s.state.getApplied("ml-vision/self-supervised")).toBeUndefined();
    expect((await run(files, s)).outcome).toBe("no-changes");
  });

  it("two concurrent reconciles never apply at once", async () => {
    const s = sandbox();
    const [a, b] = await Promise.all([
      run(base, s, { owner: "one" }),
      run(base, s, { owner: "two" }),
    ]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(["applied", "refused"]);
    const refused = a.outcome === "refused" ? a : b;
    expect(refused.stage).toBe("lease");
    expect(refused.reason).toMatch(/holds the lease/);
    expect(counts(s).services).toBe(9);
  });

  it("a crash after every k-th action, then re-runs, converges with nothing created twice", async () => {
    for (const k of [1, 3, 7]) {
      const s = sandbox();
      let runs = 0;
      let result;
      do {
        result = await run(base, s, { provider: failing(s.provider, (n) => n === k, "after") });
        runs += 1;
      } while (result.outcome !== "no-changes" && runs < 100);
      expect(result.outcome).toBe("no-changes");
      expect(counts(s)).toEqual({
        accessPoints: 13,
        services: 9,
        snapshots: 3,
        backups: 3, // two Snapshot documents and the clone share's; the succession takes its own from its effective date on
        runningTasks: 6,
      });
    }
  });

  it("throttling on 30% of calls: repeated runs converge, nothing duplicated, nothing lost", async () => {
    const s = sandbox();
    // A seeded uniform generator (mulberry32), so the failure pattern is the same on every run.
    let seed = 30;
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let result: Awaited<ReturnType<typeof run>> | undefined;
    for (let runs = 0; runs < 200; runs++) {
      result = await run(base, s, { provider: failing(s.provider, () => uniform() < 0.3) });
      if (result.outcome === "no-changes") break;
    }
    expect(result!.outcome, result!.reason).toBe("no-changes");
    expect(counts(s)).toEqual({
      accessPoints: 13,
      services: 9,
      snapshots: 3,
      backups: 3, // two Snapshot documents and the clone share's; the succession takes its own from its effective date on
      runningTasks: 6,
    });
  });
});
