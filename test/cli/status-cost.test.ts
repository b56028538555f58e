import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

describe("labenv reconcile, status and cost on a copy of the example repository", () => {
  it("reconciles, shows what runs and the history, and estimates cost", async () => {
    const dir = copyExampleRepo();
    const plan = await runCli(["plan", "--repo", dir]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/\+ create service genomics-core\/rnaseq \(running\)/);
    expect(plan.stdout).toMatch(/plan only: nothing was changed/);
    const first = await runCli(["reconcile", "--repo", dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/✓ applied 46 changes/);
    // The second grants the example's read-only share of the snapshot the first captured (its
    // copy was restored then); the third changes nothing.
    const second = await runCli(["reconcile", "--repo", dir]);
    expect(second.stdout).toMatch(
      /\+ grant share genomics-core\/rnaseq-to-ml-vision: .* onto the copy/,
    );
    expect(second.stdout).toMatch(/✓ applied 4 changes/);
    const third = await runCli(["reconcile", "--repo", dir]);
    expect(third.stdout).toMatch(/✓ no changes: everything matches git/);
    const status = await runCli(["status", "genomics-core/rnaseq", "--repo", dir, "--json"]);
    const s = JSON.parse(status.stdout);
    expect(s.provider).toMatch(/^sandbox \(local simulation of AWS/);
    expect(s.environments[0]).toMatchObject({
      environment: "genomics-core/rnaseq",
      running: "1/1",
      commit: "uncommitted",
    });
    expect(s.runs.map((r: { outcome: string }) => r.outcome)).toEqual([
      "no-changes",
      "succeeded",
      "succeeded",
    ]);
    const cost = await runCli(["cost", "--repo", dir, "--json"]);
    const c = JSON.parse(cost.stdout);
    expect(
      c.environments.find((e: { environment: string }) => e.environment === "ml-vision/teaching")
        .monthlyUsd,
    ).toBe(1.76);
    expect(Object.keys(c.byFunding)).toContain("wellcome-226789");
  });

  it("apply --plan refuses when the plan changed since it was saved", async () => {
    const dir = copyExampleRepo();
    const file = `${dir}/plan.json`;
    expect((await runCli(["plan", "--repo", dir, "--out", file])).code).toBe(0);
    expect((await runCli(["apply", "--repo", dir, "--plan", file])).stdout).toMatch(
      /applied 46 changes/,
    );
    const again = await runCli(["apply", "--repo", dir, "--plan", file]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/refused at plan: the plan changed since it was approved/);
  });
});
