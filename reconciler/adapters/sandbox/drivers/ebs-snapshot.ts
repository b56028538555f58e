import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type EbsSnapshotSpec } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
import { TRIGGER_TAG, owned, triggerOf, type SandboxDriver } from "./sandbox-driver.js";
import type { SandboxStorage } from "../sandbox-storage.js";
import { loadExecState } from "../sandbox-exec-state.js";
import { LabenvError } from "../../../core/errors.js";
import { pruneRefusal } from "../../../core/snapshots/prune-guard.js";

/**
 * EC2 CreateSnapshot of the volume attached to the service's running task. With `storage`, the
 * snapshot holds what was installed on the volume beyond the image (`labenv sandbox exec`).
 */
function createSnapshot(
  storage: SandboxStorage | undefined,
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
  const env = action.desired!.tags[TAG.environment] ?? "";
  const exec = storage ? loadExecState(storage.execFile).environments[env] : undefined;
  const held = volumeChangesOf(account, task.volumeId);
  const own = exec && exec.task === task.arn ? exec.changes : [];
  account.snapshots.push({
    id,
    volumeId: task.volumeId,
    description: spec.description.slice(0, 255),
    state: "completed",
    startTime: now.toISOString(),
    tags: { ...action.desired!.tags, [TRIGGER_TAG]: spec.trigger },
    ...(held.length + own.length > 0 ? { changes: [...held, ...own] } : {}),
  });
  return { key: action.key, id };
}

function observe(account: SandboxAccount): ObservedResource<"ebs-snapshot">[] {
  const out: ObservedResource<"ebs-snapshot">[] = [];
  for (const s of account.snapshots) {
    const key = s.tags[TAG.resource];
    if (!key) continue;
    out.push({
      kind: "ebs-snapshot",
      key,
      environment: s.tags[TAG.environment] ?? "",
      id: s.id,
      spec: { service: "", description: s.description, trigger: triggerOf(s.tags) },
      tags: owned(s.tags),
      status: s.state,
      startedAt: s.startTime,
    });
  }
  return out;
}

/** What a volume holds beyond the image: the changes of the snapshot it was restored from. */
export function volumeChangesOf(
  account: SandboxAccount,
  volumeId: string,
): NonNullable<SandboxAccount["snapshots"][number]["changes"]> {
  const v = account.volumes.find((x) => x.id === volumeId);
  if (!v?.restored || !v.fromSnapshot) return [];
  return account.snapshots.find((s) => s.id === v.fromSnapshot)?.changes ?? [];
}

/**
 * EC2 DeleteSnapshot: only ever for a scheduled snapshot a keep policy prunes, after the same
 * check of its tags as on AWS (`pruneRefusal`). One already gone is done.
 */
function deleteSnapshot(account: SandboxAccount, action: Action, now: Date): AppliedResource {
  const id = action.observed!.id;
  const held = account.snapshots.find((s) => s.id === id);
  if (!held) return { key: action.key, id };
  const refused = pruneRefusal(action.key, held.tags, now.toISOString());
  if (refused) throw new LabenvError("plan", `refused to delete volume snapshot ${id}: ${refused}`);
  account.snapshots = account.snapshots.filter((s) => s.id !== id);
  return { key: action.key, id };
}

/** EBS snapshots of the volume a running task has attached. */
export function ebsSnapshotDriver(storage?: SandboxStorage): SandboxDriver<"ebs-snapshot"> {
  return {
    kind: "ebs-snapshot",
    observe,
    apply: (account, action, resolve, now) =>
      createSnapshot(storage, account, action, resolve, now),
    remove: (account, action, now) => deleteSnapshot(account, action, now),
  };
}
