// A restore's attempts as pure decisions: what a restore job's status leads to (wait, move, a new
// job after a transient ending, bounded, then a failure naming every job), which restores the plan
// shows as retried, and which attempt's record counts as done.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import {
  restoreAttempt,
  restoreRetries,
} from "../../../reconciler/core/snapshots/restore-attempt.js";
import {
  RESTORE_JOB_TRIES,
  nextRestoreJob,
} from "../../../reconciler/core/snapshots/restore-job-retry.js";
import {
  doneRestores,
  previousAttempts,
  restoreObjects,
} from "../../../reconciler/core/snapshots/restore.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";

const SNAPSHOT = "genomics-core/rnaseq/thesis";
const ENV = "genomics-core/rnaseq";
const job = (id: string, status: string, statusMessage?: string) => ({
  restoreJobId: id,
  status,
  ...(statusMessage ? { statusMessage } : {}),
});

function repo(restoreFrom: Record<string, unknown> | undefined) {
  const files = editYaml(exampleFiles(), `environments/${ENV}/environment.yaml`, (d) =>
    restoreFrom ? d.setIn(["spec", "restoreFrom"], restoreFrom) : d,
  );
  return loadRepository(files, createSchemaValidator()).repository;
}

describe("nextRestoreJob", () => {
  it.each([
    ["PENDING", [], { next: "wait" }],
    ["RUNNING", [], { next: "wait" }],
    ["UNKNOWN", [], { next: "wait" }],
    ["COMPLETED", [], { next: "move" }],
    ["COMPLETED", [job("j1", "FAILED"), job("j2", "ABORTED")], { next: "move" }],
    ["FAILED", [], { next: "retry", job: 2 }],
    ["ABORTED", [], { next: "retry", job: 2 }],
    ["EXPIRED", [job("j1", "FAILED")], { next: "retry", job: 3 }],
  ])("a job %s after %j ended: %j", (status, ended, expected) => {
    expect(nextRestoreJob(job("j", status), ended, 1)).toEqual(expected);
  });

  it(`fails after ${RESTORE_JOB_TRIES} jobs ended so, naming each with AWS Backup's words`, () => {
    const r = nextRestoreJob(
      job("j3", "FAILED", "Access denied"),
      [job("j1", "FAILED", "Access denied"), job("j2", "EXPIRED")],
      2,
    );
    expect(r).toEqual({
      next: "fail",
      reason:
        "AWS Backup ended all 3 restore jobs of attempt 2 without restoring (j1 FAILED (Access denied); j2 EXPIRED; j3 FAILED (Access denied)); labenv retried 2 times by itself and stops here. The files each job restored, if any, stay where AWS Backup put them; fix what AWS Backup names first",
    });
  });
});

describe("restoreRetries", () => {
  it("lists an environment asking for attempt 2 or more whose attempt has no record yet", () => {
    const head = repo({ snapshot: SNAPSHOT, attempt: 3 });
    expect(restoreAttempt(head.environments.get(ENV)!)).toBe(3);
    expect(restoreAttempt(repo({ snapshot: SNAPSHOT }).environments.get(ENV)!)).toBe(1);
    expect(restoreRetries(head)).toEqual([
      {
        environment: ENV,
        snapshot: SNAPSHOT,
        attempt: 3,
        reason: expect.stringMatching(
          /^retry: attempt 3 of the restore from genomics-core\/rnaseq\/thesis — .*; attempt 2 stays as it is/,
        ),
      },
    ]);
    expect(restoreRetries(head, { done: new Set([`${ENV} from ${SNAPSHOT}`]) })).toEqual([]);
    expect(restoreRetries(repo({ snapshot: SNAPSHOT }))).toEqual([]);
    expect(
      restoreRetries(head, { previous: new Map([[ENV, "attempt 2 failed at T (why)"]]) })[0]!
        .reason,
    ).toContain("; attempt 2 failed at T (why); ");
  });

  it("in a pull request's preview, only where the pull request raises the attempt", () => {
    const head = repo({ snapshot: SNAPSHOT, attempt: 2 });
    expect(restoreRetries(head, { base: repo({ snapshot: SNAPSHOT }) })).toHaveLength(1);
    expect(restoreRetries(head, { base: head })).toEqual([]);
  });
});

describe("the records of a restore's attempts", () => {
  it("attempt 1 keeps its key; a raised attempt is done only once its own record is written, and the plan says what the one before left", async () => {
    expect(restoreObjects.record(ENV, SNAPSHOT)).toBe(`restores/${ENV}/from/${SNAPSHOT}.json`);
    expect(restoreObjects.record(ENV, SNAPSHOT, 1)).toBe(restoreObjects.record(ENV, SNAPSHOT));
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    await objects.put(
      restoreObjects.record(ENV, SNAPSHOT),
      JSON.stringify({
        environment: ENV,
        snapshot: SNAPSHOT,
        attempt: 1,
        finishedAt: "2026-12-07T05:00:00.000Z",
        failure: { reason: "the restore-move task stopped", mendable: true },
        packages: { matched: 0, total: 0, differences: [] },
        ok: false,
      }),
    );
    const second = repo({ snapshot: SNAPSHOT, attempt: 2 });
    expect(await doneRestores(objects, repo({ snapshot: SNAPSHOT }))).toEqual(
      new Set([`${ENV} from ${SNAPSHOT}`]),
    );
    expect(await doneRestores(objects, second)).toEqual(new Set());
    expect(await previousAttempts(objects, second)).toEqual(
      new Map([
        [ENV, "attempt 1 failed at 2026-12-07T05:00:00.000Z (the restore-move task stopped)"],
      ]),
    );
    expect(await previousAttempts(objects, repo({ snapshot: SNAPSHOT, attempt: 3 }))).toEqual(
      new Map([[ENV, expect.stringMatching(/^attempt 2 has no record/)]]),
    );
    await objects.put(restoreObjects.record(ENV, SNAPSHOT, 2), "{}");
    expect(await doneRestores(objects, second)).toEqual(new Set([`${ENV} from ${SNAPSHOT}`]));
  });
});
