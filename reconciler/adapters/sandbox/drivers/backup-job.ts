import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type BackupJobSpec } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, nextId, type SandboxAccount } from "../sandbox-account.js";
import type { SandboxStorage } from "../sandbox-storage.js";
import { LabenvError } from "../../../core/errors.js";
import { pruneRefusal } from "../../../core/snapshots/prune-guard.js";
import { TRIGGER_TAG, owned, triggerOf, type SandboxDriver } from "./sandbox-driver.js";

/**
 * AWS Backup StartBackupJob on the file system that holds the access point's directory. With
 * `storage`, the whole file system's files are really stored as the recovery point (what a
 * snapshot's manifest lists and a restore brings back).
 */
function startBackupJob(
  storage: SandboxStorage | undefined,
  account: SandboxAccount,
  action: Action,
  resolve: ResolveId,
  now: Date,
): AppliedResource {
  const spec = action.desired!.spec as BackupJobSpec;
  const existing = account.backupJobs.find((b) => b.tags[TAG.resource] === action.key);
  if (existing) return { key: action.key, id: existing.id };
  const ap = account.accessPoints.find((a) => a.id === resolve(spec.accessPoint));
  if (!ap)
    throw awsError(
      "ResourceNotFoundException",
      `access point for ${spec.accessPoint} does not exist`,
    );
  const id = nextId(account, "", 32)
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")
    .toUpperCase();
  storage?.backUp(id, now.toISOString());
  account.backupJobs.push({
    id,
    resourceArn: arn(account, "elasticfilesystem", `file-system/${account.fileSystemId}`),
    state: "COMPLETED",
    creationDate: now.toISOString(),
    recoveryPointArn: arn(account, "backup", `recovery-point:${id}`),
    tags: {
      ...action.desired!.tags,
      "labenv:root-directory": ap.rootDirectory.path,
      [TRIGGER_TAG]: spec.trigger,
    },
  });
  return { key: action.key, id };
}

function observe(account: SandboxAccount): ObservedResource<"backup-job">[] {
  const out: ObservedResource<"backup-job">[] = [];
  for (const b of account.backupJobs) {
    const key = b.tags[TAG.resource];
    if (!key) continue;
    out.push({
      kind: "backup-job",
      key,
      environment: b.tags[TAG.environment] ?? "",
      id: b.id,
      spec: { accessPoint: "", description: "", trigger: triggerOf(b.tags) },
      tags: owned(b.tags),
      status: b.state,
    });
  }
  return out;
}

/**
 * AWS Backup DeleteRecoveryPoint (the job's record goes with it): only ever for a scheduled
 * snapshot a keep policy prunes, after the same check of its tags as on AWS (`pruneRefusal`). One
 * already gone is done. Contents other recovery points share stay stored.
 */
function deleteRecoveryPoint(
  storage: SandboxStorage | undefined,
  account: SandboxAccount,
  action: Action,
  now: Date,
): AppliedResource {
  const id = action.observed!.id;
  const held = account.backupJobs.find((b) => b.id === id);
  if (!held) return { key: action.key, id };
  const refused = pruneRefusal(action.key, held.tags, now.toISOString());
  if (refused) throw new LabenvError("plan", `refused to delete recovery point ${id}: ${refused}`);
  storage?.forget(id);
  account.backupJobs = account.backupJobs.filter((b) => b.id !== id);
  return { key: action.key, id };
}

/** AWS Backup jobs of the EFS file system; with `storage`, recovery points hold real files. */
export function backupJobDriver(storage?: SandboxStorage): SandboxDriver<"backup-job"> {
  return {
    kind: "backup-job",
    observe,
    apply: (account, action, resolve, now) =>
      startBackupJob(storage, account, action, resolve, now),
    remove: (account, action, now) => deleteRecoveryPoint(storage, account, action, now),
  };
}
