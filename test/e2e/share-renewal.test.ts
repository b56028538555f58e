// Issue 16, the renewal pull request end to end on the sandbox with the local git host: a week
// before a share's last day the reconcile proposes renewing it, updates the same pull request on
// later runs instead of opening another, opens none once it was closed without merging, and a
// merged renewal moves the last day so nothing is due any more.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const BRANCH = "labenv/share-renewal/genomics-core/rnaseq-to-ml-vision";
const cli = (dir: string, today: string, ...args: string[]) =>
  runCli([...args, "--repo", dir], { today });

/** The example with its rnaseq share ending on `expires` (of the live environment). */
function sharing(expires: string): string {
  const dir = exampleGitRepo();
  const path = join(dir, SHARE);
  writeFileSync(
    path,
    readFileSync(path, "utf8")
      .replace("  snapshot: before-genomics-2\n", "")
      .replace(/expires: .*/, `expires: ${expires}`),
  );
  git(dir, "commit", "-qam", "share rnaseq with ml-vision until the end of November");
  return dir;
}

const renewals = async (dir: string, today: string) =>
  (JSON.parse((await cli(dir, today, "reconcile", "--json")).stdout) as { renewals?: unknown })
    .renewals as { share: string; outcome: string; number?: number; reason?: string }[] | undefined;

