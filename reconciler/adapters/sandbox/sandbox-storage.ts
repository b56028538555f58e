import type { Action } from "../../core/model/plan.js";
import type {
  AccessPointSpec,
  BackupJobSpec,
  EbsSnapshotSpec,
  ObservedResource,
} from "../../core/model/resources.js";
import { TAG } from "../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "./sandbox-account.js";

/** EFS CreateAccessPoint: a ClientToken seen before returns the access point it created. */
export function createAccessPoint(
  account: SandboxAccount,
  action: Action,
  now: Date,
): AppliedResource {
  const spec = action.desired!.spec as AccessPointSpec;
  const token = `${action.key}#${action.desired!.specHash}`.slice(0, 64);
  const existing = account.accessPoints.find((a) => a.clientToken === token);
  if (existing) return { key: action.key, id: existing.id };
  checkTags(action.desired!.tags);
  if (!spec.rootDirectory.path.startsWith("/"))
    throw awsError("BadRequest", "RootDirectory Path must be an absolute path");
  if (account.accessPoints.length >= 10000)
    throw awsError(
      "AccessPointLimitExceeded",
      "You have reached the maximum number of access points for this file system",
    );
  if (action.outcome === "replace" && action.observed) {
    // Access points are immutable: the old one (and its directory) is kept, tagged as retired.
    const old = account.accessPoints.find((a) => a.id === action.observed!.id);
    if (old) old.tags = { ...old.tags, [TAG.retired]: now.toISOString() };
  }
  const id = nextId(account, "fsap-", 17);
  account.accessPoints.push({
    id,
    arn: arn(account, "elasticfilesystem", `access-point/${id}`),
    clientToken: token,
    posixUser: { ...spec.posixUser },
    rootDirectory: JSON.parse(JSON.stringify(spec.rootDirectory)),
    tags: { ...action.desired!.tags, Name: action.key.split(":")[1]! },
  });
  return { key: action.key, id };
}

/** EC2 CreateSnapshot of the volume attached to the service's running task. */
export function createSnapshot(
  account: SandboxAccount,
  action: Action,
  resolve: ResolveId,
  now: Date,
): AppliedResource {
  const spec = action.desired!.spec as EbsSnapshotSpec;
  const existing = account.snapshots.find((s) => s.tags[TAG.resource] === action.key);
  if (existing) return { key: action.key, id: existing.id };
  const serviceArn = resolve(spec.service);
  const task = account.tasks.find((t) => t.serviceArn === serviceArn && t.lastStatus === "RUNNING");
  if (!task)
    throw awsError(
      "IncorrectState",
      `service ${spec.service} has no running task, so there is no volume to snapshot`,
    );
  checkTags(action.desired!.tags);
  const id = nextId(account, "snap-", 17);
  account.snapshots.push({
    id,
    volumeId: task.volumeId,
    description: spec.description.slice(0, 255),
    state: "completed",
    startTime: now.toISOString(),
    tags: { ...action.desired!.tags },
  });
  return { key: action.key, id };
}

/** AWS Backup StartBackupJob on the file system that holds the access point's directory. */
export function startBackupJob(
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
  account.backupJobs.push({
    id,
    resourceArn: arn(account, "elasticfilesystem", `file-system/${account.fileSystemId}`),
    state: "COMPLETED",
    creationDate: now.toISOString(),
    recoveryPointArn: arn(account, "backup", `recovery-point:${id}`),
    tags: { ...action.desired!.tags, "labenv:root-directory": ap.rootDirectory.path },
  });
  return { key: action.key, id };
}

export function observeStorage(account: SandboxAccount): ObservedResource[] {
  const out: ObservedResource[] = [];
  for (const a of account.accessPoints) {
    const key = a.tags[TAG.resource];
    if (!key || a.tags[TAG.retired]) continue;
    const purpose = key.endsWith("/home") ? "home" : `dataset:${key.split("/dataset/")[1]}`;
    const spec: AccessPointSpec = {
      purpose,
      posixUser: { ...a.posixUser },
      rootDirectory: JSON.parse(JSON.stringify(a.rootDirectory)),
    };
    out.push({
      kind: "access-point",
      key,
      environment: a.tags[TAG.environment] ?? "",
      id: a.id,
      spec,
      tags: owned(a.tags),
      status: "available",
    });
  }
  for (const s of account.snapshots) {
    const key = s.tags[TAG.resource];
    if (!key) continue;
    out.push({
      kind: "ebs-snapshot",
      key,
      environment: s.tags[TAG.environment] ?? "",
      id: s.id,
      spec: { service: "", description: s.description, trigger: "request" },
      tags: owned(s.tags),
      status: s.state,
    });
  }
  for (const b of account.backupJobs) {
    const key = b.tags[TAG.resource];
    if (!key) continue;
    out.push({
      kind: "backup-job",
      key,
      environment: b.tags[TAG.environment] ?? "",
      id: b.id,
      spec: { accessPoint: "", description: "", trigger: "request" },
      tags: owned(b.tags),
      status: b.state,
    });
  }
  return out;
}

/** Only the tags labenv owns take part in comparisons. */
export function owned(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => k.startsWith("labenv:")));
}
