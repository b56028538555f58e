import { describe, expect, it } from "vitest";
import {
  environmentsOutside,
  inScope,
  reviewScope,
  touchesLabenv,
} from "../../../github-app/review/review-scope.js";
import { reviewPullRequest } from "../../../github-app/review/review-pull-request.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { changingActions } from "../../../reconciler/core/model/plan.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { syntheticRepository } from "../helpers/synthetic-repository.js";

const check = createSchemaValidator();

describe("reviewScope", () => {
  it("opens only the labs a change is confined to; anything wider reads everything", () => {
    expect(
      reviewScope([
        "environments/a/x/environment.yaml",
        "environments/b/shares/s.yaml",
        "README.md",
      ]),
    ).toEqual({ kind: "labs", labs: new Set(["a", "b"]) });
    for (const wide of [
      "labenv.yaml",
      "domain-packs/ml/2.1.0/pack.yaml",
      "schemas/lab.schema.json",
      "environments/a/lab.yaml",
      "package-index.yaml",
    ]) {
      expect(reviewScope(["environments/a/x/environment.yaml", wide]).kind).toBe("all");
    }
  });

  it("keeps every lab.yaml, the packs, the config and index, and the opened labs", () => {
    const scope = reviewScope(["environments/a/x/environment.yaml"]);
    const keep = (p: string) => inScope(scope, p, "indexes/pypi.yaml");
    expect(
      [
        "environments/b/lab.yaml",
        "environments/a/y/environment.lock.yaml",
        "domain-packs/registry.yaml",
        "labenv.yaml",
        "indexes/pypi.yaml",
      ].every(keep),
    ).toBe(true);
    expect(
      ["environments/b/y/environment.yaml", "README.md", "package-index.yaml"].some(keep),
    ).toBe(false);
    expect(
      environmentsOutside(scope, [
        "environments/a/x/environment.yaml",
        "environments/b/y/environment.yaml",
        "environments/b/lab.yaml",
      ]),
    ).toBe(1);
  });

  it("also opens the labs whose ECS names can collide with an opened lab's (ml and ml-vision)", () => {
    const scope = reviewScope(["environments/ml/vision-teaching/environment.yaml"]);
    const keep = (p: string) => inScope(scope, p, "package-index.yaml");
    expect(keep("environments/ml-vision/teaching/environment.yaml")).toBe(true);
    expect(keep("environments/mlx/teaching/environment.yaml")).toBe(false);
    expect(keep("environments/m/l-teaching/environment.yaml")).toBe(false);
    const inner = reviewScope(["environments/ml-vision/teaching/environment.yaml"]);
    expect(inScope(inner, "environments/ml/vision-teaching/environment.yaml", "x")).toBe(true);
  });

  it("says which pull requests labenv reviews", () => {
    expect(touchesLabenv(["docs/a.md", "README.md"])).toBe(false);
    expect(touchesLabenv(["schemas/lab.schema.json"])).toBe(true);
    expect(touchesLabenv(["package-index.yaml"])).toBe(true);
  });
});

describe("a review confined to the touched labs", () => {
  it("finds what a review of the whole repository finds: same findings, same changing actions, same plan digest, same approvals", () => {
    const repo = syntheticRepository(6, 4);
    const changed = [
      "environments/lab-02/env-01/environment.yaml",
      "environments/lab-02/env-03/environment.yaml",
      "environments/lab-02/env-00/environment.lock.yaml",
    ];
    const head = repo.files.map((f) => {
      const text = Buffer.from(f.content).toString("utf8");
      if (f.path === changed[0])
        return {
          path: f.path,
          content: text.replace("idleShutdownMinutes: 120", "idleShutdownMinutes: 60"),
        };
      if (f.path === changed[1])
        return { path: f.path, content: text.replace(/    cpu: \d+/, "    cpu: 3000") };
      if (f.path === changed[2])
        return {
          path: f.path,
          content: text.replace(/inputDigest: .*/, `inputDigest: sha256:${"0".repeat(64)}`),
        };
      return f;
    });
    const scope = reviewScope(changed);
    const pick = (files: typeof repo.files) =>
      files.filter((f) => inScope(scope, f.path, "package-index.yaml"));
    const full = reviewPullRequest(
      {
        changed,
        base: loadRepository(repo.files, check).repository,
        head,
        headSha: "a".repeat(40),
      },
      { check, today: "2026-11-23" },
    );
    const scoped = reviewPullRequest(
      {
        changed,
        base: loadRepository(pick(repo.files), check).repository,
        head: pick(head),
        headSha: "a".repeat(40),
      },
      { check, today: "2026-11-23" },
    );
    expect(pick(head).length).toBeLessThan(head.length / 2);
    expect(scoped.findings).toEqual(full.findings);
    expect(scoped.findings.some((d) => d.severity === "error")).toBe(true);
    expect(changingActions(scoped.plan)).toEqual(changingActions(full.plan));
    expect(changingActions(full.plan).length).toBeGreaterThan(0);
    expect(scoped.plan.digest).toBe(full.plan.digest);
    expect(scoped.requirements).toEqual(full.requirements);
  });

  it("the generated repository is valid", () => {
    const repo = syntheticRepository(3, 4);
    const r = reviewPullRequest(
      {
        changed: ["environments/lab-00/env-00/environment.yaml"],
        base: loadRepository(repo.files, check).repository,
        head: repo.files,
        headSha: "a".repeat(40),
      },
      { check, today: "2026-11-23" },
    );
    expect(r.findings.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.findingsElsewhere).toBeGreaterThanOrEqual(0);
  });
});
