import { describe, expect, it } from "vitest";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { exampleFiles, TODAY } from "../../helpers/example-repo.js";

const check = createSchemaValidator();

describe("the example repository", () => {
  const { repository, diagnostics } = validateFiles(exampleFiles(), check, { today: TODAY });

  it("has no errors", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("warns only about environments on deprecated pack versions", () => {
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      "environments/ml-vision/teaching/environment.yaml domain-pack-deprecated",
    ]);
  });

  it("is as rich as the issue asks: 3+ labs, 8+ environments, snapshots, a share, a succession, 3 packs with several versions", () => {
    expect(repository.labs.size).toBeGreaterThanOrEqual(3);
    expect(repository.environments.size).toBeGreaterThanOrEqual(8);
    expect(repository.snapshots.size).toBeGreaterThanOrEqual(1);
    expect(repository.shares.size).toBeGreaterThanOrEqual(1);
    expect(repository.successions.size).toBeGreaterThanOrEqual(1);
    const packs = new Map<string, number>();
    for (const p of repository.packs.values())
      packs.set(p.doc.metadata.name, (packs.get(p.doc.metadata.name) ?? 0) + 1);
    expect(packs.size).toBeGreaterThanOrEqual(3);
    for (const count of packs.values()) expect(count).toBeGreaterThanOrEqual(3);
    expect(
      new Set([...repository.environments.values()].map((e) => e.doc.spec.domainPack.split("@")[0]))
        .size,
    ).toBe(3);
  });

  it("every example document carries the editor modeline pointing at its schema", () => {
    for (const f of exampleFiles().filter((x) => x.path !== "package-index.yaml")) {
      const first = Buffer.from(f.content).toString("utf8").split("\n")[0]!;
      expect(first, f.path).toMatch(
        /^# yaml-language-server: \$schema=(\.\.\/)*schemas\/[a-z-]+\.schema\.json$/,
      );
    }
  });
});
