// A pull request raises restoreFrom.attempt, never lowers it: a lowered attempt points back at an
// attempt already tried and would restore nothing, so it is a finding at its line and column.
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { restoreAttemptAgainstBase } from "../../../reconciler/core/validate/rules/restore-attempt-against-base.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const ENV = "environments/genomics-core/rnaseq/environment.yaml";
const SNAPSHOT = "genomics-core/rnaseq/before-genomics-2";
const ctx = { today: "2026-12-07" };

function repo(restoreFrom: Record<string, unknown>) {
  return loadRepository(
    editYaml(exampleFiles(), ENV, (d) => d.setIn(["spec", "restoreFrom"], restoreFrom)),
    check,
  ).repository;
}

describe("restore-attempt-against-base", () => {
  it("finds a lowered attempt at its position, with what to write instead", () => {
    const base = repo({ snapshot: SNAPSHOT, attempt: 3 });
    const [d, ...rest] = restoreAttemptAgainstBase(base).check(
      repo({ snapshot: SNAPSHOT, attempt: 2 }),
      ctx,
    );
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      file: ENV,
      line: expect.any(Number),
      column: expect.any(Number),
      severity: "error",
      code: "restore-attempt",
      path: "spec.restoreFrom.attempt",
      message:
        "genomics-core/rnaseq's restoreFrom.attempt goes down from 3 to 2: attempt 2 was already tried, so nothing would be restored",
      hint: "keep attempt: 3, or raise it to 4 for a fresh restore",
    });
    expect(d!.line).toBeGreaterThan(1);
    // Dropping attempt is attempt 1: lowered too.
    expect(restoreAttemptAgainstBase(base).check(repo({ snapshot: SNAPSHOT }), ctx)).toHaveLength(
      1,
    );
  });

  it("passes a raised or unchanged attempt, and a restore from another snapshot", () => {
    const base = repo({ snapshot: SNAPSHOT, attempt: 2 });
    const rule = restoreAttemptAgainstBase(base);
    expect(rule.check(repo({ snapshot: SNAPSHOT, attempt: 3 }), ctx)).toEqual([]);
    expect(rule.check(repo({ snapshot: SNAPSHOT, attempt: 2 }), ctx)).toEqual([]);
    expect(rule.check(repo({ snapshot: "genomics-core/rnaseq/thesis" }), ctx)).toEqual([]);
  });
});
