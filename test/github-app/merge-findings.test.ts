import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import { lockRepository } from "../../reconciler/core/lock/lock-repository.js";
import { parseEmbeddedIndex } from "../../reconciler/core/lock/package-index.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { strictNock } from "../helpers/strict-nock.js";
import { editText, exampleRepository, textOf } from "./helpers/repositories.js";
import { validateCheckOf } from "./helpers/validate-check.js";

// labenv/validate reports every finding the merge would cause, also in files the pull request
// does not touch: a new environment's lab quota, every lock a changed package index breaks;
// a pre-existing problem of another lab is a notice, never a failure (issue 14 item 8).

strictNock();

const now = () => new Date("2026-11-23T12:00:00Z");
const LAB = "environments/genomics-core/lab.yaml";
const SINGLE_CELL = "environments/genomics-core/single-cell/environment.yaml";
const ATAC = "environments/genomics-core/atac/environment.yaml";
const ATAC_LOCK = "environments/genomics-core/atac/environment.lock.yaml";

/** `files` plus a running genomics-core environment of 8 vCPU and its lock, as `labenv lock` writes it. */
function withBigEnvironment(files: readonly RepoFile[]): RepoFile[] {
  const env = textOf(files, SINGLE_CELL)
    .replace("name: single-cell", "name: atac")
    .replace("cpu: 2048", "cpu: 8192");
  const added = [...files, { path: ATAC, content: env }];
  const repo = loadRepository(added, createSchemaValidator()).repository;
  const index = parseEmbeddedIndex(textOf(files, "package-index.yaml"));
  const [outcome] = lockRepository(repo, index, { only: ["genomics-core/atac"] });
  if (outcome?.outcome !== "created") throw new Error(`atac not locked: ${outcome?.outcome}`);
  return [...added, { path: ATAC_LOCK, content: outcome.text }];
}

/** Delivers `pull_request.synchronize` for base → head through the real app; returns labenv/validate. */
const validateCheck = (
  base: readonly RepoFile[],
  head: readonly RepoFile[],
  changed: readonly string[],
  judged = true,
) => validateCheckOf({ base, head, changed, judged, author: "ajones-sc", now });

/** `files` plus `environment` (a copy of `from` under another lab or name) and its lock, as `labenv lock` writes it. */
function withLockedCopy(
  files: readonly RepoFile[],
  from: string,
  to: { lab: string; name: string },
): RepoFile[] {
  const [, lab, name] = from.split("/") as [string, string, string];
  const env = textOf(files, `${from}/environment.yaml`)
    .replace(`name: ${name}`, `name: ${to.name}`)
    .replace(`lab: ${lab}`, `lab: ${to.lab}`);
  const path = `environments/${to.lab}/${to.name}/environment.yaml`;
  const added = [...files, { path, content: env }];
  const repo = loadRepository(added, createSchemaValidator()).repository;
  const index = parseEmbeddedIndex(textOf(files, "package-index.yaml"));
  const [outcome] = lockRepository(repo, index, { only: [`${to.lab}/${to.name}`] });
  if (outcome?.outcome !== "created") throw new Error(`${path} not locked: ${outcome?.outcome}`);
  return [...added, { path: outcome.file, content: outcome.text }];
}

