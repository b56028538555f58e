import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exampleGitRepo, git } from "./temp-git-repo.js";
import { THESIS, thesisCli, thesisSnapshot } from "./thesis-snapshot.js";

const ID = THESIS;
const EFS = ".labenv/sandbox/efs";
const HOME = `${EFS}/labs/genomics-core/environments/rnaseq`;
const cli = thesisCli;

const NOTEBOOK = '{"cells": [{"cell_type": "code", "source": "import pydeseq2"}], "nbformat": 4}\n';
const COUNTS = "gene\tcount\nTP53\t17\n".repeat(400);

/** rnaseq with a notebook and data in its home, captured by the Snapshot document `thesis`. */
const captured = (options: { pipInstall?: string } = {}) =>
  thesisSnapshot({
    files: { "analysis.ipynb": NOTEBOOK, "data/counts.tsv": COUNTS },
    capture: true,
    ...options,
  });

describe("restore on the sandbox: capture → destroy → restore → observe", () => {
  it("brings the environment back with the snapshot's lock, image and volume, every package and every home file identical", async () => {
    // A package installed in the running container lives on /opt/jupyter: the volume snapshot keeps it.
    const dir = await captured({ pipInstall: "requests==2.32.3" });
    const manifest = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);

    // Destroy: the environment leaves git (its snapshots and its share with it) and its home's files are lost.
    git(
      dir,
      "rm",
      "-rq",
      "environments/genomics-core/rnaseq",
      "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml",
    );
    git(dir, "commit", "-qm", "rnaseq: retired");
    const retired = await cli(dir, "reconcile");
    expect(retired.code, retired.stdout).toBe(0);
    rmSync(join(dir, HOME), { recursive: true });
    // The manifest outlives its document: the data is kept.
    expect((await cli(dir, "snapshot", "list")).stdout).toMatch(
      /^kept {6}genomics-core\/rnaseq\/thesis/m,
    );

    // Restore into a new environment, written as it was then, through a commit (a pull request).
    const w = await cli(dir, "restore", ID, "--as", "rnaseq-thesis");
    expect(w.code).toBe(0);
    expect(w.stdout).toContain(
      "✓ wrote genomics-core/rnaseq-thesis, restored from genomics-core/rnaseq/thesis",
    );
    const env = parse(
      readFileSync(join(dir, "environments/genomics-core/rnaseq-thesis/environment.yaml"), "utf8"),
    );
    expect(env.metadata.name).toBe("rnaseq-thesis");
    expect(env.spec.restoreFrom).toEqual({ snapshot: ID });
    const lockText = readFileSync(
      join(dir, "environments/genomics-core/rnaseq-thesis/environment.lock.yaml"),
      "utf8",
    );
    const oldLock = readFileSync(join(dir, ".labenv/objects", manifest.lock.key), "utf8");
    expect(lockText).toBe(oldLock.replace("name: rnaseq\n", "name: rnaseq-thesis\n"));
    expect((await cli(dir, "lock", "--check")).code).toBe(0);
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "rnaseq-thesis: restored from the thesis snapshot");

    const plan = await cli(dir, "plan", "--json");
    // The plan says where the restore comes from and what it waits for: hot, minutes (the
    // sandbox reports no storage tier, so by the schedule, which never moves a restore's source).
    expect(JSON.parse(plan.stdout).plan.restoreSources).toEqual([
      {
        environment: "genomics-core/rnaseq-thesis",
        snapshot: ID,
        tier: "hot",
        tierFrom: "schedule",
        reason: expect.stringMatching(
          /^restore from genomics-core\/rnaseq\/thesis, hot \(by labenv's schedule: volume snapshot in the EBS standard tier \(kept hot\).*\): it waits for none: a restore starts at once \(minutes\); kept hot: genomics-core\/rnaseq-thesis restores from it$/,
        ),
      },
    ]);
    expect((await cli(dir, "plan")).stdout).toMatch(
      /^ {2}← restore from genomics-core\/rnaseq\/thesis, hot /m,
    );
    const actions = JSON.parse(plan.stdout).plan.stages.flatMap(
      (s: { actions: unknown[] }) => s.actions,
    ) as {
      key: string;
      outcome: string;
      desired?: { spec: { image?: string; volume?: { fromSnapshot?: string } } };
    }[];
    const restored = actions.filter((a) => a.key.includes("genomics-core/rnaseq-thesis"));
    // No image build: the task runs the snapshot's image by digest; the volume comes from its EBS snapshot.
    expect(restored.map((a) => a.key).some((k) => k.startsWith("image-build:"))).toBe(false);
    expect(restored.find((a) => a.key.startsWith("task-definition:"))!.desired!.spec.image).toBe(
      manifest.image,
    );
    expect(
      restored.find((a) => a.key.startsWith("service:"))!.desired!.spec.volume!.fromSnapshot,
    ).toBe(manifest.volume.snapshotId);

    const r = await cli(dir, "reconcile");
    expect(r.code).toBe(0);
    // Once restored, the plan no longer speaks of a restore to come.
    expect(
      JSON.parse((await cli(dir, "plan", "--json")).stdout).plan.restoreSources,
    ).toBeUndefined();
    expect(r.stdout).toMatch(
      /✓ restored {2}genomics-core\/rnaseq-thesis from genomics-core\/rnaseq\/thesis: (\d+)\/\1 packages match, 2\/2 files identical in its home, in [\d.]+ s/,
    );
    // What was installed beside the lock came back too, so drift says so, as it did for the original.
    expect(r.stdout).toMatch(/genomics-core\/rnaseq-thesis +MINOR_DRIFT 5 packages added/);
    const observed = JSON.parse(
      readFileSync(
        join(dir, ".labenv/objects/observations/genomics-core/rnaseq-thesis/latest.json"),
        "utf8",
      ),
    );
    expect(
      observed.spec.packages.find((p: { name: string }) => p.name === "requests")?.version,
    ).toBe("2.32.3");
    // Every file is back, byte for byte, in the new environment's home.
    const home = join(dir, EFS, "labs/genomics-core/environments/rnaseq-thesis");
    expect(readFileSync(join(home, "analysis.ipynb"), "utf8")).toBe(NOTEBOOK);
    expect(readFileSync(join(home, "data/counts.tsv"), "utf8")).toBe(COUNTS);
    // AWS Backup's restore directory was emptied into the home and removed.
    expect(
      existsSync(join(dir, EFS)) && readFileSync(join(dir, ".labenv/sandbox/account.json"), "utf8"),
    ).toBeTruthy();
    const again = await cli(dir, "reconcile");
    expect(again.stdout).toMatch(/✓ restored {2}genomics-core\/rnaseq-thesis .* \(earlier\)/);
    expect(again.stdout).toContain("✓ no changes: everything matches git");
    // labenv status says what came back and how fast, from the restore's record.
    const status = await cli(dir, "status", "genomics-core/rnaseq-thesis");
    expect(status.stdout).toMatch(
      /restored ✓ \S+ from genomics-core\/rnaseq\/thesis: (\d+)\/\1 packages match, 2\/2 files identical in its home, in [\d.]+ s/,
    );
    const json = JSON.parse((await cli(dir, "status", "--json")).stdout);
    expect(
      json.environments.find(
        (e: { environment: string }) => e.environment === "genomics-core/rnaseq-thesis",
      ).lastRestore,
    ).toMatchObject({ snapshot: ID, ok: true, home: "2/2", placed: "home" });
  });

  it("never overwrites a researcher's files: into the same environment, the restored files land beside them", async () => {
    const dir = await captured();
    // The researcher keeps working after the snapshot; then asks for the snapshot back in place.
    writeFileSync(join(dir, HOME, "analysis.ipynb"), '{"cells": [], "edited": true}\n');
    const path = join(dir, "environments/genomics-core/rnaseq/environment.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /\nspec:\n/,
        `\nspec:\n  restoreFrom: { snapshot: ${ID} }\n`,
      ),
    );
    git(dir, "commit", "-qam", "rnaseq: back to the thesis snapshot");
    const r = await cli(dir, "reconcile");
    expect(r.code).toBe(0);
    const m = r.stdout.match(
      /2\/2 files identical beside its files, in (\/aws-backup-restore_\d{8}T\d{6}Z)\/labs\/genomics-core\/environments\/rnaseq/,
    );
    expect(m, r.stdout).not.toBeNull();
    expect(readFileSync(join(dir, HOME, "analysis.ipynb"), "utf8")).toBe(
      '{"cells": [], "edited": true}\n',
    );
    expect(
      readFileSync(
        join(dir, EFS, m![1]!, "labs/genomics-core/environments/rnaseq/analysis.ipynb"),
        "utf8",
      ),
    ).toBe(NOTEBOOK);
    // The environment now runs the snapshot's image by digest, and keeps running it: nothing to change.
    expect((await cli(dir, "reconcile")).stdout).toContain("✓ no changes: everything matches git");
  });

  it("with overwrite: true, the files that differ are replaced by the snapshot's and the replaced versions are kept aside in the home; nothing else is touched", async () => {
    const dir = await captured();
    // After the snapshot: the notebook edited, a new file written, the data unchanged.
    const EDITED = '{"cells": [], "edited": true}\n';
    writeFileSync(join(dir, HOME, "analysis.ipynb"), EDITED);
    writeFileSync(join(dir, HOME, "notes.txt"), "written after the snapshot\n");
    const path = join(dir, "environments/genomics-core/rnaseq/environment.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /\nspec:\n/,
        `\nspec:\n  restoreFrom: { snapshot: ${ID}, overwrite: true }\n`,
      ),
    );
    git(dir, "commit", "-qam", "rnaseq: back to the thesis snapshot, over the home");
    const plan = await cli(dir, "plan");
    expect(plan.stdout).toContain(
      "  ! overwrite genomics-core/rnaseq's home with snapshot genomics-core/rnaseq/thesis (restoreFrom.overwrite: true): each file whose content differs from the snapshot's is replaced",
    );
    expect(plan.stdout).toMatch(/^DESTRUCTIVE: 1 home is restored over \(genomics-core\/rnaseq\)/m);
    // Planning changed nothing in the home.
    expect(readFileSync(join(dir, HOME, "analysis.ipynb"), "utf8")).toBe(EDITED);

    const r = await cli(dir, "reconcile");
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /✓ restored {2}genomics-core\/rnaseq from genomics-core\/rnaseq\/thesis: \d+\/\d+ packages match, 2\/2 files identical in its home/,
    );
    const kept = r.stdout.match(
      /overwrite: 1 file of the home replaced by the snapshot's; the replaced versions are kept in \/labs\/genomics-core\/environments\/rnaseq\/(\.labenv-replaced\/\d{8}T\d{6}Z)\/ \(nothing was deleted\)/,
    );
    expect(kept, r.stdout).not.toBeNull();
    expect(r.stdout).toContain(`analysis.ipynb → ${kept![1]}/analysis.ipynb`);
    // The snapshot's notebook is in the home; the researcher's edit is kept aside, byte for byte.
    expect(readFileSync(join(dir, HOME, "analysis.ipynb"), "utf8")).toBe(NOTEBOOK);
    expect(readFileSync(join(dir, HOME, kept![1]!, "analysis.ipynb"), "utf8")).toBe(EDITED);
    // The same data is not replaced, and a file the snapshot does not have stays.
    expect(readFileSync(join(dir, HOME, "data/counts.tsv"), "utf8")).toBe(COUNTS);
    expect(existsSync(join(dir, HOME, kept![1]!, "data"))).toBe(false);
    expect(readFileSync(join(dir, HOME, "notes.txt"), "utf8")).toBe("written after the snapshot\n");
    // AWS Backup's restore directory is gone; the record says what was replaced.
    expect(readdirSync(join(dir, EFS)).filter((n) => n.startsWith("aws-backup-restore_"))).toEqual(
      [],
    );
    const record = JSON.parse(
      readFileSync(
        join(dir, ".labenv/objects/restores/genomics-core/rnaseq/from", `${ID}.json`),
        "utf8",
      ),
    );
    expect(record.home).toMatchObject({
      placed: "home",
      keptAside: kept![1],
      replaced: [{ path: "analysis.ipynb", keptAt: `${kept![1]}/analysis.ipynb` }],
    });
    // labenv status says so too, from the record.
    expect((await cli(dir, "status", "genomics-core/rnaseq")).stdout).toContain(
      `; overwrite: 1 replaced, the replaced versions kept in /labs/genomics-core/environments/rnaseq/${kept![1]}/`,
    );
    // Done: the overwrite is not planned again, nor done again.
    const again = await cli(dir, "plan");
    expect(again.stdout).not.toContain("DESTRUCTIVE");
    writeFileSync(join(dir, HOME, "analysis.ipynb"), EDITED);
    expect((await cli(dir, "reconcile")).stdout).toMatch(/✓ restored .* \(earlier\)/);
    expect(readFileSync(join(dir, HOME, "analysis.ipynb"), "utf8")).toBe(EDITED);
  });

  it("a restore whose lock is not the snapshot's is refused with what to do", async () => {
    const dir = await captured();
    const path = join(dir, "environments/genomics-core/single-cell/environment.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /\nspec:\n/,
        `\nspec:\n  restoreFrom: { snapshot: ${ID} }\n`,
      ),
    );
    git(dir, "commit", "-qam", "single-cell: from rnaseq's snapshot");
    // The plan says so before anything is applied, and changes nothing.
    const plan = await cli(dir, "plan");
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(
      /✖ failed +genomics-core\/single-cell from genomics-core\/rnaseq\/thesis: the lock of genomics-core\/single-cell is not the snapshot's lock/,
    );
    expect(git(dir, "status", "--porcelain")).toBe("");
    const r = await cli(dir, "reconcile");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /✖ failed +genomics-core\/single-cell from genomics-core\/rnaseq\/thesis: the lock of genomics-core\/single-cell is not the snapshot's lock .*labenv restore genomics-core\/rnaseq\/thesis --as single-cell/,
    );
  });
});