const renewalPrs = async (dir: string, today: string) =>
  ((await cli(dir, today, "prs")).stdout.match(/labenv\/share-renewal\//g) ?? []).length;

describe("share renewal pull requests (sandbox, local git host)", () => {
  it("a week before the last day proposes renewal once, in place on later runs; merged, the share lasts 90 days more", async () => {
    const dir = sharing("2026-11-30");
    // Eight days before: nothing is due.
    expect(await renewals(dir, "2026-11-22")).toBeUndefined();
    expect(await renewalPrs(dir, "2026-11-22")).toBe(0);

    const first = await cli(dir, "2026-11-23", "reconcile");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `share renewals:\\n  · genomics-core/rnaseq-to-ml-vision ends 2026-11-30: opened #(\\d+) \\(${BRANCH}\\)`,
      ),
    );
    const number = Number(/opened #(\d+)/.exec(first.stdout)![1]);
    // One commit on the branch: only the last day moves; main is untouched until it merges.
    const proposed = parse(git(dir, "show", `${BRANCH}:${SHARE}`)) as {
      spec: { expires: string; environment: string };
    };
    expect(proposed.spec).toMatchObject({ expires: "2027-02-28", environment: "rnaseq" });
    expect(git(dir, "diff", "main", BRANCH)).toMatch(
      /-  expires: 2026-11-30\n\+  expires: 2027-02-28\n/,
    );
    expect(git(dir, "diff", "--stat", "main", BRANCH)).toContain(
      "1 file changed, 1 insertion(+), 1 deletion(-)",
    );
    const show = (await cli(dir, "2026-11-23", "prs", "show", String(number))).stdout;
    expect(show).toContain("to **ml-vision** (dsato, epetrov) until **2026-11-30**.");
    expect(show).toContain("From 2026-12-01 the next reconcile revokes it");
    expect(show).toContain("renewing it until **2027-02-28** (90 days more)");

    // The next days: the same pull request, found by its branch and up to date (no write).
    expect(await renewals(dir, "2026-11-23")).toEqual([
      expect.objectContaining({ outcome: "unchanged", number }),
    ]);
    expect(await renewals(dir, "2026-11-27")).toEqual([
      expect.objectContaining({ outcome: "unchanged", number }),
    ]);
    // The share's purpose changes on main: the same pull request is updated in place.
    const path = join(dir, SHARE);
    writeFileSync(path, readFileSync(path, "utf8").replace(/purpose: .*/, "purpose: Joint paper."));
    git(dir, "commit", "-qam", "the share's purpose");
    expect(await renewals(dir, "2026-11-28")).toEqual([
      expect.objectContaining({ outcome: "updated", number }),
    ]);
    expect(await renewalPrs(dir, "2026-11-28")).toBe(1);
    expect(parse(git(dir, "show", `${BRANCH}:${SHARE}`))).toMatchObject({
      spec: { purpose: "Joint paper.", expires: "2027-02-28" },
    });

    // Merged: the share now ends on 2027-02-28 and nothing is due.
    expect((await cli(dir, "2026-11-28", "prs", "merge", String(number))).code).toBe(0);
    expect(readFileSync(join(dir, SHARE), "utf8")).toContain("expires: 2027-02-28");
    expect(await renewals(dir, "2026-11-29")).toBeUndefined();
    // And a week before the new last day, a new proposal.
    expect(await renewals(dir, "2027-02-21")).toEqual([
      expect.objectContaining({ outcome: "created" }),
    ]);
  });

  it("closed without merging, the renewal is not proposed again and the share ends on its day", async () => {
    const dir = sharing("2026-11-30");
    const [opened] = (await renewals(dir, "2026-11-24"))!;
    expect(opened).toMatchObject({ outcome: "created" });
    expect((await cli(dir, "2026-11-24", "prs", "close", String(opened!.number))).code).toBe(0);
    const again = await cli(dir, "2026-11-26", "reconcile");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `genomics-core/rnaseq-to-ml-vision ends 2026-11-30: declined #${opened!.number} (${BRANCH}) — #${opened!.number} was closed without merging: the share ends on 2026-11-30`,
    );
    expect(await renewalPrs(dir, "2026-11-26")).toBe(1);
    // The day after, it is revoked, and no renewal is due any more.
    const revoked = await cli(dir, "2026-12-01", "reconcile");
    expect(revoked.stdout).toContain("- revoke share genomics-core/rnaseq-to-ml-vision");
    expect(revoked.stdout).not.toContain("share renewals");
  });

  it("the notice and the term come from labenv.yaml, and a share's own spec.renewal wins", async () => {
    const dir = sharing("2026-11-30");
    const config = join(dir, "labenv.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        "  drift:\n",
        "  shares:\n    renewalNoticeDays: 30\n    renewalTermDays: 365\n  drift:\n",
      ),
    );
    git(dir, "commit", "-qam", "a month's notice, a year's renewal");
    // 31 days before: not due; 30 days before: proposed, a year later.
    expect(await renewals(dir, "2026-10-30")).toBeUndefined();
    const [opened] = (await renewals(dir, "2026-10-31"))!;
    expect(opened).toMatchObject({ outcome: "created" });
    expect(parse(git(dir, "show", `${BRANCH}:${SHARE}`))).toMatchObject({
      spec: { expires: "2027-11-30" },
    });
    // The share asks for a shorter term: the same pull request is updated to that date.
    const path = join(dir, SHARE);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        "expires: 2026-11-30\n",
        "expires: 2026-11-30\n  renewal: { termDays: 60 }\n",
      ),
    );
    git(dir, "commit", "-qam", "renew for two months at a time");
    expect(await renewals(dir, "2026-11-01")).toEqual([
      expect.objectContaining({ outcome: "updated", number: opened!.number }),
    ]);
    expect(parse(git(dir, "show", `${BRANCH}:${SHARE}`))).toMatchObject({
      spec: { expires: "2027-01-29", renewal: { termDays: 60 } },
    });
    // A notice not shorter than the term is refused at the share, and nothing it lends applies.
    writeFileSync(path, readFileSync(path, "utf8").replace("termDays: 60", "termDays: 20"));
    const bad = await runCli(["validate", dir], { today: "2026-11-01" });
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(
      /rnaseq-to-ml-vision\.yaml:\d+:\d+ error the renewal notice of 30 days \(labenv\.yaml shares\.renewalNoticeDays\) is not shorter than the renewal term of 20 days \(spec\.renewal\.termDays\)/,
    );
  });
});
