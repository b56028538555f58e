// The sandbox makes the same last check as AWS before a prune deletes: a hand-edited account
// file or plan that names a snapshot no schedule took, or one on hold, deletes nothing.
import { describe, expect, it } from "vitest";
import { backupJobDriver } from "../../../reconciler/adapters/sandbox/drivers/backup-job.js";
import { ebsSnapshotDriver } from "../../../reconciler/adapters/sandbox/drivers/ebs-snapshot.js";
import type { SandboxAccount } from "../../../reconciler/adapters/sandbox/sandbox-account.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource, ResourceKind } from "../../../reconciler/core/model/resources.js";

const E = "genomics-core/rnaseq";
const NAME = "scheduled-20261101-0300";
const NOW = new Date("2026-12-07T12:00:00Z");
const tags = (kind: string, extra: Record<string, string> = {}) => ({
  "labenv:lab": "genomics-core",
  "labenv:environment": E,
  "labenv:resource": `${kind}:${E}/${NAME}`,
  ...extra,
});
const account = (snapTags: Record<string, string>, jobTags: Record<string, string>) =>
  ({
    snapshots: [
      {
        id: "snap-1",
        volumeId: "vol-1",
        description: "",
        state: "completed",
        startTime: "",
        tags: snapTags,
      },
    ],
    backupJobs: [
      {
        id: "JOB-1",
        resourceArn: "",
        recoveryPointArn: "",
        state: "COMPLETED",
        creationDate: "",
        tags: jobTags,
      },
    ],
  }) as unknown as SandboxAccount;
const del = (kind: ResourceKind, id: string): Action => ({
  outcome: "delete",
  kind,
  key: `${kind}:${E}/${NAME}`,
  environment: E,
  observed: {
    kind,
    key: `${kind}:${E}/${NAME}`,
    environment: E,
    id,
    spec: {},
    tags: {},
  } as unknown as ObservedResource,
  changes: [],
  reason: "pruned",
});

describe("sandbox prune deletes", () => {
  it.each([
    ["taken by a schedule", { "labenv:trigger": "schedule" }, undefined],
    [
      "taken for a document (the account file edited to a slot's key)",
      { "labenv:trigger": "request" },
      /not taken by a schedule/,
    ],
    ["with no trigger recorded (taken before triggers were kept)", {}, /not taken by a schedule/],
    ["on legal hold", { "labenv:trigger": "schedule", "labenv:legal-hold": "true" }, /legal hold/],
  ])("a volume snapshot and backup %s", (_n, extra, refused) => {
    const a = account(tags("ebs-snapshot", extra), tags("backup-job", extra));
    const snaps = () => ebsSnapshotDriver().remove!(a, del("ebs-snapshot", "snap-1"), NOW);
    const jobs = () => backupJobDriver().remove!(a, del("backup-job", "JOB-1"), NOW);
    if (refused) {
      expect(snaps).toThrow(refused);
      expect(jobs).toThrow(refused);
      expect([a.snapshots.length, a.backupJobs.length]).toEqual([1, 1]);
    } else {
      snaps();
      jobs();
      expect([a.snapshots.length, a.backupJobs.length]).toEqual([0, 0]);
      // Already gone: done.
      expect(snaps()).toEqual({ key: `ebs-snapshot:${E}/${NAME}`, id: "snap-1" });
    }
  });
});
