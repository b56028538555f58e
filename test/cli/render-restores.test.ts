import { describe, expect, it } from "vitest";
import { renderRestores } from "../../reconciler/cli/snapshot-sources.js";
import type { RestoreRecord } from "../../reconciler/core/snapshots/restore.js";

const ENV = "genomics-core/rnaseq-thesis";
const SNAPSHOT = "genomics-core/rnaseq/thesis";

function record(files: number): RestoreRecord {
  return {
    environment: ENV,
    snapshot: SNAPSHOT,
    manifestDigest: "sha256:0c3c",
    image: "ghcr.io/westtek-research/labenv-genomics@sha256:61ee",
    startedAt: "2026-12-07T12:00:00.000Z",
    finishedAt: "2026-12-07T12:00:06.200Z",
    seconds: 6.2,
    home: {
      restoreDirectory: "/aws-backup-restore_20261207T120000Z",
      placed: "home",
      path: "/labs/genomics-core/environments/rnaseq-thesis",
      files,
      identical: files,
      findings: [],
    },
    packages: { matched: 38, total: 38, differences: [] },
    ok: true,
  };
}

const render = (files: number) =>
  renderRestores([
    { environment: ENV, snapshot: SNAPSHOT, outcome: "restored", record: record(files), now: true },
  ]);

describe("the restores a reconcile prints", () => {
  it("counts the home's files that came back identical", () => {
    expect(render(2)).toBe(
      `restores:\n  ✓ restored  ${ENV} from ${SNAPSHOT}: 38/38 packages match, 2/2 files identical in its home, in 6.2 s`,
    );
  });

  it("with overwrite, lists what was replaced and where it is kept, or says nothing was (not '0 files replaced … kept in' a directory that does not exist)", () => {
    const over = (replaced: { path: string; keptAt: string }[]) =>
      renderRestores([
        {
          environment: ENV,
          snapshot: SNAPSHOT,
          outcome: "restored",
          record: {
            ...record(2),
            home: { ...record(2).home!, keptAside: ".labenv-replaced/20261207T120000Z", replaced },
          },
          now: true,
        },
      ]).split("\n");
    expect(over([]).slice(2)).toEqual([
      "      overwrite: no file of the home was in the way of the snapshot's (nothing was replaced, nothing kept aside)",
    ]);
    expect(
      over([
        { path: "analysis.ipynb", keptAt: ".labenv-replaced/20261207T120000Z/analysis.ipynb" },
      ]).slice(2),
    ).toEqual([
      "      overwrite: 1 file of the home replaced by the snapshot's; the replaced versions are kept in /labs/genomics-core/environments/rnaseq-thesis/.labenv-replaced/20261207T120000Z/ (nothing was deleted)",
      "        analysis.ipynb → .labenv-replaced/20261207T120000Z/analysis.ipynb",
    ]);
  });

  it("says a snapshot of an empty home restored none, instead of '0/0 files identical'", () => {
    expect(render(0)).toBe(
      `restores:\n  ✓ restored  ${ENV} from ${SNAPSHOT}: 38/38 packages match; the snapshot's home held no files, so none was restored into its home, in 6.2 s`,
    );
  });
});
