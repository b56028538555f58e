// A prune that fails stops only that snapshot's prune: the environment's other pruned snapshots
// are still deleted, the failed one's other part is left out, and the failure is reported.
import { describe, expect, it } from "vitest";
import { applyDependencies } from "../../../reconciler/core/reconcile/apply-order.js";
import { applyPlan } from "../../../reconciler/core/reconcile/apply-plan.js";
import type { Action, Plan } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource, ResourceKind } from "../../../reconciler/core/model/resources.js";
import type { Provider } from "../../../reconciler/ports/provider.js";

const E = "genomics-core/rnaseq";
const prune = (kind: ResourceKind, name: string): Action => {
  const key = `${kind}:${E}/${name}`;
  return {
    outcome: "delete",
    kind,
    key,
    environment: E,
    observed: {
      kind,
      key,
      environment: E,
      id: `id-${kind}-${name}`,
      spec: {},
      tags: {},
    } as unknown as ObservedResource,
    changes: [],
    reason: `delete ${name}: pruned by keep (daily 1)`,
  };
};
const A = "scheduled-20261101-0300";
const B = "scheduled-20261102-0300";
const C = "scheduled-20261103-0300";
const actions = [
  prune("ebs-snapshot", A),
  prune("backup-job", A),
  prune("ebs-snapshot", B),
  prune("backup-job", B),
  prune("ebs-snapshot", C),
];

describe("pruning isolates each snapshot", () => {
  it("a snapshot's deletes wait on each other only", () => {
    expect(applyDependencies(actions)).toEqual([[], [0], [], [2], []]);
  });

  it("a failed delete leaves out its own snapshot's other part, and every other prune is applied and the failure reported", async () => {
    const done: string[] = [];
    const provider: Provider = {
      name: "sandbox",
      label: "fake",
      observe: async () => ({ resources: [] }),
      apply: async (a: Action) => {
        if (a.key === `ebs-snapshot:${E}/${A}`) throw new Error("InvalidSnapshot.InUse");
        done.push(a.key);
        return { key: a.key, id: a.observed!.id };
      },
    } as unknown as Provider;
    const p = {
      version: 1,
      stages: [{ name: "retire", actions }],
      summary: { create: 0, update: 0, replace: 0, delete: 5, unchanged: 0, skipped: 0 },
    } as unknown as Plan;
    const r = await applyPlan(p, { resources: [] }, provider);
    expect(done.sort()).toEqual(
      [`backup-job:${E}/${B}`, `ebs-snapshot:${E}/${B}`, `ebs-snapshot:${E}/${C}`].sort(),
    );
    expect(r.failures?.map((f) => f.action.key)).toEqual([`ebs-snapshot:${E}/${A}`]);
    expect(r.failures?.[0]?.error.message).toMatch(/InvalidSnapshot.InUse/);
    expect(r.leftOut?.map((l) => l.action.key)).toEqual([`backup-job:${E}/${A}`]);
  });
});
