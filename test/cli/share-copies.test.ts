import { describe, expect, it } from "vitest";
import { renderShareCopies } from "../../reconciler/cli/share-copies.js";
import type { ShareCopyRecord } from "../../reconciler/core/shares/snapshot-share-copies.js";

const SHARE = "genomics-core/rnaseq-to-ml-vision";
const SNAPSHOT = "genomics-core/rnaseq/before-genomics-2";
const PATH = "/labs/genomics-core/shares/rnaseq-to-ml-vision/before-genomics-2";

function record(files: number, identical: number): ShareCopyRecord {
  return {
    share: SHARE,
    snapshot: SNAPSHOT,
    manifestDigest: "sha256:0c3c",
    path: PATH,
    restoreDirectory: "/aws-backup-restore_20261207T120000Z",
    placed: "home",
    files,
    identical,
    findings: [],
    ok: files === identical,
    restoredAt: "2026-12-07T12:00:00.000Z",
  };
}

describe("the share copies a reconcile prints", () => {
  it("counts the files that came back identical", () => {
    const text = renderShareCopies([
      { share: SHARE, snapshot: SNAPSHOT, outcome: "restored", record: record(2, 2), now: true },
    ]);
    expect(text).toBe(
      `share copies:\n  ✓ ${SHARE} from ${SNAPSHOT}: 2/2 files identical in ${PATH}`,
    );
  });

  it("says a snapshot of an empty home gave an empty copy, instead of '0/0 files identical'", () => {
    const text = renderShareCopies([
      { share: SHARE, snapshot: SNAPSHOT, outcome: "restored", record: record(0, 0), now: false },
    ]);
    expect(text).toBe(
      `share copies:\n  ✓ ${SHARE} from ${SNAPSHOT}: the snapshot's home held no files, so ${PATH} is empty (earlier)`,
    );
  });
});
