import { describe, expect, it } from "vitest";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { buildRegistry, verifyRegistry } from "../../../reconciler/core/packs/registry.js";
import { resolvePack } from "../../../reconciler/core/packs/resolve-pack.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles, withoutFile } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const load = (files = exampleFiles()) => loadRepository(files, check).repository;
const PACK = "domain-packs/genomics/1.2.0/pack.yaml";

describe("domain pack registry", () => {
  it("the committed registry matches the packs", () => {
    const repo = load();
    expect(verifyRegistry(repo, repo.registry?.doc)).toEqual([]);
    expect(buildRegistry(repo)).toEqual(repo.registry!.doc);
  });

  it("an in-place edit of a published version is caught", () => {
    const repo = load(
      editYaml(exampleFiles(), PACK, (doc) => doc.setIn(["spec", "packages", "scipy"], "1.14.0")),
    );
    const [p] = verifyRegistry(repo, repo.registry?.doc);
    expect(p!.message).toMatch(/^genomics@1.2.0 changed after it was published/);
  });

  it("deprecating or yanking a version is not an edit of its content", () => {
    const repo = load(
      editYaml(exampleFiles(), PACK, (doc) =>
        doc.setIn(["spec", "deprecated"], { use: "genomics@^2" }),
      ),
    );
    expect(verifyRegistry(repo, repo.registry?.doc)).toEqual([]);
  });

  it("a removed published version and an unindexed new one are reported", () => {
    const repo = load(withoutFile(exampleFiles(), PACK));
    expect(verifyRegistry(repo, repo.registry?.doc)[0]!.message).toMatch(
      /was published but its pack.yaml is gone/,
    );
  });

  it("resolution picks the highest published, non-yanked version in the range", () => {
    const repo = load();
    expect(resolvePack(repo, "genomics@^1.1")).toMatchObject({ ok: true, version: "1.2.0" });
    expect(resolvePack(repo, "genomics@~1.1.0")).toMatchObject({ ok: true, version: "1.1.0" });
    const yanked = load(
      editYaml(exampleFiles(), PACK, (doc) =>
        doc.setIn(["spec", "yanked"], { reason: "bad build" }),
      ),
    );
    expect(resolvePack(yanked, "genomics@^1.1")).toMatchObject({ ok: true, version: "1.1.0" });
  });
});
