import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";
import { RNASEQ_HOME, THESIS, thesisCli, thesisSnapshot } from "./thesis-snapshot.js";

const ID = THESIS;
const HOME = RNASEQ_HOME;
const cli = thesisCli;

/** A home with notebooks and data, and a Snapshot document asking for packages and home, committed. */
const capturedThesis = () =>
  thesisSnapshot({
    files: {
      "analysis.ipynb": '{"cells": [], "nbformat": 4}\n',
      "data/counts.tsv": "gene\tcount\nTP53\t17\n".repeat(500),
    },
  });

describe("snapshot capture and verify on the sandbox (real files in the simulated EFS and its recovery points)", () => {
  it("a reconcile captures the snapshot: the manifest lists every file of the home with its sum, the lock and the observation", async () => {
    const dir = await capturedThesis();
    const r = await cli(dir, "reconcile");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ captured {3}genomics-core\/rnaseq\/thesis {2}manifest sha256:/);

    const show = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    expect(show.home.files.map((f: { path: string }) => f.path)).toEqual([
      "analysis.ipynb",
      "data/counts.tsv",
    ]);
    expect(show.home.files[1]).toMatchObject({ size: 9500 });
    expect(show.home.path).toBe("/labs/genomics-core/environments/rnaseq");
    expect(show.home.recoveryPointArn).toMatch(
      /^arn:aws:backup:eu-west-1:000000000000:recovery-point:/,
    );
    expect(show.volume.snapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
    expect(show.image).toMatch(/labenv\/genomics-core@sha256:[0-9a-f]{64}$/);
    expect(show.lock.file).toBe("environments/genomics-core/rnaseq/environment.lock.yaml");
    expect(show.commit).toBe(git(dir, "rev-parse", "HEAD"));
    // The lock object holds the lock's exact committed bytes.
    const lockObject = readFileSync(join(dir, ".labenv/objects", show.lock.key), "utf8");
    expect(lockObject).toBe(
      git(dir, "show", "HEAD:environments/genomics-core/rnaseq/environment.lock.yaml") + "\n",
    );

    // A file written after the capture is not in it: the recovery point is a point in time.
    writeFileSync(join(dir, HOME, "later.ipynb"), "{}\n");
    const again = await cli(dir, "reconcile");
    expect(again.stdout).toMatch(/· captured {3}genomics-core\/rnaseq\/thesis/);
    const ok = await cli(dir, "snapshot", "verify", ID);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /✓ genomics-core\/rnaseq\/thesis: 3 objects and 2 files \(\d+ bytes\) match their checksums/,
    );
    const list = await cli(dir, "snapshot", "list", "genomics-core/rnaseq");
    expect(list.stdout).toMatch(
      /^captured {2}genomics-core\/rnaseq\/thesis {2}\S+ {2}2 files, 9529 bytes/m,
    );
  });

  it("verify names a planted corruption: the stored file, the sum expected and the sum found", async () => {
    const dir = await capturedThesis();
    await cli(dir, "reconcile");
    const m = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    const counts = m.home.files.find((f: { path: string }) => f.path === "data/counts.tsv");
    const blob = join(
      dir,
      ".labenv/sandbox/backup/blobs",
      counts.sha256.slice(0, 2),
      counts.sha256,
    );
    chmodSync(blob, 0o644);
    writeFileSync(blob, readFileSync(blob, "utf8").replace("TP53\t17", "TP53\t71"));
    const bad = await cli(dir, "snapshot", "verify", ID);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      `home:/labs/genomics-core/environments/rnaseq/data/counts.tsv: checksum, expected ${counts.sha256}, found `,
    );
    // The lock object damaged too: named by its key.
    writeFileSync(join(dir, ".labenv/objects", m.lock.key), "edited\n");
    const worse = JSON.parse((await cli(dir, "snapshot", "verify", ID, "--json")).stdout);
    expect(
      worse[0].findings.map((f: { object: string; problem: string }) => `${f.problem} ${f.object}`),
    ).toEqual([
      `checksum ${m.lock.key}`,
      "checksum home:/labs/genomics-core/environments/rnaseq/data/counts.tsv",
    ]);
  });

  it("every verify is kept, and the dashboard shows the last one: proved, then damaged", async () => {
    const dir = await capturedThesis();
    await cli(dir, "reconcile");
    const page = async () => {
      expect((await cli(dir, "dashboard", "--out", "site")).code).toBe(0);
      return readFileSync(join(dir, "site/environments/genomics-core/rnaseq.html"), "utf8");
    };
    expect(await page()).not.toMatch(/files proved/);
    expect((await cli(dir, "snapshot", "verify", ID)).code).toBe(0);
    expect(await page()).toMatch(/✓ \d{4}-\d\d-\d\d: 3 objects, 2 files proved/);

    const m = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    writeFileSync(join(dir, ".labenv/objects", m.lock.key), "edited\n");
    expect((await cli(dir, "snapshot", "verify", ID)).code).toBe(1);
    const damaged = await page();
    expect(damaged).toMatch(/✗ \d{4}-\d\d-\d\d: 1 finding \(labenv snapshot verify\)/);
    const runs = readdirSync(join(dir, ".labenv/objects/verifications", ID)).sort();
    expect(runs).toHaveLength(3); // two runs by their time, and latest.json
    expect(runs).toContain("latest.json");
    const latest = JSON.parse(
      readFileSync(join(dir, ".labenv/objects/verifications", ID, "latest.json"), "utf8"),
    );
    expect(latest).toMatchObject({ id: ID, ok: false, by: "labenv snapshot verify" });
  });

  it("verify --due runs what the schedule runs: each snapshot once per period, a failure named by snapshot show and status until proved again", async () => {
    const dir = await capturedThesis();
    await cli(dir, "reconcile");
    const m = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    writeFileSync(join(dir, ".labenv/objects", m.lock.key), "edited\n");
    const first = await cli(dir, "snapshot", "verify", "--due", "--json");
    expect(first.code).toBe(1);
    const r = JSON.parse(first.stdout);
    expect(r.verified).toHaveLength(4);
    // The lock is stored once by its sum: both of rnaseq's snapshots name it.
    expect(r.failing.map((f: { id: string }) => f.id)).toEqual([
      "genomics-core/rnaseq/before-genomics-2",
      ID,
    ]);
    expect(r.failing[1].findings[0]).toMatchObject({ object: m.lock.key, problem: "checksum" });

    // Within the period (the default 7 days): nothing is verified again; the failure is still said.
    const again = await cli(dir, "snapshot", "verify", "--due");
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(
      /^✖ snapshot genomics-core\/rnaseq\/thesis FAILED verification at \S+: 1 problem — nothing was deleted or rewritten/m,
    );
    expect(again.stdout).toMatch(/0 verified now \(0 intact, 0 failed\), 4 not due, 0 left/);
    // The damaged object is left as it is: verify only reads.
    expect(readFileSync(join(dir, ".labenv/objects", m.lock.key), "utf8")).toBe("edited\n");

    const show = await cli(dir, "snapshot", "show", ID);
    expect(show.stdout).toMatch(
      /verified {5}✖ FAILED \S+ by labenv snapshot verify --due: 1 problem/,
    );
    expect(show.stdout).toContain(`${m.lock.key}: checksum, expected ${m.lock.sha256}`);
    // The sandbox reports no storage tier: the tier is the schedule's, and it says so.
    expect(show.stdout).toMatch(
      /retention {4}hot now \(by labenv's schedule: the provider reports no storage tier for it\)/,
    );
    expect(show.stdout).toMatch(/labenv's schedule: archive after 365 days, the default/);
    expect(show.stdout).toMatch(/a restore from here waits for none: a restore starts at once/);
    const status = await cli(dir, "status", "genomics-core/rnaseq");
    expect(status.stdout).toMatch(/verified 0\/2 snapshots intact/);
    expect(status.stdout).toMatch(/✖ FAILED verification genomics-core\/rnaseq\/thesis at /);
    const json = JSON.parse((await cli(dir, "status", "genomics-core/rnaseq", "--json")).stdout);
    expect(json.environments[0].snapshotVerification).toMatchObject({
      snapshots: 2,
      intact: 0,
      failed: [{ id: "genomics-core/rnaseq/before-genomics-2" }, { id: ID, findings: 1 }],
    });

    // Eight days on, every snapshot is due again: the repaired lock proves.
    writeFileSync(
      join(dir, ".labenv/objects", m.lock.key),
      readFileSync(join(dir, "environments/genomics-core/rnaseq/environment.lock.yaml")),
    );
    const later = await runCli(["snapshot", "verify", "--due", "--json", "--repo", dir], {
      now: new Date("2026-12-01T12:00:00Z"),
    });
    expect(later.code).toBe(0);
    expect(JSON.parse(later.stdout)).toMatchObject({ failing: [], notDue: 0 });
    expect(JSON.parse(later.stdout).verified).toHaveLength(4);
    expect((await cli(dir, "snapshot", "verify", "--due", ID)).code).toBe(2);
  });

  it("a hand-edited manifest is not its canonical self, and the other snapshots still verify", async () => {
    const dir = await capturedThesis();
    await cli(dir, "reconcile");
    const key = join(dir, ".labenv/objects/snapshots", ID, "manifest.json");
    const text = readFileSync(key, "utf8");
    writeFileSync(
      key,
      text.replace('"requestedBy":"rpatel"', '"requestedBy":"mchen"').replace("}", "} "),
    );
    const r = JSON.parse((await cli(dir, "snapshot", "verify", "--json")).stdout);
    const byId = Object.fromEntries(r.map((x: { id: string; ok: boolean }) => [x.id, x.ok]));
    expect(byId).toEqual({
      "climate-dynamics/cmip6-analysis/paper-submission": true,
      // The example's clone share takes its own snapshot at share time.
      "climate-dynamics/cmip6-analysis/share-cmip6-to-genomics": true,
      "genomics-core/rnaseq/before-genomics-2": true,
      [ID]: false,
    });
  });

  it("a stopped environment's snapshot stays requested and says why", async () => {
    const dir = exampleGitRepo();
    const env = join(dir, "environments/ml-vision/teaching");
    mkdirSync(join(env, "snapshots"), { recursive: true });
    writeFileSync(
      join(env, "snapshots/term-end.yaml"),
      "apiVersion: labenv.westtek.io/v1\nkind: Snapshot\nmetadata: { name: term-end, lab: ml-vision, environment: teaching }\nspec: { requestedBy: vraman, reason: end of term }\n",
    );
    const r = await cli(dir, "reconcile");
    expect(r.stdout).toMatch(
      /… requested {2}ml-vision\/teaching\/term-end: ml-vision\/teaching is stopped, so there is no volume to snapshot/,
    );
    const list = await cli(dir, "snapshot", "list", "ml-vision/teaching");
    expect(list.stdout).toMatch(/^requested ml-vision\/teaching\/term-end: .* is stopped/m);
  });
});
