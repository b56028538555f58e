// The agent reports the Julia packages of the image's Julia project: the Manifest.toml entries
// whose package is in one of Julia's depots; drift compares them with the lock's.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { juliaProjectFiles } from "../../reconciler/core/image/julia-project.js";
import { compareContainer } from "../../reconciler/core/drift/compare-container.js";
import type { EnvironmentLock, Observation } from "../../reconciler/core/model/documents.js";
import { repoRoot } from "../helpers/example-repo.js";

const AGENT = join(repoRoot, "reconciler/agent/observe.py");
const sha = (c: string) => c.repeat(40);
const julia: NonNullable<EnvironmentLock["spec"]["julia"]> = {
  registry: "http://127.0.0.1:1/registry",
  julia: "1.10.4",
  packages: [
    {
      name: "IJulia",
      uuid: "7073ff75-c697-5162-941a-fcdaad2a7d2a",
      version: "1.24.2",
      gitTreeSha1: sha("2"),
      source: "environment",
      deps: ["Dates", "JSON"],
    },
    {
      name: "JSON",
      uuid: "682c06a0-de6a-54ab-a142-c8b1cf79cde6",
      version: "0.21.4",
      gitTreeSha1: sha("c"),
      source: "dependency",
      deps: ["Dates"],
    },
  ],
  stdlibs: [{ name: "Dates", uuid: "ade2ca70-3891-5945-98fb-dc099432e06a" }],
};

/** A Julia project written from `lock` and depots holding the packages `installed` names. */
function image(lock: typeof julia, installed: string[]): { project: string; depot: string } {
  const project = mkdtempSync(join(tmpdir(), "labenv-jlproject-"));
  const { project: p, manifest } = juliaProjectFiles(lock);
  writeFileSync(join(project, "Project.toml"), p);
  writeFileSync(join(project, "Manifest.toml"), manifest);
  const depot = mkdtempSync(join(tmpdir(), "labenv-jldepot-"));
  for (const name of installed)
    mkdirSync(join(depot, "packages", name, "Ab1cD"), { recursive: true });
  return { project, depot };
}

function observe(project: string, depot: string): Observation {
  const empty = mkdtempSync(join(tmpdir(), "labenv-empty-"));
  const flags = ["site-packages", "kernel-dir", "labextensions-dir", "config-dir"];
  const r = spawnSync(
    "python3",
    [
      AGENT,
      ...["--lab", "genomics-core", "--environment", "rnaseq", "--task", "t", "--host", "h"],
      ...flags.flatMap((f) => [`--${f}`, empty]),
      ...["--observed-at", "2026-11-23T12:00:00Z", "--r-library", join(empty, "none")],
    ],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: "1",
        JULIA_PROJECT: project,
        JULIA_DEPOT_PATH: `:${depot}`,
        HOME: empty,
      },
    },
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Observation;
}

const lock = { spec: { julia, packages: [], kernels: [], extensions: [], jupyterConfig: [] } };
const juliaDrift = (o: Observation) =>
  compareContainer(lock as unknown as EnvironmentLock, o).filter((d) => d.item === "julia-package");

describe("the agent's Julia packages", () => {
  it("are the manifest's packages found in a depot, standard libraries left out: the same as the lock's, no drift", () => {
    const { project, depot } = image(julia, ["IJulia", "JSON"]);
    const o = observe(project, depot);
    expect(o.spec.juliaPackages).toEqual([
      { name: "IJulia", version: "1.24.2", gitTreeSha1: sha("2") },
      { name: "JSON", version: "0.21.4", gitTreeSha1: sha("c") },
    ]);
    expect(juliaDrift(o)).toEqual([]);
  });

  it("a package missing from every depot, another tree and an unlocked package are drift", () => {
    const other = {
      ...julia,
      packages: [
        { ...julia.packages[0]!, gitTreeSha1: sha("9") },
        { ...julia.packages[1]!, name: "JSON3", version: "1.14.0" },
      ],
    };
    const { project, depot } = image(other, ["IJulia", "JSON3"]);
    expect(juliaDrift(observe(project, depot))).toEqual([
      {
        item: "julia-package",
        change: "changed",
        name: "IJulia",
        locked: `1.24.2 (tree ${sha("2").slice(0, 12)})`,
        observed: `1.24.2 (tree ${sha("9").slice(0, 12)})`,
        pinned: false,
        source: "environment",
      },
      {
        item: "julia-package",
        change: "removed",
        name: "JSON",
        locked: `0.21.4 (tree ${sha("c").slice(0, 12)})`,
        pinned: false,
        source: "dependency",
      },
      {
        item: "julia-package",
        change: "added",
        name: "JSON3",
        observed: `1.14.0 (tree ${sha("c").slice(0, 12)})`,
        pinned: false,
      },
    ]);
    // Nothing installed at all: every locked package is missing.
    const bare = image(julia, []);
    expect(observe(bare.project, bare.depot).spec.juliaPackages).toEqual([]);
  });
});