describe("snapshot references on the command line", () => {
  it("a reference that is not lab/env/name, or a snapshot never captured, is a usage error that writes nothing", async () => {
    const dir = exampleGitRepo();
    for (const args of [
      ["restore", "genomics-core"],
      ["restore", "genomics-core/rnaseq/thesis/extra"],
      ["snapshot", "show", "Genomics/rnaseq/thesis"],
      ["snapshot", "verify", "genomics-core//thesis"],
    ]) {
      const r = await cli(dir, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/is not a snapshot: expected lab\/env\/name/);
    }
    const never = await cli(dir, "restore", ID);
    expect(never.code).toBe(2);
    expect(never.stderr).toMatch(
      /genomics-core\/rnaseq\/thesis has no manifest: it was never captured/,
    );
    expect(git(dir, "status", "--porcelain")).toBe("");
  });
});

describe("a restore the plan cannot start yet", () => {
  it("plan says it waits for the snapshot to be captured, and the environment is planned from its lock", async () => {
    const dir = exampleGitRepo();
    const path = join(dir, "environments/genomics-core/single-cell/environment.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /\nspec:\n/,
        "\nspec:\n  restoreFrom: { snapshot: genomics-core/rnaseq/before-genomics-2 }\n",
      ),
    );
    git(dir, "commit", "-qam", "single-cell: from rnaseq's snapshot before genomics 2");
    const plan = await cli(dir, "plan");
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(
      /… waiting +genomics-core\/single-cell from genomics-core\/rnaseq\/before-genomics-2: snapshot genomics-core\/rnaseq\/before-genomics-2 has not been captured yet/,
    );
    expect(plan.stdout).toMatch(/\+ create service genomics-core\/single-cell/);
  });
});

