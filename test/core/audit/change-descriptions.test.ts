import { describe, expect, it } from "vitest";
import { rememberedDescriptions } from "../../../reconciler/core/audit/change-descriptions.js";
import { createDocumentReader } from "../../../reconciler/core/audit/document-reader.js";
import type { LogEntry } from "../../../reconciler/core/audit/log-entry.js";
import { buildTimeline } from "../../../reconciler/core/audit/timeline.js";

const ENV = "environments/g/rnaseq/environment.yaml";
const LOCK = "environments/g/rnaseq/environment.lock.yaml";
const env =
  "kind: Environment\nmetadata:\n  name: rnaseq\n  lab: g\n  experiment: EXP-1\nspec:\n  owner: m\n";
const lock = (v: string) =>
  `kind: EnvironmentLock\nspec:\n  packages:\n    - name: numpy\n      version: ${v}\n`;
const entry = (commit: string, date: string, changes: LogEntry["changes"]): LogEntry => ({
  commit,
  parents: ["p"],
  author: { name: "Mei Chen", email: "mei@example.org" },
  authorDate: date,
  committer: { name: "Mei Chen", email: "mei@example.org" },
  committerDate: date,
  message: `${commit} (#1)`,
  changes,
});
const log: LogEntry[] = [
  entry("c2", "2026-02-01T10:00:00Z", [{ status: "M", path: LOCK, oldBlob: "l1", newBlob: "l2" }]),
  entry("c1", "2026-01-01T10:00:00Z", [
    { status: "A", path: ENV, newBlob: "e1" },
    { status: "A", path: LOCK, newBlob: "l1" },
  ]),
];

describe("remembered change descriptions in the timeline", () => {
  it("describes a change once and, remembered, needs only the blobs read for more than words", () => {
    const descriptions = rememberedDescriptions();
    const all = createDocumentReader(
      new Map([
        ["e1", env],
        ["l1", lock("1.26.4")],
        ["l2", lock("2.0.1")],
      ]),
    );
    const first = buildTimeline(log, all, {}, descriptions);
    expect([...descriptions.added().values()].map((d) => d.words)).toEqual([
      ["environment created (owner m, experiment EXP-1)"],
      ["lock created (1 packages)"],
      ["numpy 1.26.4 → 2.0.1"],
    ]);
    // A second run that remembers them: the locks are never asked for, the environment still is (its labels).
    const locksUnknown = createDocumentReader();
    buildTimeline(log, locksUnknown, {}, rememberedDescriptions(descriptions.added()));
    expect(locksUnknown.takeMissing()).toEqual(["e1"]);
    const envOnly = createDocumentReader(new Map([["e1", env]]));
    const second = buildTimeline(log, envOnly, {}, rememberedDescriptions(descriptions.added()));
    expect(envOnly.takeMissing()).toEqual([]);
    expect(second).toEqual(first);
    expect(second.commits[0]!.changes[0]).toMatchObject({
      words: ["numpy 1.26.4 → 2.0.1"],
      concerns: [{ key: "g/rnaseq", experiment: "EXP-1" }],
    });
  });

  it("never remembers a description with a side it could not read (the object may be missing from this clone)", () => {
    const descriptions = rememberedDescriptions();
    const reader = createDocumentReader(
      new Map([
        ["e1", env],
        ["l1", ""],
        ["l2", lock("2.0.1")],
      ]),
    );
    buildTimeline(log, reader, {}, descriptions);
    expect([...descriptions.added().keys()].filter((k) => k.includes("\0l1\0"))).toEqual([]);
  });
});
