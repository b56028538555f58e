// The agent reports the R packages an image really has, from the DESCRIPTION files in R's
// library directories, and drift compares them with the lock's R packages.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareContainer } from "../../reconciler/core/drift/compare-container.js";
import type { EnvironmentLock, Observation } from "../../reconciler/core/model/documents.js";
import { repoRoot } from "../helpers/example-repo.js";

const AGENT = join(repoRoot, "reconciler/agent/observe.py");

function library(packages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "labenv-rlib-"));
  for (const [name, description] of Object.entries(packages)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "DESCRIPTION"), description);
  }
  return dir;
}

function observe(libraries: string[]): Observation {
  const empty = mkdtempSync(join(tmpdir(), "labenv-empty-"));
  const r = spawnSync(
    "python3",
    [
      AGENT,
      "--lab",
      "genomics-core",
      "--environment",
      "rnaseq",
      "--site-packages",
      empty,
      "--kernel-dir",
      empty,
      "--labextensions-dir",
      empty,
      "--config-dir",
      empty,
      "--task",
      "task",
      "--host",
      "h",
      "--observed-at",
      "2026-11-23T12:00:00Z",
      ...libraries.flatMap((l) => ["--r-library", l]),
    ],
    { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Observation;
}

describe("the agent's R packages", () => {
  it("come from DESCRIPTION files, the first library winning, R's base and recommended packages left out", () => {
    const site = library({
      ggplot2: "Package: ggplot2\nVersion: 3.5.1\nTitle: Create Elegant Data\n  Visualisations\n",
      rlang: "Package: rlang\nVersion: 1.1.4\n",
      notes: "not a DESCRIPTION of this directory's package\n",
    });
    const system = library({
      rlang: "Package: rlang\nVersion: 1.0.0\n",
      stats: "Package: stats\nVersion: 4.4.1\nPriority: base\n",
      MASS: "Package: MASS\nVersion: 7.3-61\nPriority: recommended\n",
      // R's own, with no priority: Debian's R 4.2 ships it in R's library.
      translations: "Package: translations\nVersion: 4.4.1\nLicense: Part of R 4.4.1\n",
      IRkernel: "Package: IRkernel\nVersion: 1.3.2\n",
    });
    expect(observe([site, system]).spec.rPackages).toEqual([
      { name: "IRkernel", version: "1.3.2" },
      { name: "ggplot2", version: "3.5.1" },
      { name: "rlang", version: "1.1.4" },
    ]);
  });

  it("are compared with the lock's: a changed version and an unlocked package are drift", () => {
    const observation = observe([
      library({
        ggplot2: "Package: ggplot2\nVersion: 3.5.0\n",
        cli: "Package: cli\nVersion: 3.6.3\n",
        extra: "Package: extra\nVersion: 0.1\n",
      }),
    ]);
    const lock = {
      spec: {
        python: "3.11.9",
        packages: [],
        kernels: [],
        extensions: [],
        jupyterConfig: [],
        r: {
          repository: "http://127.0.0.1:1/cran",
          packages: [
            { name: "cli", version: "3.6.3", source: "dependency" },
            { name: "ggplot2", version: "3.5.1", source: "environment" },
          ],
        },
      },
    } as unknown as EnvironmentLock;
    expect(compareContainer(lock, observation).filter((d) => d.item === "r-package")).toEqual([
      {
        item: "r-package",
        change: "changed",
        name: "ggplot2",
        locked: "3.5.1",
        observed: "3.5.0",
        pinned: false,
        source: "environment",
      },
      { item: "r-package", change: "added", name: "extra", observed: "0.1", pinned: false },
    ]);
  });

  it("are not reported for an image without R", () => {
    expect(observe([join(tmpdir(), "labenv-no-such-r-library")]).spec.rPackages).toBeUndefined();
  });
});
