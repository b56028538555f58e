// R packages pinned in environment.yaml, the whole way: locked against a date-pinned CRAN-style
// snapshot repository (served from 127.0.0.1, as no CRAN is reachable here) with their
// dependencies and MD5 sums, installed exactly by the build context, and reported by the
// container from what was built, so drift sees a difference as it does for Python.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { buildImage, packImageRegistry } from "../../reconciler/adapters/sandbox/sandbox-image.js";
import {
  installedState,
  observationOf,
} from "../../reconciler/adapters/sandbox/sandbox-installed.js";
import { drift } from "../../reconciler/core/drift/drift.js";
import { defaultRules } from "../../reconciler/core/drift/severity-rules.js";
import { desire } from "../../reconciler/core/desire/desire.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import type { ImageBuildSpec } from "../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { readRepositoryFiles } from "../../reconciler/adapters/fs/read-repository-files.js";
import { runCli } from "../helpers/cli.js";
import { serveRegistry, writePack, type RegistryServer } from "../helpers/pack-registry.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const at = (minute: number) => ({
  now: new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000),
});
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const md5 = (c: string) => c.repeat(32);

/** A snapshot repository's PACKAGES: ggplot2 imports rlang and cli (and MASS, which R ships). */
const PACKAGES = [
  "Package: cli\nVersion: 3.6.3\nDepends: R (>= 3.4)\nImports: utils\nMD5sum: " + md5("c"),
  "Package: ggplot2\nVersion: 3.5.1\nDepends: R (>= 3.5)\nImports: cli, grDevices, MASS, rlang\n    (>= 1.1.0), stats\nMD5sum: " +
    md5("a"),
  "Package: rlang\nVersion: 1.1.4\nDepends: R (>= 3.5.0)\nImports: utils\nMD5sum: " + md5("b"),
  "Package: data.table\nVersion: 1.15.4\nMD5sum: " + md5("d"),
].join("\n\n");

let cran: RegistryServer;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "labenv-cran-"));
  mkdirSync(join(root, "src/contrib"), { recursive: true });
  writeFileSync(join(root, "src/contrib/PACKAGES"), `${PACKAGES}\n`);
  cran = await serveRegistry(root);
});
afterAll(async () => cran?.close());

