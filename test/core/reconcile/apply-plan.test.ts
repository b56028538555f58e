// The applier with bounded concurrency, against a fake provider that counts what is in flight
// (never the clock): independent actions overlap, a dependent one waits for its dependency to be
// confirmed, a failure leaves out only what depends on it, and no lane ever has more in flight
// than its limit.
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../../reconciler/core/reconcile/apply-plan.js";
import type { Action, Plan } from "../../../reconciler/core/model/plan.js";
import type { DesiredResource, ResourceKind } from "../../../reconciler/core/model/resources.js";
import type { AppliedResource, ApplyLanes, Provider } from "../../../reconciler/ports/provider.js";

const LANE: Partial<Record<ResourceKind, string>> = {
  "access-point": "efs",
  "task-definition": "ecs",
  service: "ecs",
};

function create(kind: ResourceKind, environment: string, dependsOn: string[] = []): Action {
  const key = `${kind}:${environment}`;
  const desired = { kind, key, environment, spec: {}, tags: {}, specHash: "h", dependsOn };
  return {
    outcome: "create",
    kind,
    key,
    environment,
    reason: `create ${key}`,
    changes: [],
    desired: desired as unknown as DesiredResource,
  };
}

/** `labs` labs, each with a dataset access point its `envs` environments mount; each environment: home access point, task definition, service. */
function fleet(labs: number, envs: number): Plan {
  const storage: Action[] = [];
  const tasks: Action[] = [];
  const services: Action[] = [];
  for (let l = 0; l < labs; l++) {
    const lab = `lab-${l}`;
    storage.push(create("access-point", lab));
    for (let e = 0; e < envs; e++) {
      const env = `${lab}/env-${e}`;
      storage.push(create("access-point", env));
      tasks.push(create("task-definition", env, [`access-point:${env}`, `access-point:${lab}`]));
      services.push(create("service", env, [`task-definition:${env}`]));
    }
  }
  const actions = [...storage, ...tasks, ...services];
  return {
    version: 1,
    stages: [
      { name: "storage", actions: storage },
      { name: "task-definitions", actions: tasks },
      { name: "services", actions: services },
    ],
    summary: {
      create: actions.length,
      update: 0,
      replace: 0,
      delete: 0,
      unchanged: 0,
      skipped: 0,
    },
    costs: [],
    digest: "sha256:test",
  };
}

/** A provider whose applies each take a few turns of the event loop, counting what is in flight. */
function countingProvider(
  limits: Record<string, number>,
  options: { fails?: (a: Action) => boolean; turns?: (a: Action, n: number) => number } = {},
) {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  let total = 0;
  let n = 0;
  const confirmed = new Set<string>();
  const started: string[] = [];
  const violations: string[] = [];
  const lanes: ApplyLanes = {
    laneOf: (a) => LANE[a.kind] ?? "other",
    limitOf: (lane) => limits[lane] ?? 1,
  };
  const provider: Provider & { lanes: ApplyLanes } = {
    name: "sandbox",
    label: "counting fake",
    lanes,
    observe: async () => ({ resources: [] }),
    apply: async (action, resolve): Promise<AppliedResource> => {
      const lane = lanes.laneOf(action);
      for (const dep of action.desired?.dependsOn ?? [])
        if (!confirmed.has(dep) || resolve(dep) === undefined)
          violations.push(`${action.key} started before ${dep} was confirmed`);
      started.push(action.key);
      inFlight.set(lane, (inFlight.get(lane) ?? 0) + 1);
      total++;
      peak.set(lane, Math.max(peak.get(lane) ?? 0, inFlight.get(lane)!));
      peak.set("*", Math.max(peak.get("*") ?? 0, total));
      const turns = options.turns?.(action, n++) ?? 3;
      try {
        for (let t = 0; t < turns; t++) await new Promise((r) => setImmediate(r));
        if (options.fails?.(action)) throw new Error(`AccessDenied: ${action.key} refused`);
        confirmed.add(action.key);
        return { key: action.key, id: `id-${action.key}` };
      } finally {
        inFlight.set(lane, inFlight.get(lane)! - 1);
        total--;
      }
    },
  };
  return { provider, peak, started, violations, confirmed };
}

