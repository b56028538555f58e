// Julia packages pinned in environment.yaml, locked against a General-style registry served from
// 127.0.0.1 with its compat ranges honoured, and written into the build context as a Project.toml
// and Manifest.toml that the image instantiates. (No Julia runs here: the instantiate step is
// checked as text and by the sandbox's build, never by Julia.)
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { runCli } from "../helpers/cli.js";
import { serveRegistry, writePack, type RegistryServer } from "../helpers/pack-registry.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const RNASEQ = "genomics-core/rnaseq";
const LOCK = `environments/${RNASEQ}/environment.lock.yaml`;
const UUID = {
  IJulia: "7073ff75-c697-5162-941a-fcdaad2a7d2a",
  JSON: "682c06a0-de6a-54ab-a142-c8b1cf79cde6",
  Parsers: "69de0a69-1ddd-5017-9359-2bf0b02dc9f0",
  Dates: "ade2ca70-3891-5945-98fb-dc099432e06a",
  Unused: "11111111-2222-3333-4444-555555555555",
};
/**
 * Each package a git repository of its own with a tagged commit per version, as Registrator
 * registers them: the registry's git-tree-sha1 of a version is the git tree of that commit, the
 * hash Pkg checks a downloaded or cloned package against (Operations.install_archive and
 * install_git), never an invented one.
 */
const PACKAGES: Record<string, string[]> = {
  IJulia: ["1.23.0", "1.24.2"],
  JSON: ["0.19.0", "0.21.3", "0.21.4", "0.21.5", "1.0.0"],
  Parsers: ["2.4.0", "2.4.3", "2.8.1"],
};
const packagesRoot = mkdtempSync(join(tmpdir(), "labenv-julia-packages-"));
const tree: Record<string, string> = {};
for (const [name, versions] of Object.entries(PACKAGES)) {
  const repo = join(packagesRoot, `${name}.jl`);
  mkdirSync(join(repo, "src"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  for (const version of versions) {
    writeFileSync(
      join(repo, "Project.toml"),
      `name = "${name}"\nuuid = "${UUID[name as keyof typeof UUID]}"\nversion = "${version}"\n`,
    );
    writeFileSync(
      join(repo, "src", `${name}.jl`),
      `module ${name}\nconst VERSION = v"${version}"\nend\n`,
    );
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", `${name} ${version}`);
    git(repo, "tag", `v${version}`);
    tree[`${name}@${version}`] = git(repo, "rev-parse", `v${version}^{tree}`);
  }
}
const sha = (pkg: string) => tree[pkg]!;
const versionsToml = (name: string, yanked: string[] = []) =>
  PACKAGES[name]!.map(
    (v) =>
      `["${v}"]\ngit-tree-sha1 = "${sha(`${name}@${v}`)}"\n${yanked.includes(v) ? "yanked = true\n" : ""}`,
  ).join("\n");
const packageToml = (name: string) =>
  `name = "${name}"\nuuid = "${UUID[name as keyof typeof UUID]}"\nrepo = "${pathToFileURL(join(packagesRoot, `${name}.jl`)).href}"\n`;

/**
 * A registry in General's layout. IJulia 1.24.2 needs JSON (compat 0.20-0.21) and the standard
 * library Dates; JSON 0.21 needs Parsers "2.4" — which in a registry is 2.4.x, so Parsers 2.8.1
 * (allowed by a caret reading) must not be chosen. JSON 0.21.5 is yanked.
 */
const REGISTRY: Record<string, string> = {
  "Registry.toml": [
    'name = "TestGeneral"',
    'uuid = "23338594-aafe-5451-b93e-139f81909106"',
    'repo = "https://example.org/TestGeneral.git"',
    "",
    "[packages]",
    `${UUID.IJulia} = { name = "IJulia", path = "I/IJulia" }`,
    `${UUID.JSON} = { name = "JSON", path = "J/JSON" }`,
    `${UUID.Parsers} = { name = "Parsers", path = "P/Parsers" }`,
    `${UUID.Unused} = { name = "Unused", path = "U/Unused" }`,
    "",
  ].join("\n"),
  "I/IJulia/Package.toml": packageToml("IJulia"),
  "I/IJulia/Versions.toml": versionsToml("IJulia"),
  "I/IJulia/Deps.toml": `["1"]\nDates = "${UUID.Dates}"\nJSON = "${UUID.JSON}"\n`,
  "I/IJulia/Compat.toml": `["1.23"]\njulia = "1.11-1"\nJSON = "0.18-0.21"\n\n["1.24"]\njulia = "1.6.0-1"\nJSON = "0.20-0.21"\n`,
  "J/JSON/Package.toml": packageToml("JSON"),
  "J/JSON/Versions.toml": versionsToml("JSON", ["0.21.5"]),
  "J/JSON/Deps.toml": `["0.21-0"]\nDates = "${UUID.Dates}"\nParsers = "${UUID.Parsers}"\n`,
  "J/JSON/Compat.toml": `["0.21-0"]\nParsers = "2.4"\n# a comment, as registries have\n`,
  "P/Parsers/Package.toml": packageToml("Parsers"),
  "P/Parsers/Versions.toml": versionsToml("Parsers"),
};

let registry: RegistryServer;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "labenv-julia-registry-"));
  for (const [path, text] of Object.entries(REGISTRY)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  registry = await serveRegistry(root);
});
afterAll(async () => registry?.close());

