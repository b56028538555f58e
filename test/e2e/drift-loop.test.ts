import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { openContext } from "../../reconciler/cli/context.js";
import { runDriftAfterReconcile } from "../../reconciler/cli/drift-loop.js";
import type { CliIO } from "../../reconciler/cli/io.js";
import type { EnvironmentLock } from "../../reconciler/core/model/documents.js";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const ENV = "genomics-core/rnaseq";
const BRANCH = `labenv/drift/${ENV}`;
const LOCK = `environments/${ENV}/environment.lock.yaml`;
const YAML = `environments/${ENV}/environment.yaml`;

/**
 * The loop `npm start` runs, on a temp git repository: reconcile, then the
 * drift step at its end (`runDriftAfterReconcile`, what `labenv reconcile`
 * calls once wired; called here too so the test does not depend on that).
 */
async function reconcileWithDrift(
  dir: string,
  minute: number,
): Promise<{ code: number; stdout: string; drift: string }> {
  const base = new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000);
  const r = await runCli(["reconcile", "--repo", dir], { now: base });
  // The same clock as runCli's: fixed, moving forward between and within calls.
  let clock = base.getTime() + Math.round(performance.now() * 1000);
  let out = "";
  const io: CliIO = {
    out: (t) => void (out += `${t}\n`),
    err: () => undefined,
    exit: () => undefined,
    today: () => "2026-11-23",
    now: () => new Date((clock += 1000)),
  };
  await runDriftAfterReconcile(openContext(dir, io.now), io);
  // Once `labenv reconcile` runs the drift step itself, it acted first and this second call finds nothing new: read both.
  return { code: r.code, stdout: r.stdout, drift: `${r.stdout}${out}` };
}

const cli = (dir: string, minute: number, ...args: string[]) =>
  runCli([...args, "--repo", dir], {
    now: new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000),
  });
const tasksOf = (dir: string) =>
  (
    JSON.parse(readFileSync(join(dir, ".labenv/sandbox/account.json"), "utf8")) as {
      tasks: { arn: string; lastStatus: string; serviceArn: string }[];
    }
  ).tasks.filter((t) => t.serviceArn.endsWith("/labenv-genomics-core-rnaseq"));

