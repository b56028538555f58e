import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AGENT_FILE,
  CONFIG_FILE,
  HOOK_FILE,
  buildContext,
  contextDigest,
} from "../../../reconciler/core/image/build-context.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { Repository } from "../../../reconciler/core/model/documents.js";
import { publishedVersions } from "../../../reconciler/core/packs/resolve-pack.js";
import { packExamples } from "../../../reconciler/core/packs/pack-examples.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles, repoRoot, withFile } from "../../helpers/example-repo.js";
import { notebook } from "../../helpers/pack-registry.js";
import { expectGolden } from "../../helpers/golden.js";

const repo = loadRepository(exampleFiles(), createSchemaValidator()).repository;

function contextOf(r: Repository, key: string) {
  const lock = r.locks.get(key)!.doc;
  const pack = publishedVersions(r, lock.spec.domainPack.name).find(
    (p) => p.doc.metadata.version === lock.spec.domainPack.version,
  )!;
  return buildContext({
    lock,
    environment: r.environments.get(key)!.doc,
    pack: pack.doc,
    examples: packExamples(r, pack).examples,
  });
}

describe("build context: the lock becomes the files an image is built from", () => {
  it.each([...repo.environments.keys()].sort())("%s", (key) => {
    const ctx = contextOf(repo, key);
    const dir = join(repoRoot, "test/fixtures/images", key);
    // The agent and the hook are the same bytes in every context: compared with their sources, not kept nine times.
    for (const f of ctx.files.filter((f) => !f.path.startsWith("labenv/")))
      expectGolden(join(dir, f.path), f.content);
    for (const [path, source] of [
      [AGENT_FILE, "observe.py"],
      [HOOK_FILE, "labenv_jupyter.py"],
    ] as const)
      expect(ctx.files.find((f) => f.path === path)?.content).toBe(
        readFileSync(join(repoRoot, "reconciler/agent", source), "utf8"),
      );
    expectGolden(
      join(dir, "context.txt"),
      `digest: ${ctx.digest}\ntag: ${ctx.tag}\nbase: ${ctx.base}\nsummary: ${ctx.summary}\n`,
    );
  });

  it("a pack's example notebooks: copied into the image, each with its sha256 and size in the manifest", () => {
    const PACK = "domain-packs/genomics/1.2.0";
    const notebooks = { "qc.ipynb": notebook("Quality control"), "de.ipynb": notebook("DESeq2") };
    let files = editYaml(exampleFiles(), `${PACK}/pack.yaml`, (doc) =>
      doc.setIn(
        ["spec", "examples"],
        Object.entries(notebooks).map(([file, content]) => ({
          file,
          sha256: `sha256:${createHash("sha256").update(content).digest("hex")}`,
        })),
      ),
    );
    for (const [file, content] of Object.entries(notebooks))
      files = withFile(files, `${PACK}/examples/${file}`, content);
    const r = loadRepository(files, createSchemaValidator()).repository;
    const ctx = contextOf(r, "genomics-core/rnaseq");
    const dir = join(repoRoot, "test/fixtures/images-with-examples/genomics-core/rnaseq");
    for (const f of ctx.files.filter(
      (f) => f.path === "Dockerfile" || f.path.startsWith("labenv/examples/"),
    ))
      expectGolden(join(dir, f.path), f.content);
    expectGolden(
      join(dir, "context.txt"),
      `digest: ${ctx.digest}\ntag: ${ctx.tag}\nbase: ${ctx.base}\nsummary: ${ctx.summary}\n`,
    );
    expect(ctx.digest).not.toBe(contextOf(repo, "genomics-core/rnaseq").digest);
  });

  it("R packages: the ones the pack image lacks, installed exactly from the lock's snapshot repository", () => {
    const key = "genomics-core/rnaseq";
    const lock = structuredClone(repo.locks.get(key)!.doc);
    lock.spec.r = {
      repository: "https://packagemanager.posit.co/cran/2024-06-03",
      packages: [
        { name: "cli", version: "3.6.3", source: "dependency", md5: "c".repeat(32) },
        { name: "DESeq2", version: "1.44.0", source: "pack" },
        { name: "ggplot2", version: "3.5.1", source: "environment", md5: "a".repeat(32) },
      ],
    };
    const pack = publishedVersions(repo, lock.spec.domainPack.name).find(
      (p) => p.doc.metadata.version === lock.spec.domainPack.version,
    )!;
    const ctx = buildContext({
      lock,
      environment: repo.environments.get(key)!.doc,
      pack: pack.doc,
    });
    const dir = join(repoRoot, "test/fixtures/images-with-r", key);
    for (const f of ctx.files.filter((f) =>
      ["Dockerfile", "r-packages.txt", "labenv/r/install_r_packages.R"].includes(f.path),
    ))
      expectGolden(join(dir, f.path), f.content);
    expectGolden(
      join(dir, "context.txt"),
      `digest: ${ctx.digest}\ntag: ${ctx.tag}\nbase: ${ctx.base}\nsummary: ${ctx.summary}\n`,
    );
  });

  it("is deterministic, and its digest covers every byte of every file", () => {
    const a = contextOf(repo, "genomics-core/rnaseq");
    const b = contextOf(repo, "genomics-core/rnaseq");
    expect(b).toEqual(a);
    expect(contextDigest(a.files)).toBe(a.digest);
    const edited = a.files.map((f) =>
      f.path === "requirements.txt" ? { ...f, content: `${f.content} ` } : f,
    );
    expect(contextDigest(edited)).not.toBe(a.digest);
  });

  it("installs exactly what the pack image lacks, by hash, and removes the kernels not asked for", () => {
    const ctx = contextOf(repo, "genomics-core/rnaseq");
    const lock = repo.locks.get("genomics-core/rnaseq")!.doc;
    const file = (p: string) => ctx.files.find((f) => f.path === p)!.content;
    const added = lock.spec.packages.filter((p) => p.source !== "pack");
    const lines = [...file("requirements.txt").split("\n"), ...file("dependencies.txt").split("\n")]
      .filter(Boolean)
      .sort();
    expect(lines).toEqual(
      added.map((p) => `${p.name}==${p.version} --hash=sha256:${p.sha256}`).sort(),
    );
    expect(file("Dockerfile")).toContain(`FROM ${lock.spec.image}\n`);
    expect(file("Dockerfile")).toContain(
      "--no-deps --require-hashes -r /tmp/labenv/requirements.txt",
    );
    // An environment that asks for python3 only: the pack's R kernel is removed from its image.
    const pythonOnly = structuredClone(lock);
    pythonOnly.spec.kernels = lock.spec.kernels.filter((k) => k.name === "python3");
    const pack = publishedVersions(repo, "genomics").find(
      (p) => p.doc.metadata.version === "1.2.0",
    )!;
    const env = repo.environments.get("genomics-core/rnaseq")!.doc;
    const ctx2 = buildContext({ lock: pythonOnly, environment: env, pack: pack.doc });
    expect(ctx2.files.find((f) => f.path === "Dockerfile")!.content).toContain(
      "RUN jupyter kernelspec remove -y ir",
    );
    expect(ctx2.digest).not.toBe(ctx.digest);
  });
});

describe("the settings file, read by the labenv agent that runs in the container", () => {
  it("hashes to exactly the lock's jupyterConfig entries", () => {
    const ctx = contextOf(repo, "genomics-core/rnaseq");
    const etc = mkdtempSync(join(tmpdir(), "labenv-etc-"));
    const file = ctx.files.find((f) => f.path === CONFIG_FILE)!;
    writeFileSync(join(etc, basename(CONFIG_FILE)), file.content);
    const empty = mkdtempSync(join(tmpdir(), "labenv-empty-"));
    const r = spawnSync(
      "python3",
      [
        join(repoRoot, "reconciler/agent/observe.py"),
        "--lab=genomics-core",
        "--environment=rnaseq",
        `--site-packages=${empty}`,
        `--kernel-dir=${empty}`,
        `--labextensions-dir=${empty}`,
        `--config-dir=${etc}`,
        "--task=t",
        "--python-version=3.11.9",
        "--observed-at=2026-11-23T12:00:00Z",
      ],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const observation = JSON.parse(r.stdout) as { spec: { jupyterConfig: unknown[] } };
    expect(observation.spec.jupyterConfig).toEqual(
      repo.locks.get("genomics-core/rnaseq")!.doc.spec.jupyterConfig,
    );
  });
});
