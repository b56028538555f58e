import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileStateStore } from "../../reconciler/adapters/file/file-state-store.js";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

const NOW = new Date("2026-11-23T12:00:00Z");

function crashedRun(dir: string) {
  const state = new FileStateStore(join(dir, ".labenv", "state"));
  return {
    state,
    async start(owner: string, runId: string) {
      await state.acquireLease(owner, 24 * 3600_000, NOW, runId);
      await state.putRun({
        id: runId,
        startedAt: "2026-11-23T11:00:00.000Z",
        commit: "c0ffee",
        trigger: "cli reconcile",
        outcome: "running",
        summary: { create: 3 },
      });
    },
  };
}

describe("labenv lease and abandoned runs (issue 14, item 19)", () => {
  it("`labenv lease break` removes another host's lease and records the holder's run as abandoned", async () => {
    const dir = copyExampleRepo();
    await crashedRun(dir).start("build-box:4242", "r-crashed");
    const shown = await runCli(["lease", "--repo", dir], { now: NOW });
    expect(shown.stdout).toMatch(/held by build-box:4242 \(run r-crashed\) until/);
    // While the lease is held, the run is running and a reconcile is refused with the way out.
    const refused = await runCli(["reconcile", "--repo", dir], { now: NOW });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refused at lease: .*build-box:4242.*labenv lease break/);
    const broke = await runCli(
      ["lease", "break", "--repo", dir, "--reason", "build-box was rebooted"],
      { now: NOW },
    );
    expect(broke.code).toBe(0);
    expect(broke.stdout).toMatch(
      /broke the lease of build-box:4242 .*recorded as run r-crashed \(abandoned\)/,
    );
    const status = JSON.parse(
      (await runCli(["status", "--repo", dir, "--json"], { now: NOW })).stdout,
    );
    expect(status.runs[0]).toMatchObject({ id: "r-crashed", outcome: "abandoned" });
    expect(status.runs[0].error.message).toMatch(/broken by .*: build-box was rebooted/);
    expect((await runCli(["reconcile", "--repo", dir], { now: NOW })).stdout).toMatch(
      /applied 46 changes/,
    );
    expect((await runCli(["lease", "break", "--repo", dir], { now: NOW })).stdout).toMatch(
      /no one holds the lease/,
    );
  });

  it("`labenv status` shows a run left running without a live lease as abandoned, not running", async () => {
    const dir = copyExampleRepo();
    const crashed = crashedRun(dir);
    await crashed.start("build-box:4242", "r-killed");
    const held = await crashed.state.readLease();
    await crashed.state.releaseLease(held!); // the lease ran out or was taken: the run never finished
    const out = await runCli(["status", "--repo", dir], { now: NOW });
    expect(out.stdout).toMatch(
      /abandoned\s+c0ffee\s+cli reconcile\s+lease: the run stopped without finishing/,
    );
    expect(out.stdout).not.toMatch(/running\s+c0ffee/);
  });
});
