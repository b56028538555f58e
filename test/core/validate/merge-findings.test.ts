import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { mergeFindings } from "../../../reconciler/core/validate/merge-findings.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { exampleFiles, text, TODAY, withFile } from "../../helpers/example-repo.js";
import { check } from "../../helpers/sandbox.js";

// The findings a merge would cause reach files the change does not touch (issue 14 item 8).

const GENOMICS_LAB = "environments/genomics-core/lab.yaml";
const CLIMATE_LAB = "environments/climate-dynamics/lab.yaml";

function edit(files: RepoFile[], path: string, from: string, to: string): RepoFile[] {
  const before = text(files, path);
  if (!before.includes(from)) throw new Error(`${from} not in ${path}`);
  return withFile(files, path, before.replace(from, to));
}

function merge(files: RepoFile[], changed: string[]) {
  const { repository, diagnostics } = validateFiles(files, check, { today: TODAY });
  return mergeFindings(repository, diagnostics, changed);
}

describe("mergeFindings", () => {
  it("a uid taken in another lab's lab.yaml reports the collision wherever it lands", () => {
    const files = edit(exampleFiles(), CLIMATE_LAB, "uid: 21001", "uid: 20002");
    const found = merge(files, [CLIMATE_LAB]).findings.filter((d) => d.code === "unique-ids");
    expect(found.map((d) => d.file)).toEqual([GENOMICS_LAB]);
  });

  it("an added environment whose ECS name collides reports the unchanged environment too", () => {
    const base = exampleFiles();
    const TEACHING = "environments/ml-vision/teaching";
    const ADDED = "environments/ml/vision-teaching";
    const lab = text(base, "environments/ml-vision/lab.yaml")
      .replace("name: ml-vision", "name: ml")
      .replace("posixGid: 22000", "posixGid: 22900");
    const rename = (t: string) =>
      t.replace("name: teaching", "name: vision-teaching").replace("lab: ml-vision", "lab: ml");
    let files = withFile(base, "environments/ml/lab.yaml", lab);
    files = withFile(
      files,
      `${ADDED}/environment.yaml`,
      rename(text(base, `${TEACHING}/environment.yaml`)),
    );
    const r = merge(files, ["environments/ml/lab.yaml", `${ADDED}/environment.yaml`]);
    expect(r.findings.filter((d) => d.code === "ecs-names").map((d) => d.file)).toEqual([
      `${TEACHING}/environment.yaml`,
      `${ADDED}/environment.yaml`,
    ]);
    expect(r.heldBack).toContain("ml-vision/teaching");
  });

  it("a lab's own problem is elsewhere for a change in another lab, and the change's for one in that lab", () => {
    const files = edit(
      exampleFiles(),
      GENOMICS_LAB,
      "approvers: [mchen, rpatel]",
      "approvers: [mchen, ghost]",
    );
    const other = merge(files, ["environments/climate-dynamics/ocean-heat/environment.yaml"]);
    expect(other.findings.filter((d) => d.severity === "error")).toEqual([]);
    expect(other.elsewhere.map((d) => d.code)).toContain("lab-members");
    expect(other.heldBack).toEqual([]);
    const same = merge(files, ["environments/genomics-core/rnaseq/environment.yaml"]);
    expect(same.findings.map((d) => `${d.file} ${d.code}`)).toContain(
      `${GENOMICS_LAB} lab-members`,
    );
    expect(same.heldBack).toEqual([
      "genomics-core/rnaseq",
      "genomics-core/single-cell",
      "genomics-core/variant-calling",
    ]);
  });

  it("a changed labenv.yaml or pack registry reports every finding", () => {
    const files = edit(
      exampleFiles(),
      GENOMICS_LAB,
      "approvers: [mchen, rpatel]",
      "approvers: [mchen, ghost]",
    );
    for (const changed of ["labenv.yaml", "domain-packs/registry.yaml", "package-index.yaml"]) {
      const r = merge(files, [changed]);
      expect(r.elsewhere, changed).toEqual([]);
      expect(
        r.findings.map((d) => d.code),
        changed,
      ).toContain("lab-members");
    }
  });
});