describe("applying a plan with bounded concurrency", () => {
  it("runs independent actions at the same time, never more per lane than its limit", async () => {
    const p = fleet(3, 8);
    const fake = countingProvider({ efs: 4, ecs: 3 });
    const result = await applyPlan(p, { resources: [] }, fake.provider);
    expect(result.failed).toBeUndefined();
    expect(result.applied).toHaveLength(3 + 3 * 8 * 3);
    expect(fake.peak.get("efs")).toBe(4);
    expect(fake.peak.get("ecs")).toBe(3);
    // Both lanes busy at once: EFS creates for later environments overlap ECS work for earlier ones.
    expect(fake.peak.get("*")).toBeGreaterThan(4);
    expect(fake.violations).toEqual([]);
  });

  it("never starts a dependent action before its dependency is confirmed, whatever the finishing order", async () => {
    const p = fleet(2, 5);
    // Later actions finish sooner, so completion order is far from plan order.
    const fake = countingProvider({ efs: 6, ecs: 6 }, { turns: (_a, n) => 1 + ((n * 7) % 11) });
    const result = await applyPlan(p, { resources: [] }, fake.provider);
    expect(fake.violations).toEqual([]);
    expect(result.applied.map((a) => a.action.key)).toEqual(
      p.stages.flatMap((s) => s.actions).map((a) => a.key),
    );
  });

  it("a failure leaves out only what depends on it; everything independent is applied", async () => {
    const p = fleet(2, 3);
    const fake = countingProvider(
      { efs: 3, ecs: 3 },
      { fails: (a) => a.key === "access-point:lab-0/env-1" || a.key === "access-point:lab-1" },
    );
    const result = await applyPlan(p, { resources: [] }, fake.provider);
    expect(result.failures?.map((f) => f.action.key)).toEqual([
      "access-point:lab-0/env-1",
      "access-point:lab-1",
    ]);
    expect(result.failed?.action.key).toBe("access-point:lab-0/env-1");
    expect(result.failed?.error.message).toMatch(/AccessDenied/);
    // env-1's own task and service, and every task and service of lab-1 (they mount its dataset).
    expect(result.leftOut?.map((l) => [l.action.key, l.after])).toEqual([
      ["task-definition:lab-0/env-1", "access-point:lab-0/env-1"],
      ["task-definition:lab-1/env-0", "access-point:lab-1"],
      ["task-definition:lab-1/env-1", "access-point:lab-1"],
      ["task-definition:lab-1/env-2", "access-point:lab-1"],
      ["service:lab-0/env-1", "access-point:lab-0/env-1"],
      ["service:lab-1/env-0", "access-point:lab-1"],
      ["service:lab-1/env-1", "access-point:lab-1"],
      ["service:lab-1/env-2", "access-point:lab-1"],
    ]);
    const applied = result.applied.map((a) => a.action.key);
    expect(applied).toContain("service:lab-0/env-0");
    expect(applied).toContain("service:lab-0/env-2");
    // lab-1's environments' home access points do not depend on the lab's: they are made.
    expect(applied).toContain("access-point:lab-1/env-2");
    expect(fake.started).not.toContain("task-definition:lab-1/env-0");
    expect(applied).toHaveLength(fleet(2, 3).summary.create - 2 - 8);
  });

  it("without lanes it applies one action at a time, in plan order", async () => {
    const p = fleet(2, 2);
    const fake = countingProvider({});
    const { lanes: _ignored, ...oneAtATime } = fake.provider;
    const result = await applyPlan(p, { resources: [] }, oneAtATime);
    expect(fake.peak.get("*")).toBe(1);
    expect(fake.started).toEqual(p.stages.flatMap((s) => s.actions).map((a) => a.key));
    expect(result.applied).toHaveLength(p.summary.create);
  });

  it("once the lease is lost, no further action starts; those in flight finish and are returned", async () => {
    const p = fleet(1, 6);
    const fake = countingProvider({ efs: 3, ecs: 3 });
    let checks = 0;
    const result = await applyPlan(p, { resources: [] }, fake.provider, undefined, () =>
      ++checks > 5 ? "lost the lease to another run" : undefined,
    );
    expect(fake.started).toHaveLength(5);
    expect(new Set(result.applied.map((a) => a.action.key))).toEqual(new Set(fake.started));
    expect(result.failed?.error.code).toBe("lease");
    expect(result.failed?.error.message).toBe("lost the lease to another run");
    expect(fake.started).not.toContain(result.failed?.action.key);
  });

  it("reports progress in plan order, whatever order actions finish in", async () => {
    const p = fleet(2, 4);
    const fake = countingProvider(
      { efs: 8, ecs: 8 },
      { turns: (_a, n) => 12 - (n % 12), fails: (a) => a.key === "access-point:lab-0/env-3" },
    );
    const seen: { index: number; key: string; ok: boolean }[] = [];
    await applyPlan(p, { resources: [] }, fake.provider, (e) =>
      seen.push({ index: e.index, key: e.action.key, ok: e.error === undefined }),
    );
    const indexes = seen.map((s) => s.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(seen.find((s) => s.key === "access-point:lab-0/env-3")?.ok).toBe(false);
    // What was left out is not reported as if it had been applied.
    expect(seen.map((s) => s.key)).not.toContain("service:lab-0/env-3");
  });
});
