import { describe, expect, it } from "vitest";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import {
  lockFreshness,
  lockRepository,
  releaseCutoff,
} from "../../../reconciler/core/lock/lock-repository.js";
import { parseEmbeddedIndex } from "../../../reconciler/core/lock/package-index.js";
import { resolve } from "../../../reconciler/core/lock/resolve.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles, text, withFile } from "../../helpers/example-repo.js";

const index = parseEmbeddedIndex(`
packages:
  tool:
    "1.0": { sha256: "${"1".repeat(64)}", uploadTime: "2024-01-10T08:00:00Z" }
    "1.1": { sha256: "${"2".repeat(64)}", uploadTime: "2024-03-01T08:00:00Z" }
    "1.2": { sha256: "${"3".repeat(64)}" }
`);
const base = { pins: {}, packLabel: "p@1.0.0", python: "3.11.9", index, requirements: ["tool"] };

describe("resolving as the index stood at a date (--exclude-newer)", () => {
  it("takes the newest release whose file was uploaded by then", () => {
    const r = resolve({ ...base, excludeNewer: "2024-02-01T00:00:00.000Z" });
    expect(r.ok && r.packages).toEqual([
      {
        name: "tool",
        version: "1.0",
        source: "environment",
        sha256: "1".repeat(64),
        requestedAs: "tool",
      },
    ]);
    const later = resolve({ ...base, excludeNewer: "2024-03-01T08:00:00.000Z" });
    expect(later.ok && later.packages[0]!.version).toBe("1.1");
  });

  it("never takes a release whose upload time the index does not give, and says so", () => {
    expect(
      resolve(base).ok &&
        (resolve(base) as { packages: { version: string }[] }).packages[0]!.version,
    ).toBe("1.2");
    const r = resolve({
      ...base,
      requirements: ["tool>=1.2"],
      excludeNewer: "2030-01-01T00:00:00.000Z",
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toBe(
      "no version of tool satisfies tool>=1.2 (from `tool>=1.2`) with Python 3.11.9 uploaded by 2030-01-01T00:00:00.000Z (index has: 1.0 uploaded 2024-01-10T08:00:00Z, 1.1 uploaded 2024-03-01T08:00:00Z, 1.2 with no upload time)",
    );
  });
});

describe("a lab's minimumReleaseAgeDays", () => {
  const check = createSchemaValidator();
  const LAB = "environments/genomics-core/lab.yaml";
  const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";

  it("is the earlier of today minus the days and --exclude-newer", () => {
    const files = editYaml(exampleFiles(), LAB, (d) =>
      d.setIn(["spec", "minimumReleaseAgeDays"], 7),
    );
    const { repository, diagnostics } = loadRepository(files, check);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const env = repository.environments.get("genomics-core/rnaseq")!;
    expect(releaseCutoff(repository, env, { today: "2024-03-08" })).toBe(
      "2024-03-01T00:00:00.000Z",
    );
    expect(
      releaseCutoff(repository, env, { today: "2024-03-08", excludeNewer: "2024-02-01T00:00:00Z" }),
    ).toBe("2024-02-01T00:00:00.000Z");
    const other = repository.environments.get("ml-vision/segmentation")!;
    expect(releaseCutoff(repository, other, { today: "2024-03-08" })).toBeUndefined();
  });

  it("holds back a release younger than that; the lock then passes --check", () => {
    const indexPath = "package-index.yaml";
    let files = editYaml(exampleFiles(), LAB, (d) =>
      d.setIn(["spec", "minimumReleaseAgeDays"], 30),
    );
    files = editYaml(files, RNASEQ, (d) => d.setIn(["spec", "packages"], ["tool"]));
    files = withFile(
      files,
      indexPath,
      `${text(files, indexPath)}\n  tool:\n    "1.0": { uploadTime: "2024-01-10T08:00:00Z" }\n    "1.1": { uploadTime: "2024-03-01T08:00:00Z" }\n`,
    );
    const data = parseEmbeddedIndex(text(files, indexPath));
    const { repository } = loadRepository(files, check);
    const o = lockRepository(repository, data, {
      only: ["genomics-core/rnaseq"],
      today: "2024-03-15",
    })[0]!;
    expect(o.outcome === "updated" && o.text).toContain('- name: tool\n      version: "1.0"');
    const relocked = loadRepository(
      withFile(
        files,
        "environments/genomics-core/rnaseq/environment.lock.yaml",
        o.outcome === "updated" ? o.text : "",
      ),
      check,
    ).repository;
    expect(
      lockFreshness(relocked, relocked.environments.get("genomics-core/rnaseq")!, data),
    ).toEqual({
      status: "fresh",
    });
    const aged = lockRepository(repository, data, {
      only: ["genomics-core/rnaseq"],
      today: "2024-04-15",
    })[0]!;
    expect(aged.outcome === "updated" && aged.text).toContain('- name: tool\n      version: "1.1"');
  });
});

describe("the lock records its cut-off (spec.excludeNewer)", () => {
  const check = createSchemaValidator();
  const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
  const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
  const KEY = "genomics-core/rnaseq";
  const indexPath = "package-index.yaml";
  let files = editYaml(exampleFiles(), RNASEQ, (d) => d.setIn(["spec", "packages"], ["tool"]));
  files = withFile(
    files,
    indexPath,
    `${text(files, indexPath)}\n  tool:\n    "1.0": { sha256: "${"1".repeat(64)}", uploadTime: "2024-01-10T08:00:00Z" }\n    "1.1": { sha256: "${"2".repeat(64)}", uploadTime: "2024-03-01T08:00:00Z" }\n`,
  );
  const data = parseEmbeddedIndex(text(files, indexPath));
  const repoOf = (f: typeof files) => loadRepository(f, check).repository;
  const lockAt = (f: typeof files, options: Parameters<typeof lockRepository>[2] = {}) =>
    lockRepository(repoOf(f), data, { only: [KEY], ...options })[0]!;
  const written = (o: ReturnType<typeof lockAt>) => {
    expect(o.outcome, JSON.stringify(o)).toMatch(/created|updated/);
    return o.outcome === "updated" || o.outcome === "created" ? o.text : "";
  };
  const freshness = (f: typeof files) => {
    const repo = repoOf(f);
    return lockFreshness(repo, repo.environments.get(KEY)!, data);
  };
  const dated = withFile(
    files,
    LOCK,
    written(lockAt(files, { excludeNewer: "2024-02-01T00:00:00.000Z" })),
  );

  it("writes the cut-off after the Python version, and the lock passes the check", () => {
    expect(text(dated, LOCK)).toContain(
      "python: 3.11.9\n  excludeNewer: 2024-02-01T00:00:00.000Z\n  packages:",
    );
    expect(text(dated, LOCK)).toContain('- name: tool\n      version: "1.0"');
    expect(freshness(dated)).toEqual({ status: "fresh" });
    expect(loadRepository(dated, check).diagnostics.filter((d) => d.file === LOCK)).toEqual([]);
  });

  it("a version newer than the recorded cut-off is a lock-edited finding at that package's version", () => {
    const edited = withFile(
      dated,
      LOCK,
      text(dated, LOCK).replace(
        `version: "1.0"\n      source: environment\n      sha256: "${"1".repeat(64)}"`,
        `version: "1.1"\n      source: environment\n      sha256: "${"2".repeat(64)}"`,
      ),
    );
    const f = freshness(edited);
    expect(f.status).toBe("edited");
    const finding = f.status === "edited" ? f.findings : [];
    expect(finding).toHaveLength(1);
    expect(finding[0]!.path.slice(0, 2)).toEqual(["spec", "packages"]);
    expect(finding[0]!.path[3]).toBe("version");
    expect(finding[0]!.message).toMatch(
      /^spec\.packages\[\d+\]\.version: the lock says tool 1\.1 but it was uploaded 2024-03-01T08:00:00Z, after the lock's excludeNewer 2024-02-01T00:00:00\.000Z — locks are generated: run `labenv lock`$/,
    );
  });

  it("an earlier cut-off written by hand is caught the same way", () => {
    const earlier = withFile(
      dated,
      LOCK,
      text(dated, LOCK).replace("excludeNewer: 2024-02-01", "excludeNewer: 2024-01-01"),
    );
    const f = freshness(earlier);
    expect(f.status === "edited" && f.reasons[0]).toMatch(
      /the lock says tool 1\.0 but it was uploaded 2024-01-10T08:00:00Z, after the lock's excludeNewer 2024-01-01T00:00:00\.000Z/,
    );
  });

  it("labenv lock without --exclude-newer leaves the dated lock alone; another date resolves again; --upgrade drops the date", () => {
    expect(lockAt(dated).outcome).toBe("unchanged");
    expect(lockAt(dated, { excludeNewer: "2024-02-01T00:00:00.000Z" }).outcome).toBe("unchanged");
    const later = lockAt(dated, { excludeNewer: "2024-04-01T00:00:00.000Z" });
    expect(later.outcome === "updated" && later.why[0]).toBe(
      "resolved as the package index stood at 2024-04-01T00:00:00.000Z (the lock was resolved as it stood at 2024-02-01T00:00:00.000Z)",
    );
    expect(written(later)).toContain("excludeNewer: 2024-04-01T00:00:00.000Z\n");
    expect(written(later)).toContain('- name: tool\n      version: "1.1"');
    const upgraded = written(lockAt(dated, { upgrade: true }));
    expect(upgraded).not.toContain("excludeNewer");
    expect(upgraded).toContain('- name: tool\n      version: "1.1"');
  });

  it("versions kept after an edit of environment.yaml keep the cut-off they were resolved at", () => {
    const reworded = editYaml(dated, RNASEQ, (d) => d.setIn(["spec", "packages"], ["tool>=1.0"]));
    const o = lockAt(reworded);
    expect(o.outcome === "updated" && o.why[0]).toMatch(/versions kept/);
    const after = withFile(reworded, LOCK, written(o));
    expect(text(after, LOCK)).toContain("excludeNewer: 2024-02-01T00:00:00.000Z\n");
    expect(text(after, LOCK)).toContain('- name: tool\n      version: "1.0"');
    expect(freshness(after)).toEqual({ status: "fresh" });
  });
});
