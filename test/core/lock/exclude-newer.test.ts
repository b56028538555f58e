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
