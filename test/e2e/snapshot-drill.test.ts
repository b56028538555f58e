// labenv drill on the sandbox: each environment's newest snapshot is brought back away from what
// runs — a throw-away container from its image and EBS snapshot, its home restored into a scratch
// directory — and checked package for package and file for file. The faults a drill exists to
// find (an image gone from the registry, a volume snapshot that no longer holds what was
// installed, a damaged backup) each fail it by name; nothing running is touched.
import { existsSync, readdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleGitRepo } from "./temp-git-repo.js";
import { RNASEQ_HOME, THESIS, thesisCli, thesisSnapshot } from "./thesis-snapshot.js";

const ENV = "genomics-core/rnaseq";
const ID = THESIS;
const HOME = RNASEQ_HOME;
const ACCOUNT = ".labenv/sandbox/account.json";
const cli = thesisCli;

const captured = () =>
  thesisSnapshot({
    files: {
      "analysis.ipynb": '{"cells": [], "nbformat": 4}\n',
      "data/counts.tsv": "gene\tcount\nTP53\t17\n".repeat(300),
    },
    // Installed in the running container: it lives on /opt/jupyter, so the EBS snapshot holds it.
    pipInstall: "requests==2.32.3",
    capture: true,
  });

const account = (dir: string) => JSON.parse(readFileSync(join(dir, ACCOUNT), "utf8"));
const saveAccount = (dir: string, a: unknown) =>
  writeFileSync(join(dir, ACCOUNT), `${JSON.stringify(a, null, 2)}\n`);
const scratchLeft = (dir: string) =>
  readdirSync(join(dir, ".labenv/sandbox/efs")).filter((n) => n.startsWith("aws-backup-restore_"));

describe("labenv drill", () => {
  it("restores the newest snapshot away from what runs, finds every package and file identical, keeps the record and leaves nothing behind", async () => {
    const dir = await captured();
    const before = account(dir);
    const r = await cli(dir, "drill", ENV);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`✓ ${ENV} from ${ID}: restored and identical`);
    expect(r.stdout).toMatch(/✓ packages {2}(\d+)\/\1 packages match the observation at capture/);
    expect(r.stdout).toContain("✓ home      2/2 files restored identical");
    const record = JSON.parse(
      readFileSync(join(dir, ".labenv/objects/drills", ENV, "latest.json"), "utf8"),
    );
    expect(record).toMatchObject({ environment: ENV, snapshot: ID, ok: true });
    expect(record.steps.map((s: { step: string }) => s.step)).toEqual([
      "verify",
      "container",
      "packages",
      "home",
    ]);
    // Torn down, and nothing that runs was touched.
    expect(scratchLeft(dir)).toEqual([]);
    const after = account(dir);
    expect(after.services).toEqual(before.services);
    expect(after.tasks).toEqual(before.tasks);
    expect(readdirSync(join(dir, HOME)).sort()).toEqual(["analysis.ipynb", "data"]);
    // labenv status and the dashboard say when it was last drilled.
    const status = await cli(dir, "status", ENV);
    expect(status.stdout).toMatch(new RegExp(`last drill ✓ \\S+ from ${ID} in [\\d.]+ s`));
    expect(
      JSON.parse((await cli(dir, "status", ENV, "--json")).stdout).environments[0].lastDrill,
    ).toMatchObject({ ok: true, snapshot: ID });
    expect((await cli(dir, "dashboard", "--out", "site")).code).toBe(0);
    const fleet = readFileSync(join(dir, "site/csv/fleet.csv"), "utf8").split("\r\n");
    expect(fleet[0]).toContain("Last drill");
    expect(fleet.find((l) => l.startsWith(`${ENV},`))).toMatch(/,✓ \d{4}-\d\d-\d\d,/);
  });

  it("fails by name when the volume snapshot no longer holds what was installed at capture", async () => {
    const dir = await captured();
    const a = account(dir);
    const m = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    const snap = a.snapshots.find((s: { id: string }) => s.id === m.volume.snapshotId);
    snap.changes = [];
    saveAccount(dir, a);
    const r = await cli(dir, "drill", ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✖ ${ENV} from ${ID}: FAILED`);
    expect(r.stdout).toContain("requests: 2.32.3 at capture, missing now");
    expect(scratchLeft(dir)).toEqual([]);
  });

  it("fails when the image is gone from the registry, and when a backed-up file was damaged", async () => {
    const dir = await captured();
    const m = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    const counts = m.home.files.find((f: { path: string }) => f.path === "data/counts.tsv");
    const blob = join(
      dir,
      ".labenv/sandbox/backup/blobs",
      counts.sha256.slice(0, 2),
      counts.sha256,
    );
    chmodSync(blob, 0o644);
    writeFileSync(blob, "gene\tcount\nTP53\t71\n");
    const damaged = await cli(dir, "drill", ENV, "--json");
    expect(damaged.code).toBe(1);
    const steps = JSON.parse(damaged.stdout).drills[0].steps as {
      step: string;
      ok: boolean;
      differences?: string[];
    }[];
    expect(steps.find((s) => s.step === "verify")!.ok).toBe(false);
    expect(steps.find((s) => s.step === "home")!.differences![0]).toMatch(
      /^data\/counts\.tsv: sha256 /,
    );

    const a = account(dir);
    a.images = (a.images ?? []).filter((i: { id: string }) => i.id !== m.image);
    saveAccount(dir, a);
    const gone = await cli(dir, "drill", ENV);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain(`✖ container the image ${m.image} is no longer in the registry`);
    expect(existsSync(join(dir, ".labenv/objects/drills", ENV, "latest.json"))).toBe(true);
  });

  it("says which environments have no snapshot to drill, and refuses an unknown one", async () => {
    const dir = exampleGitRepo();
    expect((await cli(dir, "reconcile")).code).toBe(0);
    const r = await cli(dir, "drill", "ml-vision/teaching");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no captured snapshot to drill: ml-vision/teaching");
    const bad = await cli(dir, "drill", "ml-vision/nothing");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("there is no environment ml-vision/nothing");
  });
});