describe("drift loop end to end (temp git repository, sandbox, local git host)", () => {
  it("pip install in a running task → drift pull request; closing it → put back and never reopened; merging one → the lock says what runs", async () => {
    const dir = exampleGitRepo();
    expect((await reconcileWithDrift(dir, 0)).code).toBe(0);
    expect(
      (await cli(dir, 1, "sandbox", "exec", ENV, "pip", "install", "requests==2.32.3")).code,
    ).toBe(0);

    // 1. The next reconcile finds the drift and opens the pull request.
    const second = await reconcileWithDrift(dir, 2);
    expect(second.code).toBe(0);
    expect(second.drift).toMatch(
      /genomics-core\/rnaseq {2}MINOR_DRIFT 5 packages added → (opened|left unchanged) drift pull request #3/,
    );
    const tip = git(dir, "rev-parse", BRANCH);
    expect(git(dir, "rev-parse", `${tip}^`)).toBe(git(dir, "rev-parse", "main"));
    expect(git(dir, "log", "-1", "--format=%s", tip)).toBe(
      "drift: genomics-core/rnaseq — 5 packages added (MINOR_DRIFT)",
    );
    expect(git(dir, "diff", "--name-only", "main", BRANCH).split("\n")).toEqual([LOCK, YAML]);
    const lock = parse(git(dir, "show", `${BRANCH}:${LOCK}`)) as EnvironmentLock;
    const pick = (names: string[]) =>
      lock.spec.packages
        .filter((p) => names.includes(p.name))
        .map((p) => `${p.name} ${p.version} ${p.source}`);
    expect(pick(["requests", "charset-normalizer", "idna", "urllib3", "certifi"])).toEqual([
      "certifi 2024.7.4 dependency",
      "charset-normalizer 3.3.2 dependency",
      "idna 3.8 dependency",
      "requests 2.32.3 environment",
      "urllib3 2.2.2 dependency",
    ]);
    expect(git(dir, "diff", "main", BRANCH, "--", YAML)).toContain('+    - "requests==2.32.3"');
    const shown = (await cli(dir, 2, "prs", "show", "3")).stdout;
    expect(shown).toContain("| package `requests` | — | 2.32.3 | added (minor) |");
    expect(shown).toContain("### Severity: MINOR_DRIFT");
    expect(shown).toMatch(/- \*\*When:\*\* 2026-11-23T\d\d:\d\d:\d\d\.\d{3}Z/);
    expect(shown).toContain("**Close without merging** to put it back");

    // 2. Nothing changed: the next run writes nothing.
    const refs = git(dir, "for-each-ref");
    const record = readFileSync(
      join(dir, ".labenv/prs/labenv__drift__genomics-core__rnaseq.json"),
      "utf8",
    );
    expect((await cli(dir, 3, "drift", "--open-prs")).stdout).toContain(
      "left unchanged drift pull request #3",
    );
    expect(git(dir, "for-each-ref")).toBe(refs);
    expect(
      readFileSync(join(dir, ".labenv/prs/labenv__drift__genomics-core__rnaseq.json"), "utf8"),
    ).toBe(record);

    // 3. People close it by deleting the branch: the next run puts the environment back (snapshot, new task) and opens nothing.
    git(dir, "branch", "-D", BRANCH);
    const runningBefore = tasksOf(dir)
      .filter((t) => t.lastStatus === "RUNNING")
      .map((t) => t.arn);
    const third = await reconcileWithDrift(dir, 4);
    expect(third.drift).toContain(
      "put back as locked (drift pull request #3 was closed without merging: put it back): snapshot snap-",
    );
    const running = tasksOf(dir)
      .filter((t) => t.lastStatus === "RUNNING")
      .map((t) => t.arn);
    expect(running).toHaveLength(1);
    expect(running).not.toEqual(runningBefore);
    expect(git(dir, "branch", "--list", "labenv/drift/*")).toBe("");
    const memory = JSON.parse(
      readFileSync(join(dir, ".labenv/objects/drift/genomics-core/rnaseq/memory.json"), "utf8"),
    );
    expect(memory).toMatchObject({ handled: [3], rejected: [{ pullRequest: 3 }] });

    // 4. The new task starts from the locked image: stable, and the closed pull request stays closed.
    const fourth = await reconcileWithDrift(dir, 5);
    expect(fourth.drift).toContain("drift: 9 environments judged — 9 stable, 0 minor, 0 critical");
    // #1 and #2 commit the example's captured snapshots' records (labenv/snapshot/…).
    expect((await cli(dir, 5, "prs")).stdout).toContain(
      `#3  closed  ${BRANCH}  drift: genomics-core/rnaseq — 5 packages added (MINOR_DRIFT)`,
    );

    // 5. The same drift again is put back without a pull request.
    await cli(dir, 6, "sandbox", "exec", ENV, "pip", "install", "requests==2.32.3");
    expect((await reconcileWithDrift(dir, 7)).drift).toContain(
      "this drift was rejected before (#3): put it back without a pull request",
    );
    expect(git(dir, "branch", "--list", "labenv/drift/*")).toBe("");

    // 6. A different drift opens pull request #4; merging it makes the lock say what runs, and the next reconcile rolls it out.
    await cli(dir, 8, "sandbox", "exec", ENV, "pip", "install", "requests==2.32.2");
    expect((await cli(dir, 9, "drift", "--open-prs")).stdout).toContain(
      "opened drift pull request #4",
    );
    expect((await cli(dir, 10, "prs", "merge", "4")).code).toBe(0);
    expect(readFileSync(join(dir, YAML), "utf8")).toContain('- "requests==2.32.2"');
    const applied = await reconcileWithDrift(dir, 11);
    expect(applied.stdout).toContain("✓ applied");
    expect(applied.drift).toContain("9 stable");
    expect((await cli(dir, 12, "lock", "--check")).code).toBe(0);
  }, 180_000);
});
