import { describe, expect, it } from "vitest";
import { LabenvError } from "../../../reconciler/core/errors.js";
import { changingActions } from "../../../reconciler/core/model/plan.js";
import { reconcile } from "../../../reconciler/core/reconcile/reconcile.js";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { editYaml, exampleFiles, withFile } from "../../helpers/example-repo.js";
import { check, run, sandbox } from "../../helpers/sandbox.js";

// Issue 14 item 8: the unit of refusal is the environment (the lab for lab-level findings), as
// Argo CD and Flux isolate applications. What is held back stays exactly as it runs.

const base = exampleFiles();
const OCEAN = "environments/climate-dynamics/ocean-heat/environment.yaml";
const SEGMENTATION = "environments/ml-vision/segmentation/environment.yaml";
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";

function service(s: ReturnType<typeof sandbox>, name: string) {
  const a = s.provider.account();
  const svc = a.services.find((x) => x.name === `labenv-${name.replace("/", "-")}`);
  return {
    status: svc?.status,
    taskDefinition: svc?.taskDefinitionArn,
    running: a.tasks.filter((t) => t.serviceArn === svc?.arn && t.lastStatus === "RUNNING").length,
  };
}

const bigger = (files: RepoFile[]) =>
  editYaml(files, SEGMENTATION, (d) => d.setIn(["spec", "resources", "memory"], 20480));

