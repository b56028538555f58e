// The R install script of a build context, run for real: R source packages built with
// `R CMD build`, served as a CRAN-style repository from 127.0.0.1, locked by labenv, installed by
// the very RUN line of the generated Dockerfile with Rscript into a temporary library, read back
// by the agent and judged by drift. Needs R (`apt-get install r-base-core`): without Rscript this
// file fails, unless LABENV_SKIP_R=1 skips it explicitly.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { readRepositoryFiles } from "../../reconciler/adapters/fs/read-repository-files.js";
import { buildImage, packImageRegistry } from "../../reconciler/adapters/sandbox/sandbox-image.js";
import {
  installedState,
  observationOf,
} from "../../reconciler/adapters/sandbox/sandbox-installed.js";
import { desire } from "../../reconciler/core/desire/desire.js";
import { drift } from "../../reconciler/core/drift/drift.js";
import { defaultRules } from "../../reconciler/core/drift/severity-rules.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import type { EnvironmentLock, Observation } from "../../reconciler/core/model/documents.js";
import type { ImageBuildSpec } from "../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/example-repo.js";
import { serveRegistry, writePack, type RegistryServer } from "../helpers/pack-registry.js";
import { exampleGitRepo } from "./temp-git-repo.js";

const SKIP = process.env.LABENV_SKIP_R === "1";
const RNASEQ = "genomics-core/rnaseq";
const AGENT = join(repoRoot, "reconciler/agent/observe.py");
const md5File = (path: string) => createHash("md5").update(readFileSync(path)).digest("hex");

/** R with no user or site library of this machine's, and loopback never through a proxy. */
function rEnv(lib: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const none = mkdtempSync(join(tmpdir(), "labenv-r-none-"));
  return {
    ...process.env,
    R_LIBS: lib,
    R_LIBS_USER: none,
    R_LIBS_SITE: none,
    no_proxy: "127.0.0.1",
    NO_PROXY: "127.0.0.1",
    ...extra,
  };
}

