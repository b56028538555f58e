import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo } from "../e2e/temp-git-repo.js";

const at = (minute: number) => ({
  now: new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000),
});

describe("labenv drift, labenv sandbox exec", () => {
  let dir: string;
  beforeAll(async () => {
    dir = exampleGitRepo();
    const before = await runCli(["drift", "--repo", dir, "-v"], at(0));
    expect(before.code).toBe(0);
    expect(before.stdout).toContain("genomics-core/rnaseq  skipped: not applied yet");
    expect((await runCli(["reconcile", "--repo", dir], at(1))).code).toBe(0);
  });

  it("finds nothing right after an apply: the sandbox's resources and containers are exactly what was applied", async () => {
    const r = await runCli(["drift", "--repo", dir], at(2));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("drift: 9 environments judged — 9 stable, 0 minor, 0 critical");
  });

  it("pip install in a sandbox task resolves dependencies through the package index and shows up as drift", async () => {
    const exec = await runCli(
      [
        "sandbox",
        "exec",
        "genomics-core/rnaseq",
        "pip",
        "install",
        "requests==2.32.3",
        "--repo",
        dir,
      ],
      at(3),
    );
    expect(exec.code).toBe(0);
    expect(exec.stdout).toContain(
      "installed certifi 2024.7.4, charset-normalizer 3.3.2, idna 3.8, requests 2.32.3, urllib3 2.2.2",
    );
    const observation = JSON.parse(
      readFileSync(
        join(dir, ".labenv/objects/observations/genomics-core/rnaseq/latest.json"),
        "utf8",
      ),
    );
    expect(observation.metadata).toMatchObject({
      lab: "genomics-core",
      environment: "rnaseq",
      source: "sandbox",
    });
    const r = await runCli(["drift", "genomics-core/rnaseq", "--repo", dir], at(4));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "! genomics-core/rnaseq  MINOR_DRIFT 5 packages added → would open a drift pull request",
    );
    expect(r.stdout).toContain(
      "package requests: — → 2.32.3  added, minor (default: an added package nothing pins)",
    );
    const json = JSON.parse(
      (await runCli(["drift", "genomics-core/rnaseq", "--json", "--repo", dir], at(4))).stdout,
    );
    expect(json.environments[0]).toMatchObject({
      environment: "genomics-core/rnaseq",
      report: { status: "MINOR_DRIFT" },
      action: { kind: "open-pr" },
      files: [
        "environments/genomics-core/rnaseq/environment.yaml",
        "environments/genomics-core/rnaseq/environment.lock.yaml",
      ],
    });
  });

  it("records kernel, extension, config and uninstall changes; a pack kernel removed is critical", async () => {
    for (const cmd of [
      ["kernel", "remove", "ir"],
      ["extension", "install", "jupyterlab-git==0.52.0"],
      ["config", "set", "ServerApp.shutdown_no_activity_timeout", "600"],
      ["pip", "uninstall", "-y", "harmonypy"],
    ]) {
      const r = await runCli(
        ["sandbox", "exec", "--repo", dir, "genomics-core/single-cell", ...cmd],
        at(5),
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    const r = await runCli(["drift", "genomics-core/single-cell", "--json", "--repo", dir], at(6));
    const items = JSON.parse(r.stdout).environments[0].report.items.map(
      (i: { item: string; name: string; change: string; severity: string }) =>
        `${i.item} ${i.name} ${i.change} ${i.severity}`,
    );
    expect(items).toContain("kernel ir removed critical");
    expect(items).toContain("extension jupyterlab-git changed minor");
    expect(items).toContain("config ServerApp.shutdown_no_activity_timeout changed minor");
    expect(items).toContain("package harmonypy removed minor");
  });

  it("says what is wrong: unknown environment, stopped environment, unknown command, uninstalled package", async () => {
    expect(await runCli(["drift", "nope/env", "--repo", dir], at(7))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("there is no environment nope/env"),
    });
    expect(
      await runCli(
        [
          "sandbox",
          "exec",
          "climate-dynamics/ocean-heat",
          "pip",
          "install",
          "requests",
          "--repo",
          dir,
        ],
        at(7),
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining("has no running sandbox task") });
    expect(
      await runCli(
        ["sandbox", "exec", "genomics-core/rnaseq", "conda", "install", "x", "--repo", dir],
        at(7),
      ),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command `conda install x`"),
    });
    expect(
      await runCli(
        ["sandbox", "exec", "genomics-core/rnaseq", "pip", "uninstall", "left-pad", "--repo", dir],
        at(7),
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining("left-pad is not installed") });
    expect(
      await runCli(
        [
          "sandbox",
          "exec",
          "genomics-core/rnaseq",
          "pip",
          "install",
          "requests==9.9",
          "--repo",
          dir,
        ],
        at(7),
      ),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("no version of requests satisfies"),
    });
  });

  it("skips an environment whose observation is not valid, naming the problem, and judges the others", async () => {
    const dir2 = join(dir, ".labenv/objects/observations/climate-dynamics/ocean-heat");
    mkdirSync(dir2, { recursive: true });
    writeFileSync(
      join(dir2, "latest.json"),
      JSON.stringify({
        apiVersion: "labenv.westtek.io/v1",
        kind: "Observation",
        metadata: {
          lab: "climate-dynamics",
          environment: "ocean-heat",
          observedAt: "2026-11-23T23:00:00Z",
          source: "agent",
        },
        spec: {
          packages: [{ name: "Not_Normalized", version: "1" }],
          kernels: [],
          extensions: [],
          jupyterConfig: [],
        },
      }),
    );
    const r = await runCli(["drift", "-v", "--repo", dir], at(8));
    expect(r.stdout).toMatch(
      /climate-dynamics\/ocean-heat {2}skipped: observations\/climate-dynamics\/ocean-heat\/latest.json is not a valid Observation: .*packages/,
    );
    expect(r.stdout).toContain("✓ climate-dynamics/cmip6-analysis  STABLE");
  });
});