const url = () => registry.url.replace(/\/$/, "");

async function must(args: string[]): Promise<string> {
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(`labenv ${args.join(" ")}: ${r.code}\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The example repository with a pack that has a Julia 1.10.4 kernel, and rnaseq on it asking for `pins`. */
async function repoWithJulia(
  pins: string[],
  julia: string | null = "1.10.4",
  registryUrl: string = url(),
): Promise<string> {
  const dir = exampleGitRepo();
  writePack(dir, "juliastats", "1.0.0", {
    image: `ghcr.io/westtek-research/labenv-julia@sha256:${"f".repeat(64)}`,
    kernels: [
      { name: "python3", language: "python", displayName: "Python 3", version: "3.11.9" },
      ...(julia === null
        ? []
        : [
            {
              name: "julia-1.10",
              language: "julia",
              displayName: `Julia ${julia}`,
              version: julia,
            },
          ]),
    ],
  });
  await must(["packs", "index", "--repo", dir]);
  const file = join(dir, `environments/${RNASEQ}/environment.yaml`);
  const doc = parseDocument(
    readFileSync(file, "utf8").replace(/domainPack: "[^"]+"/, 'domainPack: "juliastats@1.0.0"'),
  );
  doc.setIn(["spec", "julia"], { registry: registryUrl, packages: pins });
  doc.deleteIn(["spec", "kernels"]);
  writeFileSync(file, doc.toString());
  return dir;
}

describe("Julia packages", () => {
  it("are locked with their dependencies at the highest versions the registry's compat allows, with uuids and tree hashes", async () => {
    const dir = await repoWithJulia(["IJulia==1.24.2"]);
    await must(["lock", RNASEQ, "--repo", dir]);
    const lock = parse(readFileSync(join(dir, LOCK), "utf8")) as {
      spec: { julia: unknown };
    };
    expect(lock.spec.julia).toEqual({
      registry: url(),
      julia: "1.10.4",
      packages: [
        {
          name: "IJulia",
          uuid: UUID.IJulia,
          version: "1.24.2",
          gitTreeSha1: sha("IJulia@1.24.2"),
          source: "environment",
          deps: ["Dates", "JSON"],
        },
        {
          name: "JSON",
          uuid: UUID.JSON,
          version: "0.21.4",
          gitTreeSha1: sha("JSON@0.21.4"),
          source: "dependency",
          deps: ["Dates", "Parsers"],
        },
        {
          name: "Parsers",
          uuid: UUID.Parsers,
          version: "2.4.3",
          gitTreeSha1: sha("Parsers@2.4.3"),
          source: "dependency",
          deps: [],
        },
      ],
      stdlibs: [{ name: "Dates", uuid: UUID.Dates }],
    });
    // Only what the resolution needs is read: never the unused package.
    expect(registry.requests).toContain("/I/IJulia/Versions.toml");
    expect(registry.requests.some((r) => r.startsWith("/U/"))).toBe(false);
    await must(["lock", "--check", "--repo", dir]);
    await must(["validate", dir]);

    // The build context: a Project.toml and Manifest.toml written from the lock, and the step
    // that instantiates them and installs the IJulia kernel under the pack's kernel name.
    const out = join(mkdtempSync(join(tmpdir(), "labenv-julia-ctx-")), "ctx");
    await must(["build", RNASEQ, "--out", out, "--repo", dir]);
    const project = readFileSync(join(out, "labenv/julia/Project.toml"), "utf8");
    expect(project).toBe(
      [
        "# Generated by labenv from the environment's lock. Do not edit: run labenv lock.",
        "[deps]",
        `IJulia = "${UUID.IJulia}"`,
        "",
        "[compat]",
        'IJulia = "=1.24.2"',
        'julia = "=1.10.4"',
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(out, "labenv/julia/Manifest.toml"), "utf8")).toBe(
      [
        "# This file is machine-generated - editing it directly is not advised",
        "# Generated by labenv from the environment's lock. Do not edit: run labenv lock.",
        "",
        'julia_version = "1.10.4"',
        'manifest_format = "2.0"',
        // Pkg's project_resolve_hash of the Project.toml above (test/core/image/julia-project-hash.test.ts).
        'project_hash = "1bbee423d95003ea239bf161b8a8c3fca79956ad"',
        "",
        "[[deps.Dates]]",
        `uuid = "${UUID.Dates}"`,
        "",
        "[[deps.IJulia]]",
        'deps = ["Dates", "JSON"]',
        `git-tree-sha1 = "${sha("IJulia@1.24.2")}"`,
        `uuid = "${UUID.IJulia}"`,
        'version = "1.24.2"',
        "",
        "[[deps.JSON]]",
        'deps = ["Dates", "Parsers"]',
        `git-tree-sha1 = "${sha("JSON@0.21.4")}"`,
        `uuid = "${UUID.JSON}"`,
        'version = "0.21.4"',
        "",
        "[[deps.Parsers]]",
        `git-tree-sha1 = "${sha("Parsers@2.4.3")}"`,
        `uuid = "${UUID.Parsers}"`,
        'version = "2.4.3"',
        "",
      ].join("\n"),
    );
    const dockerfile = readFileSync(join(out, "Dockerfile"), "utf8");
    expect(dockerfile).toContain(
      "COPY labenv/julia/Project.toml labenv/julia/Manifest.toml /opt/labenv/julia/\n" +
        "RUN JULIA_DEPOT_PATH=/opt/labenv/julia/depot JUPYTER_DATA_DIR=/usr/local/share/jupyter julia --project=/opt/labenv/julia -e " +
        `'using Pkg; Pkg.instantiate(); using IJulia; IJulia.installkernel("Julia", "--project=/opt/labenv/julia"; specname = "julia-1.10")'\n`,
    );
    expect(dockerfile).toContain(
      "    JULIA_DEPOT_PATH=:/opt/labenv/julia/depot JULIA_PROJECT=/opt/labenv/julia\n",
    );

    // The sandbox builds it (the plan names the Julia packages) and applies it.
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "rnaseq: Julia packages");
    const plan = await must(["plan", "--repo", dir]);
    expect(plan).toMatch(/3 Julia packages \(IJulia 1\.24\.2, JSON 0\.21\.4, Parsers 2\.4\.3\)/);
    await must(["reconcile", "--repo", dir]);
    // The container reports the Julia packages its image's manifest installed: drift is stable.
    const observation = JSON.parse(
      readFileSync(
        join(dir, ".labenv/objects/observations/genomics-core/rnaseq/latest.json"),
        "utf8",
      ),
    ) as { spec: { juliaPackages: unknown } };
    expect(observation.spec.juliaPackages).toEqual([
      { name: "IJulia", version: "1.24.2", gitTreeSha1: sha("IJulia@1.24.2") },
      { name: "JSON", version: "0.21.4", gitTreeSha1: sha("JSON@0.21.4") },
      { name: "Parsers", version: "2.4.3", gitTreeSha1: sha("Parsers@2.4.3") },
    ]);
    const d = await runCli(["drift", RNASEQ, "--repo", dir]);
    expect(d.stdout).toContain("1 stable");
    expect(d.code, d.stdout).toBe(0);
  }, 240_000);

  it("a pin the registry lacks or has yanked, a Julia the compat excludes, and a pin that breaks a dependency's compat each fail the lock, naming both sides", async () => {
    const missing = await repoWithJulia(["IJulia==9.9.9", "Plots==1.0.0"]);
    const a = await runCli(["lock", RNASEQ, "--repo", missing]);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain(
      `Julia package IJulia==9.9.9 is not in the registry ${url()}, which holds IJulia 1.23.0, 1.24.2`,
    );
    expect(a.stdout).toContain(`Julia package Plots is not in the registry ${url()}`);

    const yanked = await repoWithJulia(["IJulia==1.24.2", "JSON==0.21.5"]);
    const b = await runCli(["lock", RNASEQ, "--repo", yanked]);
    expect(b.stdout).toContain("Julia package JSON==0.21.5 is yanked in the registry");

    const oldJulia = await repoWithJulia(["IJulia==1.23.0"], "1.10.4");
    const c = await runCli(["lock", RNASEQ, "--repo", oldJulia]);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(
      "    IJulia [7073ff75] (pinned in environment.yaml): restricted to 1.23.0, and none works:\n" +
        "      IJulia 1.23.0: does not support Julia 1.10.4, the pack's (its compat: julia [1.11.0, 2.0.0))\n",
    );

    const conflict = await repoWithJulia(["IJulia==1.24.2", "Parsers==2.8.1"]);
    const d = await runCli(["lock", RNASEQ, "--repo", conflict]);
    expect(d.code).toBe(1);
    // The resolver tries every JSON IJulia allows (0.21.5 is yanked) before it gives up.
    expect(d.stdout).toContain(
      "    no set of Julia package versions satisfies every compat range; the resolver's log:\n" +
        "    JSON [682c06a0] (needed by IJulia 1.24.2 (pinned in environment.yaml)): possible versions are 1.0.0, 0.21.4, 0.21.3, 0.19.0 (1 yanked), and none works:\n" +
        "      JSON 1.0.0, 0.19.0: IJulia 1.24.2 (pinned in environment.yaml) needs JSON [0.20.0, 0.22.0)\n" +
        "      JSON 0.21.4, 0.21.3: needs Parsers [2.4.0, 2.5.0), but Parsers is 2.8.1 (pinned in environment.yaml)\n",
    );

    const noKernel = await repoWithJulia(["Parsers==2.4.3"]);
    const e = await runCli(["lock", RNASEQ, "--repo", noKernel]);
    expect(e.stdout).toContain(
      "spec.julia.packages must bring IJulia (the Julia kernel): pin IJulia==<version>",
    );
  }, 240_000);

  it("labenv validate refuses spec.julia on a pack without a Julia kernel, a package pinned twice and a set without IJulia, at their lines", async () => {
    const dir = await repoWithJulia(["Parsers==2.4.3", "Parsers==2.4.0"], null);
    const r = await runCli(["validate", dir]);
    expect(r.code).toBe(1);
    const file = `environments/${RNASEQ}/environment.yaml`;
    expect(r.stdout).toMatch(
      new RegExp(
        `${file}:\\d+:\\d+ .*Julia package Parsers is pinned twice \\(spec\\.julia\\.packages\\[0\\] and \\[1\\]\\)`,
      ),
    );
    expect(r.stdout).toContain(
      "spec.julia.packages has no IJulia, the package that is the Julia kernel",
    );
    expect(r.stdout).toContain(
      "juliastats@1.0.0 has no Julia kernel, so Julia packages cannot be installed",
    );
  }, 240_000);

  it("a lock edited to another Julia version is refused by lock --check, and a registry that is down fails only the lock that needs it", async () => {
    const dir = await repoWithJulia(["IJulia==1.24.2"]);
    await must(["lock", RNASEQ, "--repo", dir]);
    const path = join(dir, LOCK);
    writeFileSync(path, readFileSync(path, "utf8").replace("version: 1.24.2", "version: 1.23.0"));
    const check = await runCli(["lock", "--check", "--repo", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      "the lock says IJulia 1.23.0 (environment) but environment.yaml gives IJulia 1.24.2 (environment)",
    );
    registry.mode = "500";
    try {
      const relock = await runCli(["lock", "--repo", dir]);
      expect(relock.code).toBe(1);
      expect(relock.stdout).toMatch(
        /✖ failed {5}genomics-core\/rnaseq\n {4}the Julia registry http:\/\/127\.0\.0\.1:\d+ could not be read: .*Registry\.toml answered HTTP 503/,
      );
      expect(relock.stdout).toContain("unchanged  genomics-core/single-cell");
    } finally {
      registry.mode = "ok";
    }
  }, 240_000);
});

describe("a Julia registry kept in git", () => {
  /** The test registry's files as a git repository on `main`, as JuliaRegistries/General is kept. */
  function gitRegistry(): { dir: string; head: string } {
    const dir = mkdtempSync(join(tmpdir(), "labenv-julia-git-registry-"));
    for (const [path, text] of Object.entries(REGISTRY)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "Registry");
    return { dir, head: git(dir, "rev-parse", "HEAD") };
  }
  /** A new JSON 0.21.6 registered on `main`, after the lock was made. */
  function registerJson(dir: string): string {
    const versions = join(dir, "J/JSON/Versions.toml");
    writeFileSync(
      versions,
      `${readFileSync(versions, "utf8")}\n["0.21.6"]\ngit-tree-sha1 = "${sha("JSON@0.21.4")}"\n`,
    );
    git(dir, "commit", "-qam", "New version: JSON v0.21.6");
    return git(dir, "rev-parse", "HEAD");
  }
  const lockedJulia = (dir: string) =>
    (
      parse(readFileSync(join(dir, LOCK), "utf8")) as {
        spec: {
          julia: {
            registry: string;
            registryCommit?: string;
            packages: { name: string; version: string }[];
          };
        };
      }
    ).spec.julia;
  const versionsOf = (dir: string) =>
    Object.fromEntries(lockedJulia(dir).packages.map((p) => [p.name, p.version]));

  it("is read with git at the commit the lock records: a re-lock reads that commit again, and --upgrade moves it to where the ref is now", async () => {
    const reg = gitRegistry();
    const at = `git+${pathToFileURL(reg.dir).href}#main`;
    const dir = await repoWithJulia(["IJulia==1.24.2"], "1.10.4", at);
    await must(["lock", RNASEQ, "--repo", dir]);
    expect(lockedJulia(dir).registry).toBe(at);
    expect(lockedJulia(dir).registryCommit).toBe(reg.head);
    expect(versionsOf(dir)).toEqual({ IJulia: "1.24.2", JSON: "0.21.4", Parsers: "2.4.3" });
    await must(["lock", "--check", "--repo", dir]);
    await must(["validate", dir]);

    const newer = registerJson(reg.dir);
    // environment.yaml changes (a second pin), so the lock is resolved again: at the same commit.
    const file = join(dir, `environments/${RNASEQ}/environment.yaml`);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "- IJulia==1.24.2",
        "- IJulia==1.24.2\n      - Parsers==2.4.3",
      ),
    );
    await must(["lock", RNASEQ, "--repo", dir]);
    expect(lockedJulia(dir).registryCommit).toBe(reg.head);
    expect(versionsOf(dir).JSON).toBe("0.21.4");

    await must(["lock", RNASEQ, "--upgrade", "--repo", dir]);
    expect(lockedJulia(dir).registryCommit).toBe(newer);
    expect(versionsOf(dir).JSON).toBe("0.21.6");
    await must(["lock", "--check", "--repo", dir]);
  }, 240_000);

  it("is fetched over git's HTTP from 127.0.0.1, and a commit the repository lost fails the lock, saying how to move on", async () => {
    const reg = gitRegistry();
    const bare = join(mkdtempSync(join(tmpdir(), "labenv-julia-git-served-")), "General.git");
    git(tmpdir(), "clone", "-q", "--bare", reg.dir, bare);
    git(bare, "update-server-info"); // served as plain files: git's "dumb" HTTP
    const served = await serveRegistry(dirname(bare));
    try {
      const at = `git+${served.url}General.git#main`;
      const dir = await repoWithJulia(["IJulia==1.24.2"], "1.10.4", at);
      await must(["lock", RNASEQ, "--repo", dir]);
      expect(lockedJulia(dir).registryCommit).toBe(reg.head);
      expect(versionsOf(dir)).toEqual({ IJulia: "1.24.2", JSON: "0.21.4", Parsers: "2.4.3" });
      expect(served.requests).toContain("/General.git/info/refs");

      // The lock names a commit the repository does not have (its history was rewritten).
      const path = join(dir, LOCK);
      writeFileSync(path, readFileSync(path, "utf8").replace(reg.head, "dead".repeat(10)));
      const file = join(dir, `environments/${RNASEQ}/environment.yaml`);
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(
          "- IJulia==1.24.2",
          "- IJulia==1.24.2\n      - Parsers==2.4.3",
        ),
      );
      const r = await runCli(["lock", RNASEQ, "--repo", dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `    the Julia registry ${at} could not be read: the commit ${"dead".repeat(10)} the lock records is not in the repository (was its history rewritten?); run labenv lock --upgrade to lock against the commit main names now`,
      );
    } finally {
      await served.close();
    }
  }, 240_000);

  it("an HTTP registry written with and without a trailing slash locks the same", async () => {
    const bare = await repoWithJulia(["IJulia==1.24.2"], "1.10.4", url());
    const slash = await repoWithJulia(["IJulia==1.24.2"], "1.10.4", `${url()}/`);
    await must(["lock", RNASEQ, "--repo", bare]);
    await must(["lock", RNASEQ, "--repo", slash]);
    expect(lockedJulia(slash).registry).toBe(url());
    const body = (d: string) => readFileSync(join(d, LOCK), "utf8").replace(/inputDigest: .*/, "");
    expect(body(slash)).toBe(body(bare));
    await must(["lock", "--check", "--repo", slash]);
  }, 240_000);
});
