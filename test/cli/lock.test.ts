import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";

describe("labenv lock", () => {
  it("--check passes on the example repository", async () => {
    const r = await runCli(["lock", "--check", "--repo", repoRoot]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ 9 locks up to date/);
  });

  it("editing a pin fails --check with a clear message until `labenv lock` is run", async () => {
    const dir = copyExampleRepo();
    execFileSync("sed", [
      "-i",
      "s/torchmetrics==1.4.1/torchmetrics==1.4.0/",
      join(dir, "environments/ml-vision/segmentation/environment.yaml"),
    ]);
    const stale = await runCli(["lock", "--check", "--repo", dir]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(
      "✖ ml-vision/segmentation: lock is stale\n    torchmetrics is locked at 1.4.1, which does not satisfy `torchmetrics==1.4.0`",
    );
    const lock = await runCli(["lock", "ml-vision/segmentation", "--repo", dir]);
    expect(lock.code).toBe(0);
    expect(
      readFileSync(join(dir, "environments/ml-vision/segmentation/environment.lock.yaml"), "utf8"),
    ).toContain("name: torchmetrics\n      version: 1.4.0");
    expect((await runCli(["lock", "--check", "--repo", dir])).code).toBe(0);
    expect((await runCli(["validate", dir])).code).toBe(0);
  });

  it("validate reports a missing lock", async () => {
    const dir = copyExampleRepo();
    execFileSync("rm", [join(dir, "environments/ml-vision/teaching/environment.lock.yaml")]);
    const r = await runCli(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ml-vision\/teaching has no lock/);
  });

  it("an unknown environment is a usage error", async () => {
    expect((await runCli(["lock", "nope/nope", "--repo", repoRoot])).code).toBe(2);
  });
});

describe("labenv packs", () => {
  it("verify fails when a published version is edited in place", async () => {
    const dir = copyExampleRepo();
    expect((await runCli(["packs", "verify", "--repo", dir])).code).toBe(0);
    execFileSync("sed", [
      "-i",
      's/scipy: "1.14.1"/scipy: "1.14.0"/',
      join(dir, "domain-packs/genomics/1.2.0/pack.yaml"),
    ]);
    const r = await runCli(["packs", "verify", "--repo", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/genomics@1.2.0 changed after it was published/);
    expect((await runCli(["packs", "index", "--repo", dir])).code).toBe(2);
  });

  it("list, show and search", async () => {
    expect((await runCli(["packs", "list", "--repo", repoRoot])).stdout).toMatch(
      /genomics\s+latest 2.0.0/,
    );
    expect((await runCli(["packs", "show", "climate@~1.2", "--repo", repoRoot])).stdout).toMatch(
      /^climate@1.2.0[\s\S]*xarray==2024.9.0/,
    );
    expect(
      (await runCli(["packs", "search", "pytorch", "--repo", repoRoot])).stdout.trim().split("\n"),
    ).toHaveLength(3);
  });
});
