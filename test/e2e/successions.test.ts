// Issue 16, successions, end to end on the example repository (a temp git repository, the
// sandbox, the local git host): lwu-graduation hands genomics-core/variant-calling from lwu to
// ajones on 2026-12-31.
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { canReadRoot, canWriteRoot } from "../../reconciler/adapters/sandbox/sandbox-efs.js";
import { loadAccount } from "../../reconciler/adapters/sandbox/sandbox-account.js";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const ENV = "environments/genomics-core/variant-calling/environment.yaml";
const HOME = ".labenv/sandbox/efs/labs/genomics-core/environments/variant-calling";
const SNAPSHOT = "genomics-core/variant-calling/succession-lwu-graduation";
const PACKAGE = `.labenv/objects/snapshots/${SNAPSHOT}/REPRODUCING.md`;
const VIEW = "environments/genomics-core/lwu-handover";
const HANDOVER = "share-access:genomics-core/succession-lwu-graduation.variant-calling/lwu";
const cli = (dir: string, today: string, ...args: string[]) =>
  runCli([...args, "--repo", dir], { today });

/** The example repository with variant-calling running (its volume can be snapshotted), reconciled once. */
async function handingOver(): Promise<string> {
  const dir = exampleGitRepo();
  const file = join(dir, ENV);
  writeFileSync(file, readFileSync(file, "utf8").replace("state: stopped", "state: running"));
  git(dir, "commit", "-qam", "variant-calling: run it");
  expect((await cli(dir, "2026-12-01", "reconcile")).code).toBe(0);
  // The predecessor's work in their home.
  writeFileSync(join(dir, HOME, "qc.ipynb"), '{"cells": [], "nbformat": 4}\n');
  const lastEdit = new Date("2026-11-30T09:15:00Z");
  utimesSync(join(dir, HOME, "qc.ipynb"), lastEdit, lastEdit);
  return dir;
}

const successions = async (dir: string, today: string) =>
  JSON.parse((await cli(dir, today, "successions", "--json")).stdout).successions as {
    succession: string;
    stage: string;
    next?: string;
    reason?: string;
    done: { step: string; refs: string[]; detail: string; run?: string }[];
    pullRequest?: { number: number };
  }[];

const homeAccessPoint = (dir: string) =>
  loadAccount(join(dir, ".labenv/sandbox/account.json"), "eu-west-1", "labenv").accessPoints.find(
    (a) =>
      a.tags["labenv:resource"] === "access-point:genomics-core/variant-calling/home" &&
      !a.tags["labenv:retired"],
  )!;

const account = (dir: string) =>
  loadAccount(join(dir, ".labenv/sandbox/account.json"), "eu-west-1", "labenv");

/** The predecessor's hand-over access point, while it exists. */
const handover = (dir: string) =>
  account(dir).accessPoints.find((a) => a.tags["labenv:resource"] === HANDOVER);

/** Per ECS family (active revision): where the hand-over access point is mounted, and how. */
function handoverMounts(dir: string): Record<string, string[]> {
  const ap = handover(dir)?.id;
  const out: Record<string, string[]> = {};
  for (const t of account(dir).taskDefinitions.filter((x) => x.status === "ACTIVE")) {
    const body = t.body as {
      containerDefinitions: {
        mountPoints: { containerPath: string; readOnly: boolean; sourceVolume: string }[];
      }[];
      volumes: {
        name: string;
        efsVolumeConfiguration?: { authorizationConfig?: { accessPointId?: string } };
      }[];
    };
    const mounts = body.containerDefinitions[0]!.mountPoints.filter(
      (m) =>
        m.containerPath.startsWith("/handover/") ||
        (ap !== undefined &&
          body.volumes.find((v) => v.name === m.sourceVolume)?.efsVolumeConfiguration
            ?.authorizationConfig?.accessPointId === ap),
    );
    if (mounts.length > 0)
      out[t.family] = mounts.map((m) => `${m.containerPath}${m.readOnly ? " ro" : " rw"}`);
  }
  return out;
}

