// Reconcile on a sandbox that lets the applier run independent actions at the same time (AWS's
// lanes, small limits): the account file stays whole, a failure holds back only what depends on
// it, and every environment that was applied in full is recorded.
import { describe, expect, it } from "vitest";
import { awsApplyLanes } from "../../../reconciler/adapters/aws/aws-apply-lanes.js";
import { SandboxProvider } from "../../../reconciler/adapters/sandbox/sandbox-provider.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import type { Provider } from "../../../reconciler/ports/provider.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { failing, packImages, run, sandbox } from "../../helpers/sandbox.js";

const base = exampleFiles();
const lanes = awsApplyLanes({ efs: 3, ecs: 3, ec2: 2, elbv2: 2, backup: 2, codebuild: 2 });

function concurrent(s: ReturnType<typeof sandbox>): SandboxProvider {
  return new SandboxProvider(s.dir, { now: s.now, registry: packImages, lanes });
}

/** What runs, by key: kind and spec (ids and times depend on the order effects happened in). */
function shape(resources: ObservedResource[]) {
  return resources
    .map((r) => ({ key: r.key, kind: r.kind, spec: r.spec }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Fails one action, before its effect, every time it is tried while `broken()`. */
function refusing(inner: Provider, key: string, broken: () => boolean): Provider {
  return {
    ...failing(inner, () => false),
    apply: async (action: Action, resolve) => {
      if (action.key === key && broken())
        throw new Error(`AccessDeniedException: not allowed to ${action.outcome} ${key}`);
      return inner.apply(action, resolve);
    },
  };
}

describe("reconcile with independent actions applied at the same time", () => {
  it("reaches the same account as one action at a time, and a second run changes nothing", async () => {
    const one = sandbox();
    expect((await run(base, one)).outcome).toBe("applied");
    const many = sandbox();
    const provider = concurrent(many);
    const first = await run(base, many, { provider });
    expect(first.outcome, first.reason).toBe("applied");
    expect(shape((await provider.observe()).resources)).toEqual(
      shape((await one.provider.observe()).resources),
    );
    expect((await run(base, many, { provider })).outcome).toBe("no-changes");
  });

  it("one failed action holds back only what depends on it; the rest is applied and recorded", async () => {
    const s = sandbox();
    const failed = "task-definition:genomics-core/rnaseq";
    let broken = true;
    const provider = refusing(concurrent(s), failed, () => broken);
    const first = await run(base, s, { provider });
    expect(first.outcome).toBe("failed");
    expect(first.stage).toBe("apply");
    expect(first.reason).toMatch(
      /^create task-definition:genomics-core\/rnaseq failed: AccessDeniedException: .*; \d+ dependent actions left out \(safe to run again\)$/,
    );
    const keys = new Set((await provider.observe()).resources.map((r) => r.key));
    // rnaseq's home is made (it comes before), its service is not (it runs the task definition).
    expect(keys.has("access-point:genomics-core/rnaseq/home")).toBe(true);
    expect(keys.has("service:genomics-core/rnaseq")).toBe(false);
    const records = new Map((await s.state.listApplied()).map((r) => [r.environment, r]));
    expect(records.has("genomics-core/rnaseq")).toBe(false);
    // Every other environment is applied and recorded against this plan.
    const others = first
      .plan!.costs.map((c) => c.environment)
      .filter((e) => e !== "genomics-core/rnaseq");
    expect(others.length).toBeGreaterThan(3);
    for (const env of others) {
      expect(keys.has(`service:${env}`), env).toBe(true);
      expect(records.get(env)?.planDigest, env).toBe(first.plan!.digest);
    }
    broken = false;
    const second = await run(base, s, { provider });
    expect(second.outcome, second.reason).toBe("applied");
    // What was held back: the task definition, then its service and rnaseq's requested snapshot and backup.
    expect(second.plan!.summary.create).toBe(4);
    expect((await run(base, s, { provider })).outcome).toBe("no-changes");
  });

  it("throttling on 30% of calls: repeated concurrent runs converge, nothing duplicated", async () => {
    const s = sandbox();
    let seed = 7;
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const provider = failing(concurrent(s), () => uniform() < 0.3);
    let result: Awaited<ReturnType<typeof run>> | undefined;
    for (let runs = 0; runs < 100; runs++) {
      result = await run(base, s, { provider });
      if (result.outcome === "no-changes") break;
    }
    expect(result!.outcome, result!.reason).toBe("no-changes");
    const one = sandbox();
    await run(base, one);
    expect(shape((await s.provider.observe()).resources)).toEqual(
      shape((await one.provider.observe()).resources),
    );
    const account = s.provider.account();
    expect(account.accessPoints).toHaveLength(one.provider.account().accessPoints.length);
  });
});
