import { describe, expect, it } from "vitest";
import { DRIVERS, OBSERVE_STAGES } from "../../../reconciler/adapters/aws/drivers.js";
import { SANDBOX_DRIVERS } from "../../../reconciler/adapters/sandbox/drivers/index.js";
import { KINDS, RESOURCE_KINDS, STORAGE_KINDS } from "../../../reconciler/core/kinds/registry.js";
import { STAGE_NAMES } from "../../../reconciler/core/model/plan.js";

/** The kind registry is the one list: every kind has its core module and a driver per provider, in an order that works. */
describe("resource kind registry", () => {
  it("lists every kind once, each under its own name", () => {
    expect(new Set(RESOURCE_KINDS).size).toBe(RESOURCE_KINDS.length);
    for (const kind of RESOURCE_KINDS) expect(KINDS[kind].kind).toBe(kind);
  });

  it("has an AWS driver for every kind and none for an unknown one", () => {
    expect(Object.keys(DRIVERS).sort()).toEqual([...RESOURCE_KINDS].sort());
    for (const kind of RESOURCE_KINDS) expect(DRIVERS[kind].kind).toBe(kind);
  });

  it("has a sandbox driver for every kind; storage can never be deleted there, records only when pruned", () => {
    expect(Object.keys(SANDBOX_DRIVERS).sort()).toEqual([...RESOURCE_KINDS].sort());
    for (const kind of RESOURCE_KINDS) {
      expect(SANDBOX_DRIVERS[kind].kind).toBe(kind);
      // Records (volume snapshots, backups) are deleted only when a keep policy prunes a
      // scheduled snapshot (the plan's `prune`); storage never.
      const prunable = kind === "ebs-snapshot" || kind === "backup-job";
      expect(SANDBOX_DRIVERS[kind].remove !== undefined, kind).toBe(
        KINDS[kind].lifecycle === "disposable" || prunable,
      );
    }
  });

  it("observes in the sandbox in the order the AWS provider does: ids of earlier kinds map back to keys", () => {
    const awsOrder = OBSERVE_STAGES.flat();
    expect(Object.keys(SANDBOX_DRIVERS)).toEqual(awsOrder);
  });

  it("orders kinds so that what a kind depends on is applied in the same stage or earlier", () => {
    const stageIndex = (k: keyof typeof KINDS) => STAGE_NAMES.indexOf(KINDS[k].stage);
    for (const kind of RESOURCE_KINDS) {
      for (const dep of KINDS[kind].dependsOnKinds) {
        expect(RESOURCE_KINDS, `${kind} depends on ${dep}`).toContain(dep);
        expect(stageIndex(dep), `${kind} depends on ${dep}`).toBeLessThanOrEqual(stageIndex(kind));
        // Within one stage, kinds run in registry order.
        if (stageIndex(dep) === stageIndex(kind))
          expect(RESOURCE_KINDS.indexOf(dep)).toBeLessThan(RESOURCE_KINDS.indexOf(kind));
      }
    }
  });

  it("retires nothing that holds research data", () => {
    for (const kind of RESOURCE_KINDS)
      expect(STORAGE_KINDS.has(kind), kind).toBe(KINDS[kind].lifecycle !== "disposable");
    expect([...STORAGE_KINDS].sort()).toEqual([
      "access-point",
      "backup-job",
      "ebs-snapshot",
      "image-build",
    ]);
  });
});
