import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    },
  });
}

describe("labenv validate", () => {
  it("passes on the example repository with exit 0", async () => {
    const r = await runCli(["validate", repoRoot]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors, 1 warning/);
  });

  it("pinpoints every planted error in a broken copy, exit 1", async () => {
    const dir = copyExampleRepo();
    const rnaseq = join(dir, "environments/genomics-core/rnaseq/environment.yaml");
    execFileSync("sed", ["-i", "s/memory: 8192/memory: 16384/", rnaseq]);
    writeFileSync(
      join(dir, "environments/climate-dynamics/ocean-heat/environment.yaml"),
      "apiVersion: labenv.westtek.io/v1\nkind: Environment\nmetadata:\n  name: ocean-heat\n  lab: climate-dynamics\nspec:\n  owner: hnguyen\n  domainPack: climate@~1.2.0\n  resources: {cpu: 1024, memory: 4096}\n  packages: ['xarray>=2024.1', 'xarray<2025']\n  sizee: 3\n",
    );
    const r = await runCli(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "environments/genomics-core/rnaseq/environment.yaml:15:5 error spec.resources: Fargate does not offer cpu 1024 with memory 16384 MiB (allowed with 1024: 2048–8192 in steps of 1024)",
    );
    expect(r.stdout).toContain(
      "environments/climate-dynamics/ocean-heat/environment.yaml:11:3 error unknown field `sizee` in spec",
    );
  });

  it("prints JSON with --json", async () => {
    const r = await runCli(["validate", repoRoot, "--json"]);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.counts.environments).toBeGreaterThanOrEqual(8);
    expect(out.diagnostics[0]).toMatchObject({
      severity: "warning",
      code: "domain-pack-deprecated",
      line: expect.any(Number),
    });
  });

  it("exits 2 on a usage error", async () => {
    const r = await runCli(["validate", "--no-such-flag"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });

  it("--changed-from reports only changed documents and what references them", async () => {
    const dir = copyExampleRepo();
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "start");
    // Break two environments, commit one change and leave the other in the work tree.
    execFileSync("sed", [
      "-i",
      "s/owner: rpatel/owner: nobody/",
      join(dir, "environments/genomics-core/rnaseq/environment.yaml"),
    ]);
    git(dir, "commit", "-qam", "change rnaseq");
    const base = git(dir, "rev-parse", "HEAD").trim();
    execFileSync("sed", [
      "-i",
      "s/owner: sbauer/owner: nobody/",
      join(dir, "environments/climate-dynamics/cmip6-analysis/environment.yaml"),
    ]);
    const since = await runCli(["validate", dir, "--changed-from", base, "--json"]);
    expect(since.code).toBe(1);
    const files = JSON.parse(since.stdout).diagnostics.map((d: { file: string }) => d.file);
    expect(files).toEqual(["environments/climate-dynamics/cmip6-analysis/environment.yaml"]);
    const all = await runCli(["validate", dir, "--changed-from", "HEAD~1", "--json"]);
    expect(
      new Set(JSON.parse(all.stdout).diagnostics.map((d: { file: string }) => d.file)).size,
    ).toBe(2);
    const bad = await runCli(["validate", dir, "--changed-from", "no-such-ref"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/git rev-parse/);
  });

  it("works through the installed binary (npx labenv)", () => {
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, "bin/labenv.mjs"), "validate", repoRoot],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/domain-pack-deprecated/);
  });
});
