import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo } from "../e2e/temp-git-repo.js";

const at = (minute: number) => ({
  now: new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000),
});
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";

describe("an environment the reconciler holds back", () => {
  it("is not judged by drift (no pull request, no put-back from a document that does not validate), and status shows it", async () => {
    const dir = exampleGitRepo();
    expect((await runCli(["reconcile", "--repo", dir], at(1))).code).toBe(0);
    // Drift in the running container, then a hand edit of its lock: the reconciler holds it back.
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
      at(2),
    );
    expect(exec.code).toBe(0);
    const path = join(dir, LOCK);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /image: ghcr\.io\/westtek-research\/labenv-genomics@sha256:[0-9a-f]{64}/,
        `image: docker.io/someone-else/notebook@sha256:${"0".repeat(64)}`,
      ),
    );
    const reconciled = await runCli(["reconcile", "--repo", dir], at(3));
    expect(reconciled.stdout).toContain("held back 1 environment (genomics-core/rnaseq)");

    const drift = await runCli(["drift", "--repo", dir, "-v"], at(4));
    expect(drift.stdout).toMatch(
      new RegExp(
        `genomics-core/rnaseq {2}skipped: held back: ${LOCK.replaceAll(".", "\\.")}:\\d+:\\d+ spec\\.image: the lock says docker\\.io/someone-else/notebook@sha256:0+ but .* \\[lock-edited\\]`,
      ),
    );
    expect(drift.stdout).not.toMatch(/genomics-core\/rnaseq {2}(MINOR|CRITICAL)_DRIFT/);
    expect(drift.stdout).toContain("drift: 8 environments judged");

    const status = await runCli(["status", "--repo", dir], at(5));
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      new RegExp(
        `held back by the last reconcile \\([0-9a-f]{12} at [^)]+\\): fix the findings, the next reconcile applies them\\n {2}✖ genomics-core/rnaseq \\(left as it runs\\): ${LOCK.replaceAll(".", "\\.")}:\\d+:\\d+ spec\\.image: the lock says docker`,
      ),
    );
    const json = JSON.parse((await runCli(["status", "--repo", dir, "--json"], at(6))).stdout);
    expect(json.heldBack.environments.map((h: { environment: string }) => h.environment)).toEqual([
      "genomics-core/rnaseq",
    ]);
  });
});
