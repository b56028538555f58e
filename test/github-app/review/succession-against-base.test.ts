// Issue 16: what only the base can tell about a succession, in the App's review and in
// `labenv validate --changed-from`: its researcher being added to lab.yaml in the same pull
// request, and an effective date already past. A succession the base already has passes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewPullRequest } from "../../../github-app/review/review-pull-request.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { runCli } from "../../helpers/cli.js";
import { exampleGitRepo } from "../../e2e/temp-git-repo.js";

const check = createSchemaValidator();
const LAB = "environments/genomics-core/lab.yaml";
const SUCCESSION = "environments/genomics-core/successions/tkim-leaves.yaml";
const EXISTING = "environments/genomics-core/successions/lwu-graduation.yaml";
const NEW_MEMBER = `    - id: zli
      name: Zhen Li
      github: zli-bio
      uid: 20006
      role: researcher
`;
const succession = (to: string, effective: string) =>
  [
    "apiVersion: labenv.westtek.io/v1",
    "kind: Succession",
    "metadata: { name: tkim-leaves, lab: genomics-core }",
    "spec:",
    "  from: tkim",
    `  to: ${to}`,
    "  environments: [single-cell]",
    `  effective: ${effective}`,
    "  reason: Tae Kim moves to another institute.",
    "",
  ].join("\n");

/** The example with zli added to genomics-core and a succession from tkim (owner of single-cell). */
function head(to: string, effective: string) {
  const files = editYaml(
    exampleFiles(),
    "environments/genomics-core/single-cell/environment.yaml",
    (d) => d.setIn(["spec", "owner"], "tkim"),
  ).map((f) =>
    f.path === LAB
      ? { ...f, content: String(f.content).replace("  quotas:", `${NEW_MEMBER}  quotas:`) }
      : f,
  );
  return [...files, { path: SUCCESSION, content: succession(to, effective) }];
}

const review = (files: ReturnType<typeof head>, today = "2026-11-23") =>
  reviewPullRequest(
    {
      changed: [LAB, SUCCESSION, "environments/genomics-core/single-cell/environment.yaml"],
      base: loadRepository(exampleFiles(), check).repository,
      head: files,
      headSha: "a".repeat(40),
    },
    { check, today },
  );

describe("successions judged against the base (the App's review)", () => {
  it("refuses a successor added to lab.yaml in the same pull request, at the succession's `to`", () => {
    const r = review(head("zli", "2027-01-15"));
    const found = r.findings.filter((d) => d.file === SUCCESSION);
    expect(found).toEqual([
      expect.objectContaining({
        line: 6,
        column: 7,
        severity: "error",
        code: "succession-members",
        message:
          "incoming researcher `zli` is added to genomics-core's lab.yaml in this same pull request",
      }),
    ]);
    // A successor who was already a member passes.
    expect(
      review(head("ajones", "2027-01-15")).findings.filter((d) => d.file === SUCCESSION),
    ).toEqual([]);
  });

  it("refuses an effective date already past for a succession the pull request adds; one already on the base is due, not wrong", () => {
    const r = review(head("ajones", "2026-11-01"));
    expect(r.findings.filter((d) => d.file === SUCCESSION)).toEqual([
      expect.objectContaining({
        line: 8,
        column: 14,
        code: "succession-effective",
        message:
          "effective 2026-11-01 is already past (today is 2026-11-23): a new or changed succession takes effect today or later",
        hint: "set effective to 2026-11-23 or a later day",
      }),
    ]);
    // lwu-graduation (effective 2026-12-31) is on the base as it is: after its date it is simply due.
    expect(
      review(head("ajones", "2027-02-01"), "2027-01-10").findings.filter(
        (d) => d.file === EXISTING,
      ),
    ).toEqual([]);
  });
});

describe("labenv validate --changed-from", () => {
  it("says the same at file:line:col, and plain validate (no base) does not", async () => {
    const dir = exampleGitRepo();
    for (const f of head("zli", "2026-11-01"))
      if (
        f.path === LAB ||
        f.path === SUCCESSION ||
        f.path.endsWith("single-cell/environment.yaml")
      )
        writeFileSync(join(dir, f.path), f.content);
    expect(readFileSync(join(dir, LAB), "utf8")).toContain("id: zli");
    const r = await runCli(["validate", dir, "--changed-from", "HEAD"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${SUCCESSION}:6:7 error incoming researcher \`zli\` is added to genomics-core's lab.yaml in this same pull request [succession-members]`,
    );
    expect(r.stdout).toContain(
      `${SUCCESSION}:8:14 error effective 2026-11-01 is already past (today is 2026-11-23): a new or changed succession takes effect today or later [succession-effective]`,
    );
    const plain = await runCli(["validate", dir]);
    expect(plain.stdout).not.toContain("succession-effective");
    expect(plain.stdout).not.toContain("in this same pull request");
  });
});
