// The agent reports the Julia packages of the image's Julia project as installed: for each
// Manifest.toml entry, the depot directory Pkg names from its uuid and tree, with the version its
// own Project.toml gives and the git tree hash of its files; drift compares them with the lock's.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { juliaProjectFiles } from "../../reconciler/core/image/julia-project.js";
import { compareContainer } from "../../reconciler/core/drift/compare-container.js";
import type { EnvironmentLock, Observation } from "../../reconciler/core/model/documents.js";
import { repoRoot } from "../helpers/example-repo.js";

const AGENT = join(repoRoot, "reconciler/agent/observe.py");
type JuliaLock = NonNullable<EnvironmentLock["spec"]["julia"]>;

/** A package's files as Pkg unpacks them, and the tree git records for them. */
function packageSource(name: string, uuid: string, version: string): { dir: string; tree: string } {
  const dir = mkdtempSync(join(tmpdir(), `labenv-jlpkg-${name}-`));
  writeFileSync(
    join(dir, "Project.toml"),
    `name = "${name}"\nuuid = "${uuid}"\nversion = "${version}"\n`,
  );
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", `${name}.jl`), `module ${name}\nend\n`);
  const gitDir = mkdtempSync(join(tmpdir(), "labenv-jlgit-"));
  const env = { ...process.env, GIT_DIR: gitDir, GIT_WORK_TREE: dir };
  execFileSync("git", ["init", "-q"], { env });
  execFileSync("git", ["add", "-A", "."], { env, cwd: dir });
  return { dir, tree: execFileSync("git", ["write-tree"], { env, encoding: "utf8" }).trim() };
}

/** Where Pkg installs a tree: the agent's own Base.version_slug (proved in test_julia_depot.py). */
const slug = (uuid: string, tree: string) =>
  execFileSync(
    "python3",
    [
      "-c",
      `import sys; sys.path.insert(0, sys.argv[1]); import observe; print(observe.julia_version_slug(sys.argv[2], sys.argv[3]))`,
      join(repoRoot, "reconciler/agent"),
      uuid,
      tree,
    ],
    { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
  ).trim();

const IJULIA = packageSource("IJulia", "7073ff75-c697-5162-941a-fcdaad2a7d2a", "1.24.2");
const JSON_ = packageSource("JSON", "682c06a0-de6a-54ab-a142-c8b1cf79cde6", "0.21.4");
const JSON3 = packageSource("JSON3", "0f8b85d8-7281-11e9-16c2-39a750bddbf1", "1.14.0");
const sources = new Map([
  ["IJulia", IJULIA],
  ["JSON", JSON_],
  ["JSON3", JSON3],
]);

const julia: JuliaLock = {
  registry: "http://127.0.0.1:1/registry",
  julia: "1.10.4",
  packages: [
    {
      name: "IJulia",
      uuid: "7073ff75-c697-5162-941a-fcdaad2a7d2a",
      version: "1.24.2",
      gitTreeSha1: IJULIA.tree,
      source: "environment",
      deps: ["Dates", "JSON"],
    },
    {
      name: "JSON",
      uuid: "682c06a0-de6a-54ab-a142-c8b1cf79cde6",
      version: "0.21.4",
      gitTreeSha1: JSON_.tree,
      source: "dependency",
      deps: ["Dates"],
    },
  ],
  stdlibs: [{ name: "Dates", uuid: "ade2ca70-3891-5945-98fb-dc099432e06a" }],
};

/**
 * A Julia project written from `lock`, and a depot where Pkg installed the packages `installed`
 * names (each in the directory its uuid and tree give); `edit` changes a file of one after.
 */
function image(
  lock: JuliaLock,
  installed: string[],
  edit?: { name: string; file: string; text: string },
): { project: string; depot: string } {
  const project = mkdtempSync(join(tmpdir(), "labenv-jlproject-"));
  const { project: p, manifest } = juliaProjectFiles(lock);
  writeFileSync(join(project, "Project.toml"), p);
  writeFileSync(join(project, "Manifest.toml"), manifest);
  const depot = mkdtempSync(join(tmpdir(), "labenv-jldepot-"));
  for (const name of installed) {
    const entry = lock.packages.find((q) => q.name === name)!;
    const to = join(depot, "packages", name, slug(entry.uuid, entry.gitTreeSha1));
    cpSync(sources.get(name)!.dir, to, { recursive: true });
    if (edit?.name === name) writeFileSync(join(to, edit.file), edit.text);
  }
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
  it("are the manifest's packages as their depot directories hold them, standard libraries left out: the same as the lock's, no drift", () => {
    const { project, depot } = image(julia, ["IJulia", "JSON"]);
    const o = observe(project, depot);
    expect(o.spec.juliaPackages).toEqual([
      { name: "IJulia", version: "1.24.2", gitTreeSha1: IJULIA.tree },
      { name: "JSON", version: "0.21.4", gitTreeSha1: JSON_.tree },
    ]);
    expect(juliaDrift(o)).toEqual([]);
  });

  it("a file changed after install, a package missing from every depot and an unlocked package are drift", () => {
    // The image's manifest has JSON3 where the lock has JSON; IJulia's source was edited in the depot.
    const other: JuliaLock = {
      ...julia,
      packages: [
        julia.packages[0]!,
        {
          ...julia.packages[1]!,
          name: "JSON3",
          uuid: "0f8b85d8-7281-11e9-16c2-39a750bddbf1",
          version: "1.14.0",
          gitTreeSha1: JSON3.tree,
        },
      ],
    };
    const { project, depot } = image(other, ["IJulia", "JSON3"], {
      name: "IJulia",
      file: "src/IJulia.jl",
      text: "module IJulia\n# patched in place\nend\n",
    });
    const o = observe(project, depot);
    const edited = o.spec.juliaPackages!.find((p) => p.name === "IJulia")!.gitTreeSha1;
    expect(edited).not.toBe(IJULIA.tree);
    expect(juliaDrift(o)).toEqual([
      {
        item: "julia-package",
        change: "changed",
        name: "IJulia",
        locked: `1.24.2 (tree ${IJULIA.tree.slice(0, 12)})`,
        observed: `1.24.2 (tree ${edited.slice(0, 12)})`,
        pinned: false,
        source: "environment",
      },
      {
        item: "julia-package",
        change: "removed",
        name: "JSON",
        locked: `0.21.4 (tree ${JSON_.tree.slice(0, 12)})`,
        pinned: false,
        source: "dependency",
      },
      {
        item: "julia-package",
        change: "added",
        name: "JSON3",
        observed: `1.14.0 (tree ${JSON3.tree.slice(0, 12)})`,
        pinned: false,
      },
    ]);
    // Nothing installed at all: every locked package is missing.
    const bare = image(julia, []);
    expect(observe(bare.project, bare.depot).spec.juliaPackages).toEqual([]);
  });

  it("a package installed for another tree is not the manifest's: its directory is another", () => {
    const { project, depot } = image(julia, ["IJulia", "JSON"]);
    const moved = image(
      {
        ...julia,
        packages: [{ ...julia.packages[0]!, gitTreeSha1: JSON_.tree }, julia.packages[1]!],
      },
      [],
    );
    // The manifest asks for IJulia at another tree; the depot holds only the locked one.
    expect(observe(moved.project, depot).spec.juliaPackages!.map((p) => p.name)).toEqual(["JSON"]);
    expect(observe(project, depot).spec.juliaPackages).toHaveLength(2);
  });
});
