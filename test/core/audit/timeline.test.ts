import { describe, expect, it } from "vitest";
import { createDocumentReader } from "../../../reconciler/core/audit/document-reader.js";
import { environmentHistory } from "../../../reconciler/core/audit/environment-history.js";
import type { FileChange, LogEntry } from "../../../reconciler/core/audit/log-entry.js";
import { buildTimeline } from "../../../reconciler/core/audit/timeline.js";

const ENV = "environments/g/rnaseq/environment.yaml";
const LOCK = "environments/g/rnaseq/environment.lock.yaml";
const envText = (name: string, experiment: string, owner = "mchen") =>
  `kind: Environment\nmetadata:\n  name: ${name}\n  lab: g\n  experiment: ${experiment}\nspec:\n  owner: ${owner}\n`;
const lockText = (numpy: string) =>
  `kind: EnvironmentLock\nspec:\n  packages:\n    - name: numpy\n      version: ${numpy}\n`;
const objects = new Map([
  ["e1", envText("rnaseq", "EXP-1")],
  ["e2", envText("rnaseq", "EXP-2")],
  ["e3", envText("bulk", "EXP-2")],
  ["l1", lockText("1.26.4")],
  ["l2", lockText("2.0.1")],
  [
    "tip",
    "tree t\nparent p\nauthor Ravi Patel <ravi@example.org> 1767000000 +0000\ncommitter Ravi Patel <ravi@example.org> 1767000000 +0000\n\nwork\n",
  ],
]);
const entry = (
  commit: string,
  date: string,
  message: string,
  changes: FileChange[],
  parents = ["p"],
): LogEntry => ({
  commit,
  parents,
  author: { name: "Mei Chen", email: "mei@example.org" },
  authorDate: date,
  committer: { name: "Mei Chen", email: "mei@example.org" },
  committerDate: date,
  message,
  changes,
});
// Newest first, as git prints them.
const log: LogEntry[] = [
  entry("c4", "2026-04-01T10:00:00+02:00", "Rename (#4)", [
    {
      status: "R",
      oldPath: ENV,
      path: "environments/g/bulk/environment.yaml",
      oldBlob: "e2",
      newBlob: "e3",
    },
  ]),
  entry(
    "c3",
    "2026-03-01T10:00:00Z",
    "Merge pull request #3 from org/bump\n\nBump numpy",
    [{ status: "M", path: LOCK, oldBlob: "l1", newBlob: "l2" }],
    ["c2", "tip"],
  ),
  entry("c2", "2026-02-01T10:00:00Z", "Relabel", [
    { status: "M", path: ENV, oldBlob: "e1", newBlob: "e2" },
  ]),
  entry("c1", "2026-01-01T10:00:00Z", "Create (#1)", [
    { status: "A", path: ENV, newBlob: "e1" },
    { status: "A", path: LOCK, newBlob: "l1" },
  ]),
];

describe("timeline from log entries and blobs", () => {
  it("asks for the objects it needs, then describes the window with labels known from before it", () => {
    const reader = createDocumentReader();
    buildTimeline(log, reader, { since: Date.parse("2026-02-15T00:00:00Z") });
    expect(reader.takeMissing().sort()).toEqual(["e2", "e3", "l1", "l2", "tip"]);
    reader.add(objects);
    const { commits } = buildTimeline(log, reader, { since: Date.parse("2026-02-15T00:00:00Z") });
    expect(commits.map((c) => c.commit)).toEqual(["c4", "c3"]);
    const bump = commits[1]!;
    expect(bump).toMatchObject({
      author: "Ravi Patel",
      mergedBy: "Mei Chen",
      origin: { via: "merge", pullRequest: 3, title: "Bump numpy" },
    });
    expect(bump.changes[0]).toMatchObject({
      kind: "EnvironmentLock",
      environment: "g/rnaseq",
      words: ["numpy 1.26.4 → 2.0.1"],
      packages: [{ name: "numpy", from: "1.26.4", to: "2.0.1" }],
      concerns: [{ key: "g/rnaseq", experiment: "EXP-2" }],
    });
    expect(commits[0]).toMatchObject({
      date: "2026-04-01T08:00:00Z",
      changes: [{ action: "renamed", words: ["environment renamed g/rnaseq → g/bulk"] }],
    });
    expect(reader.takeMissing()).toEqual([]);
  });

  it("gives an environment's history under all its names, newest first", () => {
    const reader = createDocumentReader(objects);
    const h = environmentHistory(buildTimeline(log, reader).commits, ["g/bulk", "g/rnaseq"]);
    expect(h.entries.map((e) => [e.commit, e.via, e.changes])).toEqual([
      ["c4", "squash", ["environment renamed g/rnaseq → g/bulk"]],
      ["c3", "merge", ["numpy 1.26.4 → 2.0.1"]],
      ["c2", "direct", ["experiment EXP-1 → EXP-2"]],
      [
        "c1",
        "squash",
        ["environment created (owner mchen, experiment EXP-1)", "lock created (1 packages)"],
      ],
    ]);
  });

  it("describes a file it cannot read as YAML instead of failing", () => {
    const reader = createDocumentReader(
      new Map([
        ["bad", "a: [unclosed"],
        ["e1", envText("rnaseq", "EXP-1")],
      ]),
    );
    const { commits } = buildTimeline(
      [
        entry("c", "2026-01-01T00:00:00Z", "x", [
          { status: "M", path: ENV, oldBlob: "e1", newBlob: "bad" },
        ]),
      ],
      reader,
    );
    expect(commits[0]!.changes[0]).toMatchObject({
      readable: false,
      words: ["environment.yaml changed, but could not be read as YAML after the change"],
    });
  });
});
