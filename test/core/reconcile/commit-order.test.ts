import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRepositoryFiles } from "../../../reconciler/adapters/fs/read-repository-files.js";
import { gitIsAncestor } from "../../../reconciler/adapters/git/is-ancestor.js";
import { reconcile } from "../../../reconciler/core/reconcile/reconcile.js";
import { exampleGitRepo, git } from "../../e2e/temp-git-repo.js";
import { text } from "../../helpers/example-repo.js";
import { check, index, sandbox } from "../../helpers/sandbox.js";

const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";

/** A git repository with two commits on main: `older` (memory 6144) and `newer` (the example). */
function twoCommits() {
  const dir = exampleGitRepo();
  const newerFiles = readRepositoryFiles(dir);
  writeFileSync(
    join(dir, RNASEQ),
    text(newerFiles, RNASEQ).replace("memory: 8192", "memory: 6144"),
  );
  git(dir, "commit", "-qam", "rnaseq: 6 GiB");
  const older = git(dir, "rev-parse", "HEAD");
  const olderFiles = readRepositoryFiles(dir);
  writeFileSync(join(dir, RNASEQ), text(newerFiles, RNASEQ));
  git(dir, "commit", "-qam", "rnaseq: back to 8 GiB");
  const newer = git(dir, "rev-parse", "HEAD");
  return { dir, older, olderFiles, newer, newerFiles };
}

function reconcileAt(
  s: ReturnType<typeof sandbox>,
  dir: string,
  commit: string,
  files: ReturnType<typeof readRepositoryFiles>,
) {
  return reconcile(
    { files, commit, today: "2026-11-23", index: () => index, mode: "apply", trigger: "merge" },
    {
      provider: s.provider,
      state: s.state,
      check,
      now: s.now,
      runId: `run-${commit.slice(0, 7)}`,
      owner: "test",
      isAncestor: gitIsAncestor(dir),
    },
  );
}

const memoryOfRnaseq = (s: ReturnType<typeof sandbox>) => {
  const a = s.provider.account();
  const service = a.services.find((x) => x.name === "labenv-genomics-core-rnaseq")!;
  return a.taskDefinitions.find((t) => t.arn === service.taskDefinitionArn)!.body.memory;
};

describe("an old push delivered again is refused (issue 14, item 7)", () => {
  it("refuses a commit that is an ancestor of the last applied one, and says so in the run record", async () => {
    const { dir, older, olderFiles, newer, newerFiles } = twoCommits();
    const s = sandbox();
    expect((await reconcileAt(s, dir, newer, newerFiles)).outcome).toBe("applied");
    const replay = await reconcileAt(s, dir, older, olderFiles);
    expect(replay).toMatchObject({ outcome: "refused", stage: "order" });
    expect(replay.reason).toContain(older.slice(0, 12));
    expect(replay.reason).toContain(newer.slice(0, 12));
    expect(memoryOfRnaseq(s)).toBe("8192");
    const [last] = await s.state.listRuns(1);
    expect(last).toMatchObject({
      commit: older,
      outcome: "refused",
      error: { stage: "order" },
    });
    expect(last!.error!.message).toMatch(/older than .* already applied/);
    // The newest commit still reconciles (nothing to do), and a newer one applies.
    expect((await reconcileAt(s, dir, newer, newerFiles)).outcome).toBe("no-changes");
  });

  it("applies a newer commit after an older one", async () => {
    const { dir, older, olderFiles, newer, newerFiles } = twoCommits();
    const s = sandbox();
    expect((await reconcileAt(s, dir, older, olderFiles)).outcome).toBe("applied");
    expect(memoryOfRnaseq(s)).toBe("6144");
    expect((await reconcileAt(s, dir, newer, newerFiles)).outcome).toBe("applied");
    expect(memoryOfRnaseq(s)).toBe("8192");
  });

  it("a commit git cannot place (uncommitted, unknown) is not refused for its order", async () => {
    const { dir, newer, newerFiles } = twoCommits();
    const s = sandbox();
    await reconcileAt(s, dir, newer, newerFiles);
    const r = await reconcileAt(s, dir, "uncommitted", newerFiles);
    expect(r.outcome).toBe("no-changes");
    expect(await gitIsAncestor(dir)("0".repeat(40), newer)).toBeUndefined();
  });
});
