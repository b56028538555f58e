import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEmbeddedIndex } from "../../../reconciler/core/lock/package-index.js";
import { lockFreshness, lockRepository } from "../../../reconciler/core/lock/lock-repository.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles, repoRoot, text } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const index = parseEmbeddedIndex(readFileSync(join(repoRoot, "package-index.yaml"), "utf8"));
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const load = (files = exampleFiles()) => loadRepository(files, check).repository;

describe("lockRepository", () => {
  it("every committed example lock is up to date and re-locking changes no byte", () => {
    const repo = load();
    const outcomes = lockRepository(repo, index);
    expect(outcomes.length).toBe(repo.environments.size);
    expect(outcomes.every((o) => o.outcome === "unchanged")).toBe(true);
  });

  it("is deterministic: --upgrade on unchanged inputs writes the same bytes as committed", () => {
    const files = exampleFiles();
    const outcomes = lockRepository(load(files), index, { upgrade: true });
    for (const o of outcomes) expect(o.outcome, o.environment).toBe("unchanged");
  });

  it("a reformatted environment.yaml is not a change", () => {
    const files = exampleFiles().map((f) =>
      f.path === RNASEQ
        ? {
            path: f.path,
            content: text(exampleFiles(), RNASEQ).replace(
              "  owner: rpatel",
              "  # reviewed 2026-11\n  owner:    rpatel",
            ),
          }
        : f,
    );
    const repo = load(files);
    expect(lockFreshness(repo, repo.environments.get("genomics-core/rnaseq")!, index)).toEqual({
      status: "fresh",
    });
  });

  it("a reordered package list fails the check until re-locked, which keeps the versions and refreshes only the input digest", () => {
    const files = editYaml(
      exampleFiles(),
      "environments/genomics-core/single-cell/environment.yaml",
      (doc) => doc.setIn(["spec", "packages"], ["leidenalg~=0.10.2", "harmonypy==0.0.10"]),
    );
    const repo = load(files);
    const env = repo.environments.get("genomics-core/single-cell")!;
    const f = lockFreshness(repo, env, index);
    expect(f.status).toBe("stale");
    expect(f.status === "stale" && f.versionsHold).toBe(true);
    expect(f.status === "stale" && f.findings.map((x) => x.path.join("."))).toEqual([
      "spec.inputDigest",
    ]);
    const o = lockRepository(repo, index, { only: ["genomics-core/single-cell"] })[0]!;
    expect(o.outcome).toBe("updated");
    if (o.outcome === "updated") {
      expect(o.why[0]).toMatch(/versions kept/);
      const before = text(
        exampleFiles(),
        "environments/genomics-core/single-cell/environment.lock.yaml",
      );
      expect(o.text.replace(/inputDigest: .*/, "")).toBe(before.replace(/inputDigest: .*/, ""));
    }
  });

  it("editing a pin makes the lock stale with a clear reason until it is re-locked", () => {
    const files = editYaml(exampleFiles(), RNASEQ, (doc) =>
      doc.setIn(["spec", "packages"], ["pydeseq2==0.4.10"]),
    );
    const repo = load(files);
    const f = lockFreshness(repo, repo.environments.get("genomics-core/rnaseq")!, index);
    expect(f).toMatchObject({
      status: "stale",
      versionsHold: false,
      reasons: ["pydeseq2 is locked at 0.4.12, which does not satisfy `pydeseq2==0.4.10`"],
    });
    const o = lockRepository(repo, index, { only: ["genomics-core/rnaseq"] })[0]!;
    expect(o.outcome === "updated" && o.text).toContain(
      "version: 0.4.10\n      source: environment\n      sha256: " +
        index.get("pydeseq2")!.find((v) => v.version === "0.4.10")!.sha256! +
        "\n      requestedAs: pydeseq2==0.4.10",
    );
  });

  it("a conflict fails the environment and writes nothing for it", () => {
    const files = editYaml(exampleFiles(), RNASEQ, (doc) =>
      doc.setIn(["spec", "packages"], ["numpy>=2"]),
    );
    const o = lockRepository(load(files), index, { only: ["genomics-core/rnaseq"] })[0]!;
    expect(o).toEqual({
      environment: "genomics-core/rnaseq",
      file: "environments/genomics-core/rnaseq/environment.lock.yaml",
      outcome: "failed",
      errors: ["environment.yaml asks for `numpy>=2` but genomics@1.2.0 pins numpy==1.26.4"],
    });
  });

  it("a pack version edited in place makes its locks stale", () => {
    const files = editYaml(exampleFiles(), "domain-packs/genomics/1.2.0/pack.yaml", (doc) =>
      doc.setIn(["spec", "packages", "numpy"], "1.26.3"),
    );
    const repo = load(files);
    const f = lockFreshness(repo, repo.environments.get("genomics-core/rnaseq")!, index);
    expect(f.status === "stale" && f.reasons.join("\n")).toMatch(
      /changed after the lock was made[\s\S]*numpy is locked at 1.26.4 but the pack pins 1.26.3/,
    );
  });

  /** Locks one environment, writes the result back into the files and checks it as `lock --check` does. */
  const relockAndCheck = (files: ReturnType<typeof exampleFiles>, key: string) => {
    const o = lockRepository(load(files), index, { only: [key] })[0]!;
    expect(o.outcome, JSON.stringify(o)).toBe("updated");
    const lockFile = o.file;
    const after = files.map((f) =>
      f.path === lockFile && o.outcome === "updated" ? { path: f.path, content: o.text } : f,
    );
    const repo = load(after);
    return { o, freshness: lockFreshness(repo, repo.environments.get(key)!, index) };
  };

  it("an environment that moves to another pack is locked on that pack, and the new lock passes the check", () => {
    const files = editYaml(
      exampleFiles(),
      "environments/ml-vision/teaching/environment.yaml",
      (doc) => doc.setIn(["spec", "domainPack"], "genomics@^1.2"),
    );
    const before = lockFreshness(
      load(files),
      load(files).environments.get("ml-vision/teaching")!,
      index,
    );
    expect(before.status).toBe("stale");
    const { o, freshness } = relockAndCheck(files, "ml-vision/teaching");
    expect(o.outcome === "updated" && o.text).toMatch(
      /domainPack:\n    name: genomics\n    version: 1\.2\.0/,
    );
    expect(o.outcome === "updated" && o.why.join("\n")).not.toMatch(/versions kept/);
    expect(freshness).toEqual({ status: "fresh" });
  });

  it("an environment whose range no longer admits the locked pack version moves to one it admits, and the new lock passes the check", () => {
    const files = editYaml(
      exampleFiles(),
      "environments/genomics-core/variant-calling/environment.yaml",
      (doc) => doc.setIn(["spec", "domainPack"], "genomics@~1.2.0"),
    );
    const { o, freshness } = relockAndCheck(files, "genomics-core/variant-calling");
    expect(o.outcome === "updated" && o.text).toMatch(/name: genomics\n    version: 1\.2\.0/);
    expect(freshness).toEqual({ status: "fresh" });
  });

  it("a yanked pack version is not kept: the lock moves to a published one and passes the check", () => {
    const files = editYaml(exampleFiles(), "domain-packs/genomics/1.2.0/pack.yaml", (doc) =>
      doc.setIn(["spec", "yanked"], { reason: "broken R kernel" }),
    );
    const { o, freshness } = relockAndCheck(files, "genomics-core/rnaseq");
    expect(o.outcome === "updated" && o.text).toMatch(/name: genomics\n    version: 1\.1\.0/);
    expect(freshness).toEqual({ status: "fresh" });
  });
});
