import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const E = "genomics-core/rnaseq";

/** The example with `spec.snapshots` on rnaseq (never parked while idle, so days can pass), committed. */
function scheduledRepo(snapshots: string): string {
  const dir = exampleGitRepo();
  const file = join(dir, RNASEQ);
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace(/^spec:\n/m, `spec:\n  snapshots: ${snapshots}\n`)
      .replace("idleShutdownMinutes: 120", "idleShutdownMinutes: 0"),
  );
  git(dir, "commit", "-qam", "rnaseq: daily snapshots");
  return dir;
}
const at = (dir: string, now: string, ...args: string[]) =>
  runCli([...args, "--repo", dir], { now: new Date(now), today: now.slice(0, 10) });

describe("scheduled snapshots on the sandbox, through the CLI", () => {
  it("takes the due slot once, never a backlog, and prunes by keep — shown in the plan first, never the last verified one", async () => {
    const dir = scheduledRepo('{ schedule: "0 3 * * *", keep: { daily: 2 } }');
    const first = await at(dir, "2026-12-01T10:00:00Z", "reconcile");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /✓ captured {3}genomics-core\/rnaseq\/scheduled-20261201-0300 {2}manifest sha256:/,
    );

    // The same day again: the slot is taken, nothing new.
    const again = await at(dir, "2026-12-01T11:00:00Z", "reconcile");
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/create ebs-snapshot/);
    expect(again.stdout).toMatch(/· captured {3}genomics-core\/rnaseq\/scheduled-20261201-0300/);

    expect((await at(dir, "2026-12-02T04:00:00Z", "reconcile")).code).toBe(0);
    // The 12-02 one is verified: it is the last verified and is never pruned.
    expect(
      (await at(dir, "2026-12-02T05:00:00Z", "snapshot", "verify", `${E}/scheduled-20261202-0300`))
        .code,
    ).toBe(0);

    // 12-03: daily 2 keeps 12-03 and 12-02, so 12-01 goes — the plan says so before anything happens.
    const plan = await at(dir, "2026-12-03T04:00:00Z", "plan");
    expect(plan.stdout).toMatch(
      /^ {2}\+ snapshot genomics-core\/rnaseq's \/opt\/jupyter: scheduled-20261203-0300, on schedule 0 3 \* \* \* \(UTC\)$/m,
    );
    expect(plan.stdout).toMatch(
      /^ {2}- delete scheduled-20261201-0300's \/opt\/jupyter volume snapshot snap-[0-9a-f]{17}: pruned by keep \(daily 2\): not the newest of any day, week or month it keeps$/m,
    );
    expect(plan.stdout).toMatch(/Summary: 1 to create, 0 to update, 0 to replace, 1 to delete/);
    expect((await at(dir, "2026-12-03T04:00:00Z", "snapshot", "list", E)).stdout).toMatch(
      /^scheduled +genomics-core\/rnaseq\/scheduled-20261201-0300/m,
    );
    const third = await at(dir, "2026-12-03T04:10:00Z", "reconcile");
    expect(third.code, third.stdout + third.stderr).toBe(0);
    expect(third.stdout).toMatch(/✓ captured {3}genomics-core\/rnaseq\/scheduled-20261203-0300/);
    expect(third.stdout).toMatch(
      /✓ pruned {5}genomics-core\/rnaseq\/scheduled-20261201-0300: pruned by keep/,
    );

    // Missed 12-04 and 12-05: one snapshot for the newest slot, not three. 12-03 is pruned
    // (daily 2: 12-06 and 12-03 … but 12-02 is the last verified one, so it stays beside them).
    const late = await at(dir, "2026-12-06T09:00:00Z", "reconcile");
    expect(late.code, late.stdout + late.stderr).toBe(0);
    expect(late.stdout).toMatch(/✓ captured {3}genomics-core\/rnaseq\/scheduled-20261206-0300/);
    expect(late.stdout).not.toMatch(/scheduled-2026120[45]/);
    expect(late.stdout).not.toMatch(/✓ pruned/);

    const list = (await at(dir, "2026-12-06T09:10:00Z", "snapshot", "list", E, "--json")).stdout;
    const rows = (JSON.parse(list) as { id: string; state: string }[])
      .map((r) => [r.id.split("/")[2], r.state])
      .filter(([name]) => name!.startsWith("scheduled-"));
    expect(rows).toEqual([
      ["scheduled-20261201-0300", "pruned"],
      ["scheduled-20261202-0300", "scheduled"],
      ["scheduled-20261203-0300", "scheduled"],
      ["scheduled-20261206-0300", "scheduled"],
    ]);
    // The next day prunes 12-03; 12-02 stays (the last verified).
    const next = await at(dir, "2026-12-07T09:00:00Z", "reconcile");
    expect(next.stdout).toMatch(/✓ pruned {5}genomics-core\/rnaseq\/scheduled-20261203-0300/);
    expect(next.stdout).not.toMatch(/pruned {5}genomics-core\/rnaseq\/scheduled-20261202-0300/);

    // A pruned snapshot is not verified (its data is gone by decision) and not restored from.
    const verify = await at(dir, "2026-12-07T09:10:00Z", "snapshot", "verify");
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).not.toMatch(/scheduled-20261201-0300|scheduled-20261203-0300/);
    const refused = await at(
      dir,
      "2026-12-07T09:10:00Z",
      "snapshot",
      "verify",
      `${E}/scheduled-20261201-0300`,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/was pruned by its keep policy/);
  });

  it("a bad cron schedule holds back only its environment, with file:line:col", async () => {
    const dir = scheduledRepo('{ schedule: "0 25 * * *" }');
    const r = await at(dir, "2026-12-01T10:00:00Z", "plan");
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /environments\/genomics-core\/rnaseq\/environment\.yaml:\d+:\d+.*"0 25 \* \* \*" is not a cron schedule: Constraint error, got value 25 expected range 0-23/,
    );
    expect(r.stdout).toMatch(/held back 1 environment \(genomics-core\/rnaseq\)/);
  });
});
