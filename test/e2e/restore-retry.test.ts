// A restore that failed, on the sandbox: said with what mends it, recorded so no run repeats it,
// and retried only deliberately — `restoreFrom.attempt` raised in a commit (a pull request) is a
// fresh restore with its own record, the plan says so, and what the earlier attempt left stays.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { git } from "./temp-git-repo.js";
import { THESIS, thesisCli, thesisSnapshot } from "./thesis-snapshot.js";

const EFS = ".labenv/sandbox/efs";
const HOME = `${EFS}/labs/genomics-core/environments/rnaseq`;
const ENV = "environments/genomics-core/rnaseq/environment.yaml";
const cli = thesisCli;
const NOTEBOOK = '{"cells": [], "nbformat": 4}\n';
const COUNTS = "gene\tcount\nTP53\t17\n".repeat(400);

/** rnaseq captured, the notebook edited since, then its restoreFrom set as `restoreFrom` says. */
async function restoring(dir: string, restoreFrom: string, message: string) {
  const text = readFileSync(join(dir, ENV), "utf8").replace(/\n {2}restoreFrom: .*\n/, "\n");
  writeFileSync(
    join(dir, ENV),
    text.replace(/\nspec:\n/, `\nspec:\n  restoreFrom: ${restoreFrom}\n`),
  );
  git(dir, "commit", "-qam", message);
}

const restoreDirectories = (dir: string) =>
  readdirSync(join(dir, EFS))
    .filter((n) => n.startsWith("aws-backup-restore_"))
    .sort();

describe("restore failures on the sandbox", () => {
  it("a recovery point that lost a file's bytes fails the restore once, recorded, as a failure no retry mends: no partial restore directory, no run repeats it", async () => {
    const dir = await thesisSnapshot({
      files: { "analysis.ipynb": NOTEBOOK, "data/counts.tsv": COUNTS },
      capture: true,
    });
    // The backup store loses the data file's bytes.
    const sha = JSON.parse(
      (await cli(dir, "snapshot", "show", THESIS, "--json")).stdout,
    ).home.files.find((f: { path: string }) => f.path === "data/counts.tsv").sha256 as string;
    rmSync(join(dir, ".labenv/sandbox/backup/blobs", sha.slice(0, 2), sha));
    await restoring(dir, `{ snapshot: ${THESIS} }`, "rnaseq: back to the thesis snapshot");

    const r = await cli(dir, "reconcile");
    expect(r.stdout + r.stderr).toMatch(
      /✖ failed +genomics-core\/rnaseq from genomics-core\/rnaseq\/thesis: attempt 1 failed at \S+: recovery point \S+ lists \/labs\/genomics-core\/environments\/rnaseq\/data\/counts\.tsv but no longer holds its bytes \(sandbox\): nothing was restored — a retry cannot mend this, so it is not retried/,
    );
    expect(restoreDirectories(dir)).toEqual([]);
    const again = await cli(dir, "reconcile");
    expect(again.stdout).toMatch(/✖ failed +genomics-core\/rnaseq .*attempt 1 failed at/);
    expect(restoreDirectories(dir)).toEqual([]);
    const status = await cli(dir, "status", "genomics-core/rnaseq");
    expect(status.stdout).toMatch(
      /restore ✖ FAILED \S+ from genomics-core\/rnaseq\/thesis: recovery point .* \(a retry cannot mend this\)/,
    );
  });

  it("restoreFrom.attempt: 2 is a fresh restore the plan announces with what attempt 1 left; attempt 1's record and restore directory stay; status shows the attempt", async () => {
    const dir = await thesisSnapshot({
      files: { "analysis.ipynb": NOTEBOOK, "data/counts.tsv": COUNTS },
      capture: true,
    });
    writeFileSync(join(dir, HOME, "analysis.ipynb"), '{"cells": [], "edited": true}\n');
    await restoring(dir, `{ snapshot: ${THESIS} }`, "rnaseq: back to the thesis snapshot");
    const first = await cli(dir, "reconcile");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const [firstDirectory, ...none] = restoreDirectories(dir);
    expect(none).toEqual([]);

    // A bad attempt is a positioned finding that changes nothing.
    await restoring(dir, `{ snapshot: ${THESIS}, attempt: 0 }`, "rnaseq: attempt 0");
    const bad = await runCli(["validate", dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(
      /environments\/genomics-core\/rnaseq\/environment\.yaml:\d+:\d+.*attempt.*(>= 1|minimum)/,
    );

    await restoring(dir, `{ snapshot: ${THESIS}, attempt: 2 }`, "rnaseq: retry the restore");
    const plan = await cli(dir, "plan");
    expect(plan.stdout).toMatch(
      new RegExp(
        `↻ retry: attempt 2 of the restore from genomics-core/rnaseq/thesis — a fresh restore .*; attempt 1 finished ✓ at \\S+: \\d+/\\d+ packages match, 2/2 files identical beside the home's files, in /${firstDirectory}/labs/genomics-core/environments/rnaseq; .*never deletes them`,
      ),
    );
    const second = await cli(dir, "reconcile");
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(
      /✓ restored {2}genomics-core\/rnaseq from genomics-core\/rnaseq\/thesis \(attempt 2\): \d+\/\d+ packages match, 2\/2 files identical beside its files/,
    );
    // Attempt 1's restore directory is untouched beside attempt 2's; the home's edit too.
    const directories = restoreDirectories(dir);
    expect(directories).toHaveLength(2);
    expect(directories).toContain(firstDirectory);
    expect(
      readFileSync(
        join(dir, EFS, firstDirectory!, "labs/genomics-core/environments/rnaseq/analysis.ipynb"),
        "utf8",
      ),
    ).toBe(NOTEBOOK);
    expect(readFileSync(join(dir, HOME, "analysis.ipynb"), "utf8")).toBe(
      '{"cells": [], "edited": true}\n',
    );
    const records = join(dir, ".labenv/objects/restores/genomics-core/rnaseq/from", THESIS);
    expect(existsSync(`${records}.json`)).toBe(true);
    expect(existsSync(`${records}.attempt-2.json`)).toBe(true);
    const status = await cli(dir, "status", "genomics-core/rnaseq");
    expect(status.stdout).toMatch(
      /restored ✓ \(attempt 2\) \S+ from genomics-core\/rnaseq\/thesis/,
    );
    // Done: the next run neither restores again nor plans the retry again.
    const third = await cli(dir, "reconcile");
    expect(third.stdout).toMatch(/restored {2}genomics-core\/rnaseq .*\(attempt 2\).*\(earlier\)/);
    expect(third.stdout).not.toContain("↻ retry");
    expect(restoreDirectories(dir)).toHaveLength(2);
  });
});
