import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

// `labenv validate --changed-from` reports every finding the merge would cause, in changed files
// or not: a new environment's lab quota, every lock a changed package index breaks (issue 14 item 8).

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

const LAB = "environments/genomics-core/lab.yaml";
const SINGLE_CELL = "environments/genomics-core/single-cell/environment.yaml";

function edit(dir: string, path: string, from: string | RegExp, to: string): void {
  const before = readFileSync(join(dir, path), "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(join(dir, path), after);
}

/** The example repository as a git repository with one commit; returns its directory and that commit. */
function repository(prepare?: (dir: string) => void): { dir: string; base: string } {
  const dir = copyExampleRepo();
  prepare?.(dir);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "start");
  return { dir, base: git(dir, "rev-parse", "HEAD").trim() };
}

/** A new running genomics-core environment of 8 vCPU, locked: the lab then runs 11 of its 8 vCPU quota. */
async function addBigEnvironment(dir: string): Promise<void> {
  const text = readFileSync(join(dir, SINGLE_CELL), "utf8")
    .replace("name: single-cell", "name: atac")
    .replace("cpu: 2048", "cpu: 8192");
  mkdirSync(join(dir, "environments/genomics-core/atac"));
  writeFileSync(join(dir, "environments/genomics-core/atac/environment.yaml"), text);
  const locked = await runCli(["lock", "genomics-core/atac", "--repo", dir]);
  expect(locked.code, locked.stdout + locked.stderr).toBe(0);
}

interface Finding {
  file: string;
  code: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

async function validateSince(dir: string, base: string) {
  const json = await runCli(["validate", dir, "--changed-from", base, "--json"]);
  const human = await runCli(["validate", dir, "--changed-from", base]);
  const parsed = JSON.parse(json.stdout) as {
    diagnostics: Finding[];
    heldBack: string[];
    findingsElsewhere: number;
  };
  return { code: json.code, ...parsed, human };
}

describe("labenv validate --changed-from reports what the merge would cause", () => {
  it("an added environment that overruns its lab's quota fails with the quota finding on the unchanged lab.yaml", async () => {
    const { dir, base } = repository();
    await addBigEnvironment(dir);
    const r = await validateSince(dir, base);
    expect(r.code).toBe(1);
    const quota = r.diagnostics.filter((d) => d.code === "lab-quotas");
    expect(quota.map((d) => d.file)).toEqual([LAB]);
    expect(quota[0]!.message).toMatch(
      /genomics-core uses 11264 cpu units \(running\), over its quota of 8192/,
    );
    expect(quota[0]!.line).toBeGreaterThan(1);
    // The whole lab is held back by a lab finding: the new environment and the three others.
    expect(r.heldBack).toEqual([
      "genomics-core/atac",
      "genomics-core/rnaseq",
      "genomics-core/single-cell",
      "genomics-core/variant-calling",
    ]);
    expect(r.human.stdout).toMatch(new RegExp(`${LAB}:\\d+:\\d+ +error .*over its quota of 8192`));
    expect(r.human.stdout).toContain(
      "merged as it is, the reconciler would hold back 4 environments: genomics-core/atac,",
    );
  });

  it("a package index edit that breaks other environments' locks fails with a finding at each lock, naming the environments", async () => {
    const { dir, base } = repository();
    edit(
      dir,
      "package-index.yaml",
      '24.1: { requiresPython: ">=3.8", sha256: "814a',
      '24.1: { requiresPython: ">=3.8", sha256: "000a',
    );
    git(dir, "commit", "-qam", "index: packaging");
    const r = await validateSince(dir, base);
    expect(r.code).toBe(1);
    // The five locks that pin packaging 24.1 (the others lock 24.2), none of them changed.
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    const locks = [...new Set(errors.map((d) => d.file))].sort();
    const broken = [
      "climate-dynamics/cmip6-analysis",
      "climate-dynamics/ocean-heat",
      "genomics-core/rnaseq",
      "genomics-core/variant-calling",
      "ml-vision/segmentation",
    ];
    expect(locks).toEqual(broken.map((e) => `environments/${e}/environment.lock.yaml`));
    expect(errors.every((d) => /sha256/.test(d.message) && d.line > 1)).toBe(true);
    expect(r.heldBack).toEqual(broken);
    expect(r.human.stdout).toContain(
      `merged as it is, the reconciler would hold back 5 environments: ${broken.join(", ")}`,
    );
  });

  it("a change in another lab passes while genomics-core is over its quota on the base, and says the finding is elsewhere", async () => {
    const { dir, base } = repository((d) => edit(d, LAB, "    cpu: 8192", "    cpu: 2048"));
    edit(
      dir,
      "environments/climate-dynamics/ocean-heat/environment.yaml",
      /description: .*/,
      'description: "Ocean heat content, reviewed"',
    );
    const r = await validateSince(dir, base);
    expect(r.human.stdout).not.toMatch(/lab-quotas/);
    expect(r.code, r.human.stdout).toBe(0);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.findingsElsewhere).toBeGreaterThanOrEqual(1);
    expect(r.human.stdout).toMatch(
      /ℹ \d+ findings? elsewhere not affected by the change \(already on [0-9a-f]{40}\): not counted/,
    );
    // The same base problem fails a change in genomics-core: the merge would be held back by it.
    edit(dir, SINGLE_CELL, /description: .*/, 'description: "Single-cell atlas, reviewed"');
    const same = await validateSince(dir, base);
    expect(same.code).toBe(1);
    expect(same.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain(`${LAB} lab-quotas`);
  });
});