describe("time travel: labenv restore --at <date|commit> <lab/env>", () => {
  it("writes the environment as main had it then, restored from the snapshot that holds that lock, or from its lock alone", async () => {
    const dir = await captured();
    const then = git(dir, "rev-parse", "HEAD");
    const lockThen = parse(
      git(dir, "show", `${then}:environments/genomics-core/rnaseq/environment.lock.yaml`),
    );
    // Later: rnaseq gains a package, is locked again and applied.
    const envFile = join(dir, "environments/genomics-core/rnaseq/environment.yaml");
    writeFileSync(
      envFile,
      readFileSync(envFile, "utf8").replace(
        '    - "pydeseq2>=0.4.10,<0.5"\n',
        '    - "pydeseq2>=0.4.10,<0.5"\n    - "requests>=2.31"\n',
      ),
    );
    expect((await cli(dir, "lock")).code).toBe(0);
    git(dir, "commit", "-qam", "rnaseq: requests");
    expect((await cli(dir, "reconcile")).code).toBe(0);

    // At the earlier commit: that lock, restored from the newest snapshot with the same lock
    // captured by then (the CLI's test clock runs before git's dates: both snapshots count, thesis
    // is the newer; which one when one came after is the pure test's case).
    const past = await cli(dir, "restore", "--at", then.slice(0, 10), "genomics-core/rnaseq");
    expect(past.code, past.stderr).toBe(0);
    const name = `rnaseq-${then.slice(0, 7)}`;
    expect(past.stdout).toContain(
      `✓ wrote genomics-core/${name}: genomics-core/rnaseq as on main at ${then.slice(0, 12)}`,
    );
    expect(past.stdout).toContain(`restored from ${ID}`);
    const env = parse(
      readFileSync(join(dir, `environments/genomics-core/${name}/environment.yaml`), "utf8"),
    );
    expect(env.spec.packages).toEqual(["pydeseq2>=0.4.10,<0.5"]);
    expect(env.spec.restoreFrom).toEqual({ snapshot: ID });
    const lock = parse(
      readFileSync(join(dir, `environments/genomics-core/${name}/environment.lock.yaml`), "utf8"),
    );
    expect(lock.spec).toEqual(lockThen.spec);
    expect(lock.metadata.name).toBe(name);

    // Today: the lock with requests, which no snapshot holds — written from its lock alone.
    const today = new Date().toISOString().slice(0, 10);
    const now = await cli(
      dir,
      "restore",
      "--at",
      today,
      "genomics-core/rnaseq",
      "--as",
      "rnaseq-now",
      "--json",
    );
    expect(now.code, now.stderr).toBe(0);
    expect(JSON.parse(now.stdout)).toMatchObject({
      environment: "genomics-core/rnaseq-now",
      commit: git(dir, "rev-parse", "HEAD"),
    });
    const nowEnv = parse(
      readFileSync(join(dir, "environments/genomics-core/rnaseq-now/environment.yaml"), "utf8"),
    );
    expect(nowEnv.spec.restoreFrom).toBeUndefined();
    expect(nowEnv.spec.packages).toContain("requests>=2.31");
    const text = await cli(
      dir,
      "restore",
      "--at",
      today,
      "genomics-core/rnaseq",
      "--as",
      "rnaseq-now2",
    );
    expect(text.stdout).toContain(
      "no snapshot restores its home: none of its 2 snapshots holds the lock it had then",
    );

    // What was written is what labenv lock writes: both locks check.
    const check = await cli(dir, "lock", "--check");
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("refuses a date before main, a commit not on main, a name that exists, and a snapshot id with --at", async () => {
    const dir = exampleGitRepo();
    const early = await cli(dir, "restore", "--at", "2001-01-01", "genomics-core/rnaseq");
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("main has no commit at or before 2001-01-01T23:59:59.000Z");
    git(dir, "checkout", "-qb", "elsewhere");
    git(dir, "commit", "-q", "--allow-empty", "-m", "not on main");
    const other = git(dir, "rev-parse", "HEAD");
    git(dir, "checkout", "-q", "main");
    const off = await cli(dir, "restore", "--at", other, "genomics-core/rnaseq");
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("is not on main's history");
    const taken = await cli(
      dir,
      "restore",
      "--at",
      "HEAD",
      "genomics-core/rnaseq",
      "--as",
      "single-cell",
    );
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(
      "environments/genomics-core/single-cell/environment.yaml exists",
    );
    const id = await cli(dir, "restore", "--at", "HEAD", ID);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain("is not an environment: --at takes lab/env");
    const gone = await cli(dir, "restore", "--at", "HEAD", "genomics-core/nothing");
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain("genomics-core/nothing had no environment.yaml on main");
    expect(git(dir, "status", "--porcelain")).toBe("");
  });
});
