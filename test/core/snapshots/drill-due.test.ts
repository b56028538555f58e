// A scheduled drill run: at most the bound, longest undrilled first; every task started before
// any is waited on; one still running at the deadline is left for the next run and finished first then.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import type { Observation, Repository } from "../../../reconciler/core/model/documents.js";
import { drillDue } from "../../../reconciler/core/snapshots/drill-due.js";
import {
  drillObjects,
  runDrill,
  type DrillRecord,
  type DrillRunner,
} from "../../../reconciler/core/snapshots/drill.js";
import {
  contentRef,
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import type { SnapshotSources } from "../../../reconciler/ports/snapshot-sources.js";

const observation = (env: string): Observation =>
  ({
    apiVersion: "labenv.westtek.io/v1",
    kind: "Observation",
    metadata: {
      lab: env.split("/")[0],
      environment: env.split("/")[1],
      observedAt: "2026-12-01T00:00:00Z",
      source: "agent",
    },
    spec: {
      python: "3.11.9",
      packages: [{ name: "numpy", version: "1.26.4" }],
      kernels: [],
      extensions: [],
      jupyterConfig: [],
    },
  }) as unknown as Observation;

async function store(envs: string[]) {
  const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-drill-due-")));
  for (const env of envs) {
    const obs = JSON.stringify(observation(env));
    const lock = `lock of ${env}\n`;
    await objects.put(contentRef(obs).key, obs);
    await objects.put(contentRef(lock).key, lock);
    const m: SnapshotManifest = {
      apiVersion: "labenv.westtek.io/v1",
      kind: "SnapshotManifest",
      id: `${env}/s1`,
      request: {
        file: "f",
        requestedBy: "ana",
        reason: "r",
        include: { packages: true, home: false },
      },
      capturedAt: "2026-12-01T00:00:00Z",
      commit: "0".repeat(40),
      provider: "aws",
      lock: {
        ...contentRef(lock),
        file: "l",
        digest: "sha256:1",
        specDigest: "sha256:2",
        domainPack: "p@1.0.0",
        image: "img@sha256:1",
      },
      observation: { ...contentRef(obs), observedAt: "2026-12-01T00:00:00Z", packages: 1 },
    };
    await objects.put(snapshotObjects.manifest(m.id), manifestBytes(m).text);
  }
  return objects;
}

const repository = (envs: string[]) =>
  ({ environments: new Map(envs.map((e) => [e, {}])) }) as unknown as Repository;

describe("drillDue", () => {
  it("drills at most the bound, never-drilled and oldest first, starting every task before waiting on any", async () => {
    const envs = ["a/old", "a/new", "a/never"];
    const objects = await store(envs);
    for (const [env, at] of [
      ["a/old", "2026-10-01T00:00:00.000Z"],
      ["a/new", "2026-12-01T00:00:00.000Z"],
    ] as const)
      await objects.put(
        drillObjects.latest(env),
        JSON.stringify({
          environment: env,
          snapshot: `${env}/s1`,
          startedAt: at,
          ok: true,
          steps: [],
        }),
      );
    const calls: string[] = [];
    const runner = (waitMs: number): DrillRunner => ({
      scratchContainer: async (environment) => {
        calls.push(`${environment}@${waitMs === 0 ? "start" : "wait"}`);
        return waitMs === 0 ? { pending: "starting" } : { observation: observation(environment) };
      },
      scratchHome: async () => ({ problem: "none" }),
    });
    const now = () => new Date("2026-12-07T03:00:00Z");
    const r = await drillDue(
      repository(envs),
      { objects, sources: {} as SnapshotSources, runner, inFlight: async () => false, now },
      { maxPerRun: 2, deadline: new Date("2026-12-07T03:10:00Z") },
    );
    expect(calls).toEqual(["a/never@start", "a/old@start", "a/never@wait", "a/old@wait"]);
    expect(r.drilled.map((d) => [d.environment, d.ok, d.complete])).toEqual([
      ["a/never", true, true],
      ["a/old", true, true],
    ]);
    expect(r.left).toEqual(["a/new"]);
  });

  it("a drill still running at the deadline is left pending, and the next run follows it before starting another", async () => {
    const envs = ["a/x", "a/y"];
    const objects = await store(envs);
    const pendingRunner = (): DrillRunner => ({
      scratchContainer: async () => ({ pending: "waiting for the drill task arn:t (RUNNING)" }),
      scratchHome: async () => ({ problem: "none" }),
    });
    const now = () => new Date("2026-12-07T03:00:00Z");
    const first = await drillDue(
      repository(envs),
      {
        objects,
        sources: {} as SnapshotSources,
        runner: pendingRunner,
        inFlight: async () => false,
        now,
      },
      { maxPerRun: 1, deadline: now() },
    );
    expect(first).toMatchObject({
      drilled: [],
      pending: [{ environment: "a/x", reason: expect.stringContaining("RUNNING") }],
      left: ["a/y"],
    });
    // Next run: a/y is under way (a task started by another run) and is followed before a/x, never drilled, is started.
    const second = await drillDue(
      repository(envs),
      {
        objects,
        sources: {} as SnapshotSources,
        runner: pendingRunner,
        inFlight: async (e) => e === "a/y",
        now,
      },
      { maxPerRun: 1, deadline: now() },
    );
    expect(second.pending.map((p) => p.environment)).toEqual(["a/y"]);
  });
});

describe("a drill's measured time", () => {
  it("counts its container's run and the checks, not the wait until a later run read the report", async () => {
    const objects = await store(["a/x"]);
    const manifest = JSON.parse(
      Buffer.from((await objects.get(snapshotObjects.manifest("a/x/s1")))!).toString("utf8"),
    ) as SnapshotManifest;
    const runner: DrillRunner = {
      scratchContainer: async (environment) => ({
        observation: observation(environment),
        startedAt: new Date("2026-12-07T03:00:00Z"),
        stoppedAt: new Date("2026-12-07T03:02:30Z"),
      }),
      scratchHome: async () => ({ problem: "none" }),
    };
    // Read back a week later, by the next scheduled run.
    const week = new Date("2026-12-14T03:00:00Z");
    const r = (await runDrill(manifest, {
      objects,
      sources: {} as SnapshotSources,
      runner,
      now: () => week,
    })) as DrillRecord;
    expect(r).toMatchObject({ ok: true, startedAt: "2026-12-07T03:00:00.000Z", seconds: 150 });
  });
});