describe("one bad document holds back only what depends on it", () => {
  it("a file lab A cannot load is held back, running unchanged, while lab B's change applies", async () => {
    const s = sandbox();
    expect((await run(base, s)).outcome).toBe("applied");
    const before = service(s, "climate-dynamics/ocean-heat");
    expect(before.status).toBe("ACTIVE");
    const segmentationBefore = service(s, "ml-vision/segmentation").taskDefinition;

    const files = bigger(withFile(base, OCEAN, "apiVersion: labenv.westtek.io/v1\nspec: [\n"));
    const r = await run(files, s);
    expect(r.outcome).toBe("applied");
    // Lab B's change went through.
    expect(service(s, "ml-vision/segmentation").taskDefinition).not.toBe(segmentationBefore);
    // Lab A's environment is neither planned nor touched: never deleted because it did not load.
    expect(service(s, "climate-dynamics/ocean-heat")).toEqual(before);
    const actions = r.plan!.stages.flatMap((st) => st.actions);
    expect(actions.filter((a) => a.environment === "climate-dynamics/ocean-heat")).toEqual([]);
    expect(r.plan!.heldBack).toEqual([
      expect.objectContaining({
        environment: "climate-dynamics/ocean-heat",
        reasons: [
          expect.stringMatching(
            /^environments\/climate-dynamics\/ocean-heat\/environment\.yaml:\d+:\d+ /,
          ),
        ],
      }),
    ]);
    expect(r.plan!.heldBack![0]!.kept).toBeGreaterThan(0);
    // The run record says what was held back and why; the applied record stays.
    const [latest] = await s.state.listRuns(1);
    expect(latest).toMatchObject({ outcome: "succeeded" });
    expect(latest!.heldBack!.map((h) => h.environment)).toEqual(["climate-dynamics/ocean-heat"]);
    expect(await s.state.getApplied("climate-dynamics/ocean-heat")).toMatchObject({
      commit: "c0ffee",
    });
    // Run again: nothing to do, still held; fixed: it matches git again, nothing replaced.
    const again = await run(files, s);
    expect(again.outcome).toBe("no-changes");
    expect(again.plan!.heldBack!.map((h) => h.environment)).toEqual([
      "climate-dynamics/ocean-heat",
    ]);
    const fixed = await run(bigger(base), s);
    expect(fixed.outcome).toBe("no-changes");
    expect(fixed.plan!.heldBack).toBeUndefined();
  });

  it("a held-back environment's lab dataset access point is not retired or reported as left git", async () => {
    const s = sandbox();
    await run(base, s);
    const r = await run(withFile(base, RNASEQ, "not: [valid\n"), s);
    expect(r.outcome).toBe("no-changes");
    const touched = r
      .plan!.stages.flatMap((st) => st.actions)
      .filter((a) => a.key.includes("genomics-core/rnaseq") || a.key.includes("liver-timecourse"));
    expect(touched).toEqual([]);
    expect(service(s, "genomics-core/rnaseq").status).toBe("ACTIVE");
  });

  it("a lab-level finding (a quota overrun) holds back every environment of that lab only", async () => {
    const s = sandbox();
    await run(base, s);
    const files = bigger(
      editYaml(base, "environments/climate-dynamics/lab.yaml", (d) =>
        d.setIn(["spec", "quotas", "cpu"], 1024),
      ),
    );
    const r = await run(files, s);
    expect(r.outcome).toBe("applied");
    expect(r.plan!.heldBack!.map((h) => h.environment)).toEqual([
      "climate-dynamics/cmip6-analysis",
      "climate-dynamics/ocean-heat",
      "climate-dynamics/regional-downscaling",
    ]);
    expect(r.plan!.heldBack![0]!.reasons[0]).toMatch(
      /^environments\/climate-dynamics\/lab\.yaml:\d+:\d+ climate-dynamics uses \d+ cpu units .*\[lab-quotas\]$/,
    );
    expect(changingActions(r.plan!).map((a) => a.environment.split("/")[0])).not.toContain(
      "climate-dynamics",
    );
    expect(changingActions(r.plan!).some((a) => a.environment === "ml-vision/segmentation")).toBe(
      true,
    );
  });

  it("an environment removed from git while its lab.yaml is broken is held, not deleted", async () => {
    const s = sandbox();
    await run(base, s);
    const files = withFile(
      base.filter((f) => !f.path.startsWith("environments/ml-vision/teaching/")),
      "environments/ml-vision/lab.yaml",
      "kind: Lab\n",
    );
    const r = await run(files, s);
    expect(changingActions(r.plan!).filter((a) => a.outcome === "delete")).toEqual([]);
    expect(service(s, "ml-vision/teaching").status).toBe("ACTIVE");
    expect(r.plan!.heldBack!.map((h) => h.environment)).toContain("ml-vision/teaching");
    // Removed once the lab is readable again.
    const removed = await run(
      base.filter((f) => !f.path.startsWith("environments/ml-vision/teaching/")),
      s,
    );
    expect(removed.plan!.heldBack).toBeUndefined();
    expect(service(s, "ml-vision/teaching").status).toBe("INACTIVE");
  });

  it("an unusable package index holds back every environment (every lock is checked against it)", async () => {
    const s = sandbox();
    await run(base, s);
    const r = await reconcile(
      {
        files: bigger(base),
        commit: "c0ffee",
        today: "2026-11-23",
        index: () => {
          throw new LabenvError("config", "the package index package-index.yaml cannot be read");
        },
        mode: "apply",
        trigger: "test",
      },
      { provider: s.provider, state: s.state, check, now: s.now, runId: "r", owner: "t" },
    );
    expect(r.outcome).toBe("no-changes");
    expect(r.plan!.heldBack).toHaveLength(9);
    expect(r.plan!.heldBack![0]!.reasons).toEqual([
      "package-index.yaml:1:1 the package index package-index.yaml cannot be read [package-index]",
    ]);
    expect(s.provider.account().services.filter((x) => x.status === "ACTIVE")).toHaveLength(9);
  });

  it("a bad labenv.yaml still refuses everything: nothing knows where to apply", async () => {
    const s = sandbox();
    const r = await run(withFile(base, "labenv.yaml", "kind: RepoConfig\nspec: 3\n"), s);
    expect(r).toMatchObject({ outcome: "refused", stage: "validate" });
    expect(s.provider.account().services).toEqual([]);
  });

  it("a lab's pack trust (lab.yaml spec.packTrust) holds back its environments on another level, not other labs' (issue 19)", async () => {
    const s = sandbox();
    await run(base, s);
    // ml-vision accepts only verified packs; its environments run the community ml pack.
    const files = bigger(
      editYaml(base, "environments/ml-vision/lab.yaml", (d) =>
        d.setIn(["spec", "packTrust"], ["verified"]),
      ),
    );
    const oceanBefore = service(s, "climate-dynamics/ocean-heat");
    const r = await run(
      editYaml(files, OCEAN, (d) => d.setIn(["spec", "resources", "memory"], 4096)),
      s,
    );
    expect(r.outcome).toBe("applied");
    expect(r.plan!.heldBack!.map((h) => h.environment)).toEqual([
      "ml-vision/segmentation",
      "ml-vision/self-supervised",
      "ml-vision/teaching",
    ]);
    expect(r.plan!.heldBack![0]!.reasons[0]).toMatch(
      /^environments\/ml-vision\/segmentation\/environment\.yaml:12:15 `ml@\^2\.0` resolves to ml@2\.1\.0, which is `community`.*\[lab-pack-trust\]$/,
    );
    // The held environment's change (more memory) waits; another lab's change goes through.
    expect(changingActions(r.plan!).some((a) => a.environment.startsWith("ml-vision/"))).toBe(
      false,
    );
    expect(service(s, "climate-dynamics/ocean-heat").taskDefinition).not.toBe(
      oceanBefore.taskDefinition,
    );
  });

  it("a pack version's finding holds back only the environments of that pack", async () => {
    const s = sandbox();
    await run(base, s);
    const packFile = "domain-packs/genomics/1.2.0/pack.yaml";
    const r = await run(withFile(base, packFile, "kind: DomainPack\n"), s);
    const held = r.plan!.heldBack!.map((h) => h.environment);
    expect(held).toEqual([
      "genomics-core/rnaseq",
      "genomics-core/single-cell",
      "genomics-core/variant-calling",
    ]);
  });
});