describe("labenv/validate reports what the merge would cause", () => {
  it("fails an environment whose ECS name collides with one of another lab, annotating both", async () => {
    // Lab `ml` exists on the base; the pull request adds ml/vision-teaching, which ECS would name
    // labenv-ml-vision-teaching — the name of ml-vision/teaching, in a lab the change does not touch.
    const ML = "environments/ml/lab.yaml";
    const base = [
      ...exampleRepository(),
      {
        path: ML,
        content: textOf(exampleRepository(), "environments/ml-vision/lab.yaml")
          .replace("name: ml-vision", "name: ml")
          .replace("posixGid: 22000", "posixGid: 22900"),
      },
    ];
    const head = withLockedCopy(base, "environments/ml-vision/teaching", {
      lab: "ml",
      name: "vision-teaching",
    });
    const added = head.filter((f) => !base.some((b) => b.path === f.path)).map((f) => f.path);
    const check = await validateCheck(base, head, added);
    expect(check.conclusion).toBe("failure");
    const ecs = check.output.annotations
      .filter((a: { title: string }) => a.title === "labenv ecs-names (metadata.name)")
      .map((a: { path: string }) => a.path);
    expect(ecs).toEqual([
      "environments/ml-vision/teaching/environment.yaml",
      "environments/ml/vision-teaching/environment.yaml",
    ]);
  });

  it("fails a change in the receiving lab that takes the mount path of a share another lab lends into it", async () => {
    // genomics-core lends rnaseq, live, to ml-vision at /data/rnaseq-shared; the pull request
    // touches only ml-vision, mounting a dataset of its own at that path.
    const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
    const SEG = "environments/ml-vision/segmentation/environment.yaml";
    const base = editText(exampleRepository(), SHARE, (t) =>
      t.replace("  snapshot: before-genomics-2\n", "  mountPath: /data/rnaseq-shared\n"),
    );
    const head = editText(base, SEG, (t) =>
      t.replace(
        /\nspec:\n/,
        "\nspec:\n  mounts:\n    - dataset: segmentation-masks\n      path: /data/rnaseq-shared\n",
      ),
    );
    const check = await validateCheck(base, head, [SEG]);
    expect(check.conclusion).toBe("failure");
    const clash = check.output.annotations.filter(
      (a: { title: string }) => a.title === "labenv share-mount-path (spec.mountPath)",
    );
    expect(clash.map((a: { path: string }) => a.path)).toEqual([SHARE]);
  });

  it("fails a pull request that adds an environment overrunning its lab's quota, annotating lab.yaml", async () => {
    const base = exampleRepository();
    const head = withBigEnvironment(base);
    const check = await validateCheck(base, head, [ATAC, ATAC_LOCK]);
    expect(check.conclusion).toBe("failure");
    const quota = check.output.annotations.filter(
      (a: { title: string }) => a.title === "labenv lab-quotas (spec.quotas.cpu)",
    );
    expect(quota).toHaveLength(1);
    const cpuLine = textOf(head, LAB).split("\n").indexOf("    cpu: 8192") + 1;
    expect(quota[0]).toMatchObject({
      path: LAB,
      start_line: cpuLine,
      annotation_level: "failure",
      message: "genomics-core uses 11264 cpu units (running), over its quota of 8192",
    });
    expect(check.output.summary).toContain(
      "the reconciler would hold back 4 environments (not apply them, leave what runs as it is): `genomics-core/atac`, `genomics-core/rnaseq`, `genomics-core/single-cell`, `genomics-core/variant-calling`.",
    );
  });

  it("fails a pull request that breaks the package index, annotating every lock it breaks and naming their environments", async () => {
    const base = exampleRepository();
    const head = editText(base, "package-index.yaml", (t) =>
      t.replace(
        '24.1: { requiresPython: ">=3.8", sha256: "814a',
        '24.1: { requiresPython: ">=3.8", sha256: "000a',
      ),
    );
    const check = await validateCheck(base, head, ["package-index.yaml"], false);
    expect(check.conclusion).toBe("failure");
    const broken = [
      "climate-dynamics/cmip6-analysis",
      "climate-dynamics/ocean-heat",
      "genomics-core/rnaseq",
      "genomics-core/variant-calling",
      "ml-vision/segmentation",
    ];
    const failures = check.output.annotations.filter(
      (a: { annotation_level: string }) => a.annotation_level === "failure",
    );
    expect([...new Set(failures.map((a: { path: string }) => a.path))].sort()).toEqual(
      broken.map((e) => `environments/${e}/environment.lock.yaml`),
    );
    for (const a of failures) {
      expect(a.start_line).toBeGreaterThan(1);
      expect(a.title).toMatch(/^labenv lock-\w+ \(spec\.packages\[\d+\]\.sha256\)$/);
    }
    expect(check.output.summary).toContain(
      `the reconciler would hold back 5 environments (not apply them, leave what runs as it is): ${broken.map((e) => `\`${e}\``).join(", ")}.`,
    );
  });

  it("keeps a pull request in another lab green while genomics-core is broken on the base, with a notice", async () => {
    // On the base: genomics-core is over its cpu quota and names an approver who is not a member.
    const base = editText(exampleRepository(), LAB, (t) =>
      t
        .replace("    cpu: 8192", "    cpu: 2048")
        .replace("approvers: [mchen, rpatel]", "approvers: [mchen, rpatel, ghost]"),
    );
    const OCEAN = "environments/climate-dynamics/ocean-heat/environment.yaml";
    const head = editText(base, OCEAN, (t) =>
      t.replace(/description: .*/, 'description: "Ocean heat content, reviewed"'),
    );
    const check = await validateCheck(base, head, [OCEAN]);
    expect(check.conclusion).toBe("success");
    expect(check.output.annotations ?? []).toEqual([]);
    expect(check.output.summary).toMatch(
      /ℹ 1 finding elsewhere is already on the base branch and not affected by this pull request/,
    );
    // The same base problem fails a pull request in genomics-core: the merge would be held back by it.
    const same = editText(base, SINGLE_CELL, (t) =>
      t.replace(/description: .*/, 'description: "Single-cell atlas, reviewed"'),
    );
    const inLab = await validateCheck(base, same, [SINGLE_CELL]);
    expect(inLab.conclusion).toBe("failure");
    expect(inLab.output.annotations).toContainEqual(
      expect.objectContaining({ path: LAB, title: "labenv lab-quotas (spec.quotas.cpu)" }),
    );
    expect(inLab.output.annotations).toContainEqual(
      expect.objectContaining({ path: LAB, title: "labenv lab-members (spec.approvers[2])" }),
    );
  });
});
