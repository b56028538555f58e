// Issue 16, clone shares end to end on the sandbox through the CLI: merged, the share's snapshot
// of the lent environment is taken once (packages and home as they are then); the receiving
// lab's copy is written from it, merged and restored; what the owner changes later never
// reaches it, and it stays after the share ends.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const SHARE = "environments/climate-dynamics/shares/cmip6-to-genomics.yaml";
const ID = "climate-dynamics/cmip6-to-genomics";
const SNAPSHOT = "climate-dynamics/cmip6-analysis/share-cmip6-to-genomics";
const COPY = "genomics-core/cmip6-analysis-from-climate-dynamics";
const EFS = ".labenv/sandbox/efs/labs";
const OWNER_HOME = `${EFS}/climate-dynamics/environments/cmip6-analysis`;
const COPY_HOME = `${EFS}/genomics-core/environments/cmip6-analysis-from-climate-dynamics`;
const cli = (dir: string, today: string, ...args: string[]) =>
  runCli([...args, "--repo", dir], { today });

function put(dir: string, path: string, content: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** What the container of an environment last reported installed (its observation), by name. */
function installed(dir: string, env: string): Record<string, string> {
  const o = JSON.parse(
    readFileSync(join(dir, `.labenv/objects/observations/${env}/latest.json`), "utf8"),
  ) as { spec: { packages: { name: string; version: string }[] } };
  return Object.fromEntries(o.spec.packages.map((p) => [p.name, p.version]));
}

describe("clone shares on the sandbox", () => {
  it("the copy has the owner's packages and files as of share time; later changes do not reach it, and it stays after the share ends", async () => {
    const dir = exampleGitRepo();
    // Before the share: cmip6-analysis runs, with work in its home and a package installed by hand.
    const share = readFileSync(join(dir, SHARE), "utf8");
    rmSync(join(dir, SHARE));
    git(dir, "commit", "-qam", "no share yet");
    expect((await cli(dir, "2026-11-23", "reconcile")).code).toBe(0);
    put(dir, `${OWNER_HOME}/arctic.ipynb`, '{"cells": [], "nbformat": 4}\n');
    put(dir, `${OWNER_HOME}/data/ensemble.csv`, "model,dT\nCESM2,3.1\n");
    const pip = await cli(
      dir,
      "2026-11-23",
      "sandbox",
      "exec",
      "climate-dynamics/cmip6-analysis",
      "pip",
      "install",
      "requests==2.32.3",
    );
    expect(pip.code, pip.stderr).toBe(0);

    // The share merges: the next reconcile takes its snapshot, once.
    writeFileSync(join(dir, SHARE), share);
    git(dir, "add", SHARE);
    git(dir, "commit", "-qm", "lend cmip6-analysis to genomics-core as a clone");
    const shared = await cli(dir, "2026-11-23", "reconcile");
    expect(shared.code, shared.stdout + shared.stderr).toBe(0);
    expect(shared.stdout).toContain(
      "+ snapshot climate-dynamics/cmip6-analysis's /opt/jupyter: clone share cmip6-to-genomics to genomics-core",
    );
    expect(shared.stdout).toContain(
      "+ back up climate-dynamics/cmip6-analysis's home: home for clone share cmip6-to-genomics to genomics-core",
    );
    expect(shared.stdout).toMatch(new RegExp(`✓ captured {3}${SNAPSHOT}`));
    expect((await cli(dir, "2026-11-23", "reconcile")).stdout).toContain("✓ no changes");
    // Listed as the share's snapshot, captured with the home's two files.
    expect((await cli(dir, "2026-11-23", "snapshot", "list")).stdout).toMatch(
      new RegExp(`^captured  ${SNAPSHOT}  \\S+  2 files, `, "m"),
    );

    // Later the owner changes the home and installs another package: none of it may leak.
    put(
      dir,
      `${OWNER_HOME}/arctic.ipynb`,
      '{"cells": ["changed after the share"], "nbformat": 4}\n',
    );
    put(dir, `${OWNER_HOME}/later.txt`, "written after the share\n");
    expect(
      (
        await cli(
          dir,
          "2026-11-24",
          "sandbox",
          "exec",
          "climate-dynamics/cmip6-analysis",
          "pip",
          "install",
          "six==1.16.0",
        )
      ).code,
    ).toBe(0);

    // A receiving member makes the lab's copy: written for a pull request in genomics-core.
    const bad = await cli(dir, "2026-11-24", "shares", "clone", ID);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("pass --owner <member>");
    const w = await cli(dir, "2026-11-24", "shares", "clone", ID, "--owner", "ajones");
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toContain(
      `✓ wrote ${COPY} (owner ajones), a copy of share ${ID} from its snapshot ${SNAPSHOT}`,
    );
    const env = parse(readFileSync(join(dir, `environments/${COPY}/environment.yaml`), "utf8"));
    expect(env.metadata).toEqual({
      name: "cmip6-analysis-from-climate-dynamics",
      lab: "genomics-core",
    });
    expect(env.spec.owner).toBe("ajones");
    expect(env.spec.restoreFrom).toEqual({ snapshot: SNAPSHOT });
    const v = await runCli(["validate", dir], { today: "2026-11-24" });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // Judged against the base, the copy comes in through the share.
    const since = await runCli(["validate", dir, "--changed-from", "HEAD"], {
      today: "2026-11-24",
    });
    expect(since.code, since.stdout).toBe(0);
    // Another lab's snapshot restored without a clone share is refused at its restoreFrom.
    const stray = "environments/ml-vision/arctic/environment.yaml";
    put(
      dir,
      stray,
      readFileSync(join(dir, `environments/${COPY}/environment.yaml`), "utf8")
        .replace("name: cmip6-analysis-from-climate-dynamics", "name: arctic")
        .replace("lab: genomics-core", "lab: ml-vision")
        .replace("owner: ajones", "owner: epetrov")
        .replace(SNAPSHOT, "climate-dynamics/cmip6-analysis/paper-submission"),
    );
    const strayed = await runCli(["validate", dir, "--changed-from", "HEAD", "--json"], {
      today: "2026-11-24",
    });
    expect(
      (
        JSON.parse(strayed.stdout).diagnostics as { file: string; code: string; message: string }[]
      ).filter((d) => d.code === "clone-source"),
    ).toEqual([
      expect.objectContaining({
        file: stray,
        message:
          "ml-vision/arctic restores climate-dynamics/cmip6-analysis/paper-submission, a snapshot of climate-dynamics, which no clone share of climate-dynamics to ml-vision took",
      }),
    ]);
    rmSync(join(dir, "environments/ml-vision/arctic"), { recursive: true });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "genomics-core: our copy of cmip6-analysis");

    const restored = await cli(dir, "2026-11-24", "reconcile");
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      new RegExp(
        `✓ restored  ${COPY} from ${SNAPSHOT}: (\\d+)/\\1 packages match, 2/2 files identical in its home`,
      ),
    );
    // The copy's files are the owner's as of share time; what came later is not there.
    expect(readFileSync(join(dir, COPY_HOME, "arctic.ipynb"), "utf8")).toBe(
      '{"cells": [], "nbformat": 4}\n',
    );
    expect(readFileSync(join(dir, COPY_HOME, "data/ensemble.csv"), "utf8")).toContain("CESM2");
    expect(() => readFileSync(join(dir, COPY_HOME, "later.txt"))).toThrow();
    // Its packages too: the one installed before the share, not the one after.
    const copy = installed(dir, COPY);
    expect(copy.requests).toBe("2.32.3");
    expect(copy.six).toBeUndefined();
    expect(installed(dir, "climate-dynamics/cmip6-analysis").six).toBe("1.16.0");

    // The share ends; the copy is genomics-core's and stays.
    rmSync(join(dir, SHARE));
    git(dir, "commit", "-qam", "the clone share ends");
    // Unchanged since the base, the copy still passes without the share.
    expect(
      (await runCli(["validate", dir, "--changed-from", "HEAD~1"], { today: "2026-11-25" })).code,
    ).toBe(0);
    const ended = await cli(dir, "2026-11-25", "reconcile");
    expect(ended.code, ended.stdout).toBe(0);
    expect(ended.stdout).not.toMatch(/- .*cmip6-analysis-from-climate-dynamics/);
    expect(readFileSync(join(dir, COPY_HOME, "arctic.ipynb"), "utf8")).toBe(
      '{"cells": [], "nbformat": 4}\n',
    );
    // No new copy once the share has expired.
    writeFileSync(join(dir, SHARE), share.replace(/expires: .*/, "expires: 2026-11-20"));
    git(dir, "add", SHARE);
    git(dir, "commit", "-qm", "an expired clone share");
    const late = await cli(
      dir,
      "2026-11-25",
      "shares",
      "clone",
      ID,
      "--owner",
      "ajones",
      "--as",
      "another",
    );
    expect(late.code).toBe(2);
    expect(late.stderr).toContain(`${ID} expired on 2026-11-20: no new copy is made`);
  });
});
