import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileStateStore } from "../../../reconciler/adapters/file/file-state-store.js";

function store() {
  const dir = mkdtempSync(join(tmpdir(), "labenv-state-"));
  mkdirSync(join(dir, "applied"), { recursive: true });
  mkdirSync(join(dir, "runs"), { recursive: true });
  return { dir, state: new FileStateStore(dir) };
}

describe("corrupt file state is a named error (issue 14, item 21)", () => {
  it("an applied record of the wrong shape names the file and the field", async () => {
    const { dir, state } = store();
    const file = join(dir, "applied", "genomics-core__rnaseq.json");
    writeFileSync(file, JSON.stringify({ environment: "genomics-core/rnaseq", resources: "none" }));
    await expect(state.listApplied()).rejects.toMatchObject({
      code: "state",
      message: `${file} is not a valid applied record: commit is missing, expected a string`,
    });
  });

  it("a run record with an unknown outcome, and a lease without a token", async () => {
    const { dir, state } = store();
    writeFileSync(
      join(dir, "runs", "2026-11-23T12-00-00-000Z-r1.json"),
      JSON.stringify({
        id: "r1",
        startedAt: "2026-11-23T12:00:00.000Z",
        commit: "c0ffee",
        trigger: "merge",
        outcome: "exploded",
        summary: {},
      }),
    );
    await expect(state.listRuns(5)).rejects.toThrow(
      /is not a valid run record: outcome is a string \("exploded"\), expected one of succeeded, failed/,
    );
    writeFileSync(join(dir, "lease.json"), JSON.stringify({ owner: "x", expiresAt: "soon" }));
    await expect(state.readLease()).rejects.toThrow(
      /lease\.json is not a valid lease record: token is missing/,
    );
  });
});