describe("successions end to end (sandbox, local git host)", () => {
  it("nothing happens before the effective date: no snapshot, no record, no pull request", async () => {
    const dir = await handingOver();
    const r = await cli(dir, "2026-12-30", "reconcile");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("hand-over");
    const [s] = await successions(dir, "2026-12-30");
    expect(s).toMatchObject({ succession: "genomics-core/lwu-graduation", stage: "not-due" });
    expect(s!.done).toEqual([]);
    expect(existsSync(join(dir, ".labenv/state/successions"))).toBe(false);
    expect((await cli(dir, "2026-12-30", "prs")).stdout).not.toContain("labenv/succession/");
  });

  it("at the effective date: snapshot, hand-over package, ownership pull request; merged, the successor owns it and writes the home", async () => {
    const dir = await handingOver();
    const uidBefore = homeAccessPoint(dir).posixUser.uid;
    const r = await cli(dir, "2026-12-31", "reconcile");
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      "snapshot genomics-core/variant-calling's /opt/jupyter: before hand-over lwu → ajones",
    );

    let [s] = await successions(dir, "2026-12-31");
    expect(s!.done.map((d) => d.step)).toEqual(["snapshot", "package"]);
    expect(s).toMatchObject({ stage: "waiting", next: "ownership", pullRequest: { number: 3 } });
    expect(s!.done[0]!.refs).toEqual([SNAPSHOT]);

    // The hand-over package, next to the snapshot's manifest.
    const pkg = readFileSync(join(dir, PACKAGE), "utf8");
    const lock = parse(
      readFileSync(
        join(dir, "environments/genomics-core/variant-calling/environment.lock.yaml"),
        "utf8",
      ),
    ) as { spec: { image: string } };
    expect(pkg).toContain("# Reproducing genomics-core/variant-calling");
    expect(pkg).toContain("- Experiment: EXP-2025-007");
    expect(pkg).toContain("- Funding: core-budget");
    expect(pkg).toContain(lock.spec.image);
    expect(pkg).toContain("cyvcf2==0.31.1");
    // Each notebook with its size and its last-modified time, as the recovery point keeps it.
    expect(pkg).toMatch(/\| qc\.ipynb \| 29 \| 2026-11-30T09:15:00\.000Z \| `[0-9a-f]{12}…` \|/);
    expect(pkg).toContain(`npx labenv restore ${SNAPSHOT}`);
    // Open drift, from the last drift report: it never drifted, so there is none.
    expect(pkg).toMatch(/## Open drift\n\nNone on record: drift keeps a report only once/);
    // Each change with how it was merged: this one was pushed, not merged through a pull request.
    expect(pkg).toContain(
      "Ravi Patel: variant-calling: run it — not merged through a pull request",
    );
    expect(pkg).toContain("approvals were not read: the git host is not GitHub with a token");

    // The pull request: the owner in git, nothing else; main is untouched until it merges.
    const show = await cli(dir, "2026-12-31", "prs", "show", "3");
    expect(show.stdout).toContain(`snapshots/${SNAPSHOT}/REPRODUCING.md`);
    const proposed = git(dir, "show", `labenv/succession/genomics-core/lwu-graduation:${ENV}`);
    expect((parse(proposed) as { spec: { owner: string } }).spec.owner).toBe("ajones");
    // lwu owns nothing else in genomics-core: the same pull request adds their view environment.
    expect(
      git(dir, "diff", "--name-status", "main", "labenv/succession/genomics-core/lwu-graduation")
        .trim()
        .split("\n"),
    ).toEqual([`A\t${VIEW}/environment.lock.yaml`, `A\t${VIEW}/environment.yaml`, `M\t${ENV}`]);

    // A run before the merge only waits: no second pull request.
    await cli(dir, "2026-12-31", "reconcile");
    expect(
      (await cli(dir, "2026-12-31", "prs")).stdout.match(/labenv\/succession\//g),
    ).toHaveLength(1);

    expect((await cli(dir, "2026-12-31", "prs", "merge", "3")).code).toBe(0);
    // The view environment's lock is the one `labenv lock` writes for it.
    const locked = await cli(dir, "2026-12-31", "lock", "--check");
    expect(locked.code, locked.stdout + locked.stderr).toBe(0);
    const merged = await cli(dir, "2026-12-31", "reconcile");
    expect(merged.code, merged.stdout).toBe(0);
    expect(merged.stdout).toContain(
      "+ grant share genomics-core/succession-lwu-graduation.variant-calling: read-only access point for genomics-core/lwu onto genomics-core/variant-calling's home",
    );
    [s] = await successions(dir, "2026-12-31");
    expect(s).toMatchObject({ stage: "waiting", next: "revoke" });
    expect(s!.done.map((d) => d.step)).toEqual(["snapshot", "package", "ownership", "access"]);
    expect(s!.done[2]!.refs).toEqual(["#3"]);
    const granted = handover(dir)!;
    expect(s!.done[3]).toMatchObject({
      detail:
        "lwu reads genomics-core/variant-calling read-only (/handover/genomics-core/variant-calling in genomics-core/lwu-handover) until 2027-03-01",
      refs: [granted.id],
    });
    const grantRun = s!.done[3]!.run;
    expect(grantRun).toMatch(/^[0-9a-f]{12}$/);

    // During the grace period: the predecessor reads the home and writes nothing; it is mounted
    // read-only in their view environment only; the successor reads and writes it.
    const home = homeAccessPoint(dir);
    expect(home.posixUser.uid).toBe(uidBefore);
    expect(canReadRoot(account(dir), granted.id)).toBe(true);
    expect(canWriteRoot(account(dir), granted.id)).toBe(false);
    expect(handoverMounts(dir)).toEqual({
      "labenv-genomics-core-lwu-handover": ["/handover/genomics-core/variant-calling ro"],
    });
    expect(canReadRoot(account(dir), home.id)).toBe(true);
    expect(canWriteRoot(account(dir), home.id)).toBe(true);
    expect(existsSync(join(dir, HOME, "qc.ipynb"))).toBe(true);
    const human = (await cli(dir, "2026-12-31", "successions")).stdout;
    expect(human).toContain(
      "lwu keeps read access through 2027-03-01; the first reconcile after that day revokes it",
    );
    expect(human).toContain(
      `: lwu reads genomics-core/variant-calling read-only (/handover/genomics-core/variant-calling in genomics-core/lwu-handover) until 2027-03-01 (run ${grantRun})`,
    );

    // The day after the last day the next reconcile revokes it, and the succession is done.
    const after = await cli(dir, "2027-03-02", "reconcile");
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).toContain(
      "- revoke share genomics-core/succession-lwu-graduation.variant-calling: it expired on 2027-03-01",
    );
    [s] = await successions(dir, "2027-03-02");
    expect(s!.stage).toBe("done");
    expect(s!.done.map((d) => d.step)).toEqual([
      "snapshot",
      "package",
      "ownership",
      "access",
      "revoke",
    ]);
    expect(s!.done[4]!.refs).toEqual([granted.id]);
    expect(s!.done[4]!.detail).toContain(`(${granted.id} deleted `);
    expect(s!.done[4]!.run).toMatch(/^[0-9a-f]{12}$/);
    expect(s!.done[4]!.run).not.toBe(grantRun);
    expect(handover(dir)).toBeUndefined();
    expect(handoverMounts(dir)).toEqual({});
    // The successor still reads and writes every file; the view environment stays (data is never deleted).
    expect(canWriteRoot(account(dir), homeAccessPoint(dir).id)).toBe(true);
    expect(existsSync(join(dir, VIEW, "environment.yaml"))).toBe(true);
    // The audit has the grant and the revoke, with their runs.
    const audit = JSON.parse((await runCli(["audit", "-C", dir, "--json"])).stdout) as {
      shares: { access: { event: string; share: string; run: string }[] };
    };
    expect(
      audit.shares.access
        .filter((e) => e.share === "genomics-core/succession-lwu-graduation.variant-calling")
        .map((e) => [e.event, e.run]),
    ).toEqual([
      ["granted", grantRun],
      ["revoked", s!.done[4]!.run],
    ]);

    // The snapshot restores like any other.
    const restored = await cli(
      dir,
      "2026-12-31",
      "restore",
      SNAPSHOT,
      "--as",
      "variant-calling-lwu",
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(
      existsSync(join(dir, "environments/genomics-core/variant-calling-lwu/environment.yaml")),
    ).toBe(true);
  });

  it("keepAccessDays 0: the pull request adds no view environment, nothing is granted, and the succession is done once merged", async () => {
    const dir = await handingOver();
    const file = join(dir, "environments/genomics-core/successions/lwu-graduation.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("keepAccessDays: 60", "keepAccessDays: 0"),
    );
    git(dir, "commit", "-qam", "lwu keeps no read access");
    expect((await cli(dir, "2026-12-31", "reconcile")).code).toBe(0);
    const [s] = await successions(dir, "2026-12-31");
    expect(
      git(dir, "diff", "--name-only", "main", "labenv/succession/genomics-core/lwu-graduation"),
    ).toBe(ENV);
    expect(
      (await cli(dir, "2026-12-31", "prs", "merge", String(s!.pullRequest!.number))).code,
    ).toBe(0);
    const merged = await cli(dir, "2026-12-31", "reconcile");
    expect(merged.code, merged.stdout).toBe(0);
    expect(merged.stdout).not.toContain("grant share");
    const [done] = await successions(dir, "2026-12-31");
    expect(done!.stage).toBe("done");
    expect(done!.done.slice(3).map((d) => d.detail)).toEqual([
      "no read access kept (data.keepAccessDays: 0)",
      "nothing to revoke (data.keepAccessDays: 0)",
    ]);
    expect(handover(dir)).toBeUndefined();
    expect(handoverMounts(dir)).toEqual({});
    expect(canWriteRoot(account(dir), homeAccessPoint(dir).id)).toBe(true);
  });

  it("a stopped environment waits at the snapshot step, and `labenv successions` says why", async () => {
    const dir = exampleGitRepo();
    expect((await cli(dir, "2026-12-31", "reconcile")).code).toBe(0);
    const [s] = await successions(dir, "2026-12-31");
    expect(s).toMatchObject({ stage: "waiting", next: "snapshot" });
    expect(s!.reason).toContain("variant-calling is stopped");
    const human = await cli(dir, "2026-12-31", "successions");
    expect(human.stdout).toContain(
      "genomics-core/lwu-graduation  lwu → ajones, effective 2026-12-31: waiting (next: snapshot)",
    );
  });
});
