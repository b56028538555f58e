// The move task's report of a replace (restoreFrom.overwrite), checked against the manifest before
// it is recorded: each replaced thing must have been in the way of one of the snapshot's files.
import { describe, expect, it } from "vitest";
import { parseRestoreReport } from "../../../reconciler/adapters/aws/home-restore-move.js";

const TASK = "arn:aws:ecs:eu-west-1:123456789012:task/labenv/0123";
const KEPT = ".labenv-replaced/20261207T040000Z";
const FILES = [
  { path: "analysis.ipynb", size: 2, sha256: "a".repeat(64) },
  { path: "data/raw/counts.bin", size: 6, sha256: "b".repeat(64) },
];

function report(replaced: string[], spec: Record<string, unknown> = {}) {
  return new TextEncoder().encode(
    JSON.stringify({
      kind: "HomeRestoreReport",
      metadata: { task: TASK },
      spec: {
        restoreDirectory: "/aws-backup-restore_20261207T041005Z",
        moved: [],
        existing: [],
        corrupt: [],
        missing: [],
        skipped: [],
        replace: true,
        keptAside: KEPT,
        replaced: replaced.map((path) => ({ path, keptAt: `${KEPT}/${path}` })),
        ...spec,
      },
    }),
  );
}

const problem = (body: Uint8Array, overwrite = true) => {
  const r = parseRestoreReport(body, TASK, { overwrite, files: FILES });
  return "problem" in r ? r.problem : undefined;
};

describe("a replace's report against the manifest", () => {
  it.each([
    ["a snapshot file's own path", "analysis.ipynb"],
    ["a directory above one", "data"],
    ["a deeper directory above one", "data/raw"],
    [
      "what a directory kept at a file's path held (an earlier, killed run's)",
      "analysis.ipynb/cell-1.txt",
    ],
  ])("accepts %s", (_what, path) => {
    expect(problem(report([path]))).toBeUndefined();
  });

  it.each([
    ["a file the snapshot does not have", "thesis/draft.tex"],
    ["a name that only starts like a directory above one", "dat"],
    ["a name that only starts like a snapshot file", "analysis.ipynb.bak"],
  ])("refuses %s, naming it", (_what, path) => {
    expect(problem(report([path]))).toBe(
      `it replaced ${path}, which is in the way of none of the snapshot's files`,
    );
  });

  it("refuses a kept path that is not the thing's own, and a kept-aside directory not .labenv-replaced/<time>", () => {
    expect(
      problem(
        report([], { replaced: [{ path: "analysis.ipynb", keptAt: "elsewhere/analysis.ipynb" }] }),
      ),
    ).toMatch(/is not kept at its own path under \.labenv-replaced\/20261207T040000Z$/);
    expect(problem(report([], { keptAside: "../outside" }))).toMatch(/lacks keptAside/);
  });

  it("a replace must be what was asked for, either way", () => {
    expect(problem(report(["analysis.ipynb"]), false)).toBe(
      "it is a replace, which this restore did not ask for",
    );
    expect(problem(report([], { replace: undefined }))).toMatch(/^it is not a replace/);
  });
});
