import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/** An AWS Backup job of the directory behind an access point (EFS has no snapshot API). */
export interface BackupJobSpec {
  /** The access point whose directory is backed up. */
  accessPoint: string;
  description: string;
  /** Why: as an EBS snapshot's (`schedule`: the only ones a keep policy may prune). */
  trigger: "request" | "schedule" | "before-delete" | "succession" | "share";
  /**
   * Days after which AWS Backup moves the recovery point to cold storage (the warm tier of
   * `core/snapshots/retention.ts`): a Snapshot document's `retention.warmAfterDays`, default 30
   * (never after its `archiveAfterDays`); none for scheduled, share and succession snapshots.
   * Never a deletion: labenv sets no `DeleteAfterDays`, so the point is kept.
   */
  coldStorageAfterDays?: number;
}

/** A record: started once, then only ever reported as taken. */
export const backupJob: KindModule<"backup-job"> = {
  ...KIND_DEFAULTS,
  kind: "backup-job",
  stage: "snapshots",
  dependsOnKinds: ["access-point"],
  lifecycle: "record",
  onChange: "update",
  dependencies: (spec) => [spec.accessPoint],
  createReason: (d) => `back up ${d.environment}'s home: ${d.spec.description}`,
  changeReason: (d, what) => `update backup job ${d.key}: ${what}`,
  deleteReason: (o) => `${o.environment} was removed from git`,
};
