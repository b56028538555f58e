import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { holdsFrom, heldBy } from "../../../reconciler/core/validate/units.js";
import { editYaml, exampleFiles, TODAY } from "../../helpers/example-repo.js";

// Issue 19: "a lab may restrict which trust levels its environments use" (lab.yaml spec.packTrust).

const check = createSchemaValidator();
const base = exampleFiles();
const ML_LAB = "environments/ml-vision/lab.yaml";
const GENOMICS_LAB = "environments/genomics-core/lab.yaml";

const withLabTrust = (files: RepoFile[], lab: string, levels: unknown) =>
  editYaml(files, lab, (d) => d.setIn(["spec", "packTrust"], levels));

function findings(files: RepoFile[]) {
  return validateFiles(files, check, { today: TODAY });
}

describe("lab.yaml spec.packTrust", () => {
  it("refuses each environment of the lab whose pack version has another trust level, at its domainPack line", () => {
    // ml-vision's environments all use the `community` ml pack.
    const { diagnostics } = findings(withLabTrust(base, ML_LAB, ["verified"]));
    const refused = diagnostics.filter((d) => d.code === "lab-pack-trust");
    expect(refused.map((d) => d.file)).toEqual([
      "environments/ml-vision/segmentation/environment.yaml",
      "environments/ml-vision/self-supervised/environment.yaml",
      "environments/ml-vision/teaching/environment.yaml",
    ]);
    expect(refused[0]).toMatchObject({
      severity: "error",
      line: 12,
      column: 15,
      path: "spec.domainPack",
    });
    expect(refused[0]!.message).toBe(
      "`ml@^2.0` resolves to ml@2.1.0, which is `community`; lab `ml-vision` allows only `verified` packs (spec.packTrust in environments/ml-vision/lab.yaml)",
    );
    expect(refused[0]!.hint).toContain(
      "add `community` to `spec.packTrust` in environments/ml-vision/lab.yaml",
    );
  });

  it("holds back only that lab's environments: other labs' use of the same trust level is theirs to decide", () => {
    const files = withLabTrust(withLabTrust(base, ML_LAB, ["verified"]), GENOMICS_LAB, [
      "verified",
    ]);
    const { repository, diagnostics } = findings(files);
    const holds = holdsFrom(repository, diagnostics);
    expect(heldBy(repository, holds, "ml-vision/segmentation")).toHaveLength(1);
    expect(heldBy(repository, holds, "genomics-core/rnaseq")).toEqual([]);
    expect(heldBy(repository, holds, "climate-dynamics/ocean-heat")).toEqual([]);
    // The lab's own shared resources are not held by an environment's finding.
    expect(heldBy(repository, holds, "ml-vision")).toEqual([]);
  });

  it("a lab that lists the pack's level, or lists nothing, is unaffected", () => {
    for (const files of [withLabTrust(base, ML_LAB, ["verified", "community"]), base])
      expect(findings(files).diagnostics.filter((d) => d.code === "lab-pack-trust")).toEqual([]);
  });

  it("an unknown trust level in lab.yaml is a schema error with its position", () => {
    const { diagnostics } = findings(withLabTrust(base, ML_LAB, ["trusted"]));
    const d = diagnostics.find((x) => x.file === ML_LAB && x.severity === "error");
    expect(d).toMatchObject({ code: "schema", path: "spec.packTrust[0]" });
    expect(d!.line).toBeGreaterThan(0);
    expect(d!.message).toContain("verified");
  });
});