/** A tiny R source package built with `R CMD build`; its tarball's path. */
function rPackage(
  dir: string,
  name: string,
  version: string,
  options: { imports?: string; body?: string; configure?: string } = {},
): string {
  const src = join(dir, name);
  mkdirSync(join(src, "R"), { recursive: true });
  writeFileSync(
    join(src, "DESCRIPTION"),
    [
      `Package: ${name}`,
      `Version: ${version}`,
      `Title: Tiny Package ${name}`,
      "Description: A package small enough to build in a test.",
      "License: MIT",
      ...(options.imports ? [`Imports: ${options.imports}`] : []),
      "Author: labenv",
      "Maintainer: labenv <labenv@example.org>",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(src, "NAMESPACE"),
    `export(${name})\n${options.imports ? `importFrom(${options.imports}, ${options.imports})\n` : ""}`,
  );
  writeFileSync(
    join(src, "R", `${name}.R`),
    `${name} <- function() ${options.body ?? JSON.stringify(`${name} ${version}`)}\n`,
  );
  if (options.configure) {
    writeFileSync(join(src, "configure"), `#!/bin/sh\n${options.configure}\n`);
    chmodSync(join(src, "configure"), 0o755);
  }
  execFileSync("R", ["CMD", "build", "--no-manual", "--no-build-vignettes", name], {
    cwd: dir,
    stdio: "pipe",
  });
  return join(dir, `${name}_${version}.tar.gz`);
}

/**
 * Runs a command without blocking this process, whose event loop serves the repository: a
 * synchronous spawn would leave R waiting for an answer that cannot come.
 */
function runAsync(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the Dockerfile's R step as `docker build` would: COPY into /tmp/labenv/, then the RUN line. */
function runRStep(context: string, lib: string, extraEnv: Record<string, string> = {}) {
  const dockerfile = readFileSync(join(context, "Dockerfile"), "utf8");
  const copy = dockerfile.match(/^COPY (r-packages\.txt \S+) \/tmp\/labenv\/$/m);
  const run = dockerfile.match(/^RUN (Rscript \/tmp\/labenv\/.*)$/m);
  expect(copy, dockerfile).not.toBeNull();
  expect(run, dockerfile).not.toBeNull();
  const staged = mkdtempSync(join(tmpdir(), "labenv-r-build-"));
  for (const src of copy![1]!.split(" "))
    copyFileSync(join(context, src), join(staged, src.split("/").pop()!));
  return runAsync(
    "sh",
    ["-c", run![1]!.replaceAll("/tmp/labenv/", `${staged}/`)],
    rEnv(lib, extraEnv),
  );
}

/** What the agent reports for R packages, reading the libraries R itself uses. */
function agentRPackages(lib: string): Observation["spec"]["rPackages"] {
  const libPaths = execFileSync("Rscript", ["-e", 'cat(.libPaths(), sep = "\\n")'], {
    encoding: "utf8",
    env: rEnv(lib),
  })
    .trim()
    .split("\n");
  expect(libPaths[0]).toBe(lib);
  const empty = mkdtempSync(join(tmpdir(), "labenv-empty-"));
  const flags = ["site-packages", "kernel-dir", "labextensions-dir", "config-dir"];
  const out = execFileSync(
    "python3",
    [
      AGENT,
      ...["--lab", "genomics-core", "--environment", "rnaseq", "--task", "t", "--host", "h"],
      ...flags.flatMap((f) => [`--${f}`, empty]),
      ...["--observed-at", "2026-11-23T12:00:00Z"],
      ...libPaths.flatMap((l) => ["--r-library", l]),
    ],
    { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
  );
  return (JSON.parse(out) as Observation).spec.rPackages;
}

describe.skipIf(SKIP)("the generated R install script, run with R", () => {
  let cran: RegistryServer;
  let work: string;
  let repo: string;
  let context: string;
  let lock: EnvironmentLock;
  let sandboxObservation: Observation;
  const tarballs: Record<string, string> = {};

  beforeAll(async () => {
    if (spawnSync("Rscript", ["--version"]).error)
      throw new Error(
        "Rscript is not installed, so the R install script cannot be tested: " +
          "apt-get install -y --no-install-recommends r-base-core (.ci/run does), " +
          "or set LABENV_SKIP_R=1 to skip these tests explicitly",
      );
    work = mkdtempSync(join(tmpdir(), "labenv-r-install-"));
    const contrib = join(work, "cran/src/contrib");
    mkdirSync(contrib, { recursive: true });
    // tinya imports tinyb; the repository holds tinyb 0.2.0, and 0.1.0 exists only by hand.
    for (const [name, version, imports] of [
      ["tinyb", "0.2.0", undefined],
      ["tinya", "1.0.0", "tinyb"],
    ] as const) {
      const built = rPackage(join(work, "src"), name, version, imports ? { imports } : {});
      copyFileSync(built, join(contrib, `${name}_${version}.tar.gz`));
      tarballs[name] = join(contrib, `${name}_${version}.tar.gz`);
    }
    tarballs.old = rPackage(join(work, "old"), "tinyb", "0.1.0");
    // The same name and version with other contents, whose install would run its own code.
    tarballs.tampered = rPackage(join(work, "tampered"), "tinyb", "0.2.0", {
      body: '"not the locked tinyb"',
      configure: 'echo ran > "$LABENV_TEST_MARKER"',
    });
    execFileSync("Rscript", ["-e", `tools::write_PACKAGES(${JSON.stringify(contrib)})`]);
    cran = await serveRegistry(join(work, "cran"));

    repo = exampleGitRepo();
    writePack(repo, "rstats", "1.0.0", {
      image: `ghcr.io/westtek-research/labenv-rstats@sha256:${"e".repeat(64)}`,
      provides: { r: { R: "4.2.2" } },
    });
    expect((await runCli(["packs", "index", "--repo", repo])).code).toBe(0);
    const file = join(repo, `environments/${RNASEQ}/environment.yaml`);
    const doc = parseDocument(
      readFileSync(file, "utf8").replace(/domainPack: "[^"]+"/, 'domainPack: "rstats@1.0.0"'),
    );
    doc.setIn(["spec", "r"], {
      repository: cran.url.replace(/\/$/, ""),
      packages: ["tinya==1.0.0"],
    });
    writeFileSync(file, doc.toString());
    const locked = await runCli(["lock", RNASEQ, "--repo", repo]);
    expect(locked.code, locked.stdout + locked.stderr).toBe(0);
    context = join(work, "context");
    const built = await runCli(["build", RNASEQ, "--out", context, "--repo", repo]);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const repository = loadRepository(
      readRepositoryFiles(repo),
      createSchemaValidator(),
    ).repository;
    lock = repository.locks.get(RNASEQ)!.doc;
    const build = desire(repository).state.resources.find(
      (r) => r.kind === "image-build" && r.environment === RNASEQ,
    )!;
    const image = buildImage((build.spec as ImageBuildSpec).files, packImageRegistry(repository));
    sandboxObservation = observationOf(
      RNASEQ,
      "task",
      installedState(image.contents, []),
      "2026-11-23T12:00:00Z",
    );
  }, 120_000);
  afterAll(async () => cran?.close());

  const judge = (rPackages: Observation["spec"]["rPackages"]) =>
    drift({
      lock,
      observation: { ...sandboxObservation, spec: { ...sandboxObservation.spec, rPackages } },
      infra: { desired: [], observed: [] },
      rules: defaultRules(),
    });

  it("the lock holds the repository's tarballs by MD5, the pin and its dependency", () => {
    const onDisk = parse(
      readFileSync(join(repo, `environments/${RNASEQ}/environment.lock.yaml`), "utf8"),
    ) as EnvironmentLock;
    expect(onDisk.spec.r!.packages).toEqual([
      { name: "tinya", version: "1.0.0", source: "environment", md5: md5File(tarballs.tinya!) },
      { name: "tinyb", version: "0.2.0", source: "dependency", md5: md5File(tarballs.tinyb!) },
    ]);
  });

  it("installs exactly the locked versions, which load, and the agent's report of them is stable drift", async () => {
    const lib = mkdtempSync(join(tmpdir(), "labenv-r-lib-"));
    const r = await runRStep(context, lib);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(lib).sort()).toEqual(["tinya", "tinyb"]);
    const loaded = execFileSync(
      "Rscript",
      [
        "-e",
        'cat(as.character(packageVersion("tinya")), as.character(packageVersion("tinyb")), tinya::tinya(), tinyb::tinyb(), sep = "|")',
      ],
      { encoding: "utf8", env: rEnv(lib) },
    );
    expect(loaded).toBe("1.0.0|0.2.0|tinya 1.0.0|tinyb 0.2.0");

    const reported = agentRPackages(lib);
    expect(reported).toEqual([
      { name: "tinya", version: "1.0.0" },
      { name: "tinyb", version: "0.2.0" },
    ]);
    // The sandbox's simulated container reports what this real install did.
    expect(sandboxObservation.spec.rPackages).toEqual(reported);
    const stable = judge(reported);
    expect(stable.items).toEqual([]);
    expect(stable.status).toBe("STABLE");

    // Someone installs another tinyb by hand: the agent sees it, and drift says so.
    execFileSync("R", ["CMD", "INSTALL", "-l", lib, tarballs.old!], { stdio: "pipe" });
    const after = agentRPackages(lib);
    expect(after).toContainEqual({ name: "tinyb", version: "0.1.0" });
    const drifted = judge(after);
    expect(drifted.status).not.toBe("STABLE");
    expect(drifted.items).toEqual([
      expect.objectContaining({
        item: "r-package",
        change: "changed",
        name: "tinyb",
        locked: "0.2.0",
        observed: "0.1.0",
      }),
    ]);
  }, 120_000);

  it("refuses a tarball whose MD5 sum is not the lock's before installing anything: its code never runs", async () => {
    const good = readFileSync(tarballs.tinyb!);
    const lockedMd5 = lock.spec.r!.packages.find((p) => p.name === "tinyb")!.md5!;
    expect(lockedMd5).toBe(md5File(tarballs.tinyb!));
    copyFileSync(tarballs.tampered!, tarballs.tinyb!);
    try {
      const lib = mkdtempSync(join(tmpdir(), "labenv-r-lib-"));
      const marker = join(work, "tampered-configure-ran");
      const r = await runRStep(context, lib, { LABENV_TEST_MARKER: marker });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        `labenv: tinyb_0.2.0.tar.gz from ${cran.url.replace(/\/$/, "")} does not have the MD5 sum ${lockedMd5} the lock records: nothing was installed`,
      );
      expect(readdirSync(lib)).toEqual([]);
      expect(existsSync(marker)).toBe(false);
    } finally {
      writeFileSync(tarballs.tinyb!, good);
    }
  }, 120_000);

  it("refuses a repository that holds a locked package at another version", async () => {
    const contrib = join(work, "cran/src/contrib");
    const packages = readFileSync(join(contrib, "PACKAGES"), "utf8");
    const rds = readFileSync(join(contrib, "PACKAGES.rds"));
    const gz = readFileSync(join(contrib, "PACKAGES.gz"));
    execFileSync("Rscript", [
      "-e",
      `f <- ${JSON.stringify(join(contrib, "PACKAGES"))}; d <- read.dcf(f); d[d[, "Package"] == "tinyb", "Version"] <- "0.3.0"; write.dcf(d, f); unlink(paste0(f, c(".rds", ".gz")))`,
    ]);
    try {
      const lib = mkdtempSync(join(tmpdir(), "labenv-r-lib-"));
      const r = await runRStep(context, lib);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`labenv: tinyb 0.2.0 is not in ${cran.url.replace(/\/$/, "")}`);
      expect(readdirSync(lib)).toEqual([]);
    } finally {
      writeFileSync(join(contrib, "PACKAGES"), packages);
      writeFileSync(join(contrib, "PACKAGES.rds"), rds);
      writeFileSync(join(contrib, "PACKAGES.gz"), gz);
    }
  }, 120_000);
});