async function must(args: string[], minute = 0): Promise<string> {
  const r = await runCli(args, at(minute));
  if (r.code !== 0) throw new Error(`labenv ${args.join(" ")}: ${r.code}\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The example repository with a pack whose image has R 4.4.1 and DESeq2, and rnaseq on it asking for `pins`. */
async function repoWithR(pins: string[]): Promise<string> {
  const dir = exampleGitRepo();
  writePack(dir, "rstats", "1.0.0", {
    image: `ghcr.io/westtek-research/labenv-rstats@sha256:${"e".repeat(64)}`,
    provides: { r: { R: "4.4.1", DESeq2: "1.44.0" } },
  });
  await must(["packs", "index", "--repo", dir]);
  const file = join(dir, RNASEQ);
  const doc = parseDocument(
    readFileSync(file, "utf8").replace(/domainPack: "[^"]+"/, 'domainPack: "rstats@1.0.0"'),
  );
  doc.setIn(["spec", "r"], { repository: cran.url.replace(/\/$/, ""), packages: pins });
  writeFileSync(file, doc.toString());
  return dir;
}

describe("R packages", () => {
  it("are locked with their dependencies at the snapshot's versions, installed by the image and reported by the container: drift is stable", async () => {
    const dir = await repoWithR(["ggplot2==3.5.1"]);
    await must(["lock", "genomics-core/rnaseq", "--repo", dir], 1);
    const lock = parse(readFileSync(join(dir, LOCK), "utf8")) as {
      spec: { r: { repository: string; packages: unknown[] } };
    };
    expect(lock.spec.r).toEqual({
      repository: cran.url.replace(/\/$/, ""),
      packages: [
        { name: "cli", version: "3.6.3", source: "dependency", md5: md5("c") },
        { name: "DESeq2", version: "1.44.0", source: "pack" },
        { name: "ggplot2", version: "3.5.1", source: "environment", md5: md5("a") },
        { name: "rlang", version: "1.1.4", source: "dependency", md5: md5("b") },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    });
    expect(cran.requests).toContain("/src/contrib/PACKAGES");
    await must(["lock", "--check", "--repo", dir], 2);
    await must(["validate", dir], 2);
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "rnaseq: R packages");

    const plan = await must(["plan", "--repo", dir], 3);
    expect(plan).toMatch(/3 R packages \(cli 3\.6\.3, ggplot2 3\.5\.1, rlang 1\.1\.4\)/);
    await must(["reconcile", "--repo", dir], 4);
    const observation = JSON.parse(
      readFileSync(
        join(dir, ".labenv/objects/observations/genomics-core/rnaseq/latest.json"),
        "utf8",
      ),
    ) as { spec: { rPackages: unknown } };
    expect(observation.spec.rPackages).toEqual([
      { name: "DESeq2", version: "1.44.0" },
      { name: "cli", version: "3.6.3" },
      { name: "ggplot2", version: "3.5.1" },
      { name: "rlang", version: "1.1.4" },
    ]);
    const d = await runCli(["drift", "genomics-core/rnaseq", "--repo", dir], at(5));
    expect(d.stdout).toContain("1 stable");
    expect(d.code, d.stdout).toBe(0);
  }, 240_000);

  it("a pin the snapshot holds at another version, or a package it lacks, fails the lock and names both", async () => {
    const dir = await repoWithR(["ggplot2==3.4.0", "tidyr==1.3.1"]);
    const r = await runCli(["lock", "genomics-core/rnaseq", "--repo", dir], at(1));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("R package ggplot2==3.4.0 is not in the snapshot repository");
    expect(r.stdout).toContain("which holds ggplot2 3.5.1: pin ggplot2==3.5.1");
    expect(r.stdout).toContain("R package tidyr is not in the snapshot repository");
  });

  it("a lock edited to another R version is refused by lock --check, and a snapshot that is down fails only the lock that needs it", async () => {
    const dir = await repoWithR(["ggplot2==3.5.1"]);
    await must(["lock", "genomics-core/rnaseq", "--repo", dir], 1);
    const path = join(dir, LOCK);
    writeFileSync(path, readFileSync(path, "utf8").replace("version: 3.5.1", "version: 3.5.2"));
    const check = await runCli(["lock", "--check", "--repo", dir], at(2));
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      "spec.r.packages[2]: the lock says ggplot2 3.5.2 (environment) but environment.yaml gives ggplot2 3.5.1 (environment)",
    );
    cran.mode = "500";
    try {
      const relock = await runCli(["lock", "--repo", dir], at(3));
      expect(relock.code).toBe(1);
      expect(relock.stdout).toMatch(
        /✖ failed {5}genomics-core\/rnaseq\n {4}the R snapshot repository http:\/\/127\.0\.0\.1:\d+ could not be read: .*HTTP 503/,
      );
      expect(relock.stdout).toContain("unchanged  genomics-core/single-cell");
    } finally {
      cran.mode = "ok";
    }
  });

  it("an image built without one of the locked R packages is drift: the container reports what was built", async () => {
    const dir = await repoWithR(["ggplot2==3.5.1"]);
    await must(["lock", "genomics-core/rnaseq", "--repo", dir], 1);
    const repo = loadRepository(readRepositoryFiles(dir), createSchemaValidator()).repository;
    const build = desire(repo).state.resources.find(
      (r) => r.kind === "image-build" && r.environment === "genomics-core/rnaseq",
    )!;
    const files = (build.spec as ImageBuildSpec).files.map((f) =>
      // The planted bug: the generator drops rlang from r-packages.txt.
      f.path === "r-packages.txt" ? { ...f, content: f.content.replace(/^rlang==.*\n/m, "") } : f,
    );
    const image = buildImage(files, packImageRegistry(repo));
    const report = drift({
      lock: repo.locks.get("genomics-core/rnaseq")!.doc,
      observation: observationOf(
        "genomics-core/rnaseq",
        "task",
        installedState(image.contents, []),
        "2026-11-23T12:00:00Z",
      ),
      infra: { desired: [], observed: [] },
      rules: defaultRules(),
    });
    expect(report.items).toEqual([
      expect.objectContaining({
        item: "r-package",
        change: "removed",
        name: "rlang",
        locked: "1.1.4",
      }),
    ]);
    // A pack's R package that is not in the image is critical, as a pinned Python package is.
    const noDeseq = buildImage((build.spec as ImageBuildSpec).files, (ref) => {
      const c = packImageRegistry(repo)(ref);
      return c && { ...c, r: { version: "4.4.1", packages: [] } };
    });
    const critical = drift({
      lock: repo.locks.get("genomics-core/rnaseq")!.doc,
      observation: observationOf(
        "genomics-core/rnaseq",
        "task",
        installedState(noDeseq.contents, []),
        "2026-11-23T12:00:00Z",
      ),
      infra: { desired: [], observed: [] },
      rules: defaultRules(),
    });
    expect(critical.status).toBe("CRITICAL_DRIFT");
    expect(critical.items).toEqual([
      expect.objectContaining({
        item: "r-package",
        change: "removed",
        name: "DESeq2",
        severity: "critical",
      }),
    ]);
  });
});
