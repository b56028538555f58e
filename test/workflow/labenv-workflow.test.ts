import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}

const workflow = parse(readFileSync(join(repoRoot, ".github/workflows/labenv.yml"), "utf8")) as {
  on: Record<string, unknown>;
  jobs: { check: { steps: Step[] } };
};
const labenvSteps = workflow.jobs.check.steps.filter((s) => s.run?.includes("npx labenv"));

/** A lab repository as the workflow's runner has it: a git checkout with labenv installed. */
function checkout(edit?: (dir: string) => void): string {
  const dir = copyExampleRepo();
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  symlinkSync(join(repoRoot, "bin/labenv.mjs"), join(dir, "node_modules/.bin/labenv"));
  edit?.(dir);
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: "2026-11-23T12:00:00Z" },
    });
  git("init", "-q", "-b", "main");
  git("-c", "user.name=ci", "-c", "user.email=ci@example.org", "add", "-A");
  git("-c", "user.name=ci", "-c", "user.email=ci@example.org", "commit", "-q", "-m", "lab repo");
  return dir;
}

/** Runs one step's script with bash -e, as GitHub's runner does, with its own step summary file. */
function runStep(step: Step, dir: string): { status: number; output: string; summary: string } {
  const temp = mkdtempSync(join(tmpdir(), "labenv-runner-"));
  const summary = join(temp, "summary.md");
  writeFileSync(summary, "");
  const r = spawnSync("bash", ["-e", "-c", step.run!], {
    cwd: dir,
    env: { ...process.env, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary, CI: "true" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return {
    status: r.status ?? -1,
    output: `${r.stdout}${r.stderr}`,
    summary: readFileSync(summary, "utf8"),
  };
}

describe(".github/workflows/labenv.yml, the no-App check", () => {
  it("runs on pull requests, validates, checks locks and plans", () => {
    expect(Object.keys(workflow.on)).toContain("pull_request");
    expect(labenvSteps.map((s) => s.name)).toEqual(["validate", "lock --check", "plan"]);
  });

  it("passes on the example repository and puts the plan into the job summary", () => {
    const dir = checkout();
    for (const step of labenvSteps) {
      const r = runStep(step, dir);
      expect(r.status, `${step.name}: ${r.output}`).toBe(0);
      if (step.name === "plan") {
        expect(r.summary).toContain("## labenv plan");
        // The plan of a fresh sandbox creates every environment's resources.
        expect(r.summary).toMatch(/create/);
        expect(r.summary).toContain("genomics-core/rnaseq");
      }
    }
  }, 300_000);

  it("fails the lock check when a lock is stale, and validate on a broken document", () => {
    const env = "environments/genomics-core/rnaseq/environment.yaml";
    const dir = checkout((d) => {
      const p = join(d, env);
      writeFileSync(p, readFileSync(p, "utf8").replace(/memory: *\S+/, "memory: lots"));
    });
    const validate = runStep(
      labenvSteps.find((s) => s.name === "validate")!,
      dir,
    );
    expect(validate.status).not.toBe(0);
    expect(validate.output).toContain(env);

    const stale = checkout((d) => {
      const p = join(d, env);
      writeFileSync(
        p,
        readFileSync(p, "utf8").replace(
          "ServerApp.shutdown_no_activity_timeout: 7200",
          "ServerApp.shutdown_no_activity_timeout: 3600",
        ),
      );
    });
    const lock = runStep(
      labenvSteps.find((s) => s.name === "lock --check")!,
      stale,
    );
    expect(lock.status, lock.output).not.toBe(0);
    expect(lock.output).toContain("genomics-core/rnaseq");
  }, 300_000);
});
