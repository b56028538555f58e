import {
  DeleteRecoveryPointCommand,
  DescribeBackupVaultCommand,
  DescribeRecoveryPointCommand,
  ListRecoveryPointsByBackupVaultCommand,
  ListTagsCommand,
  StartBackupJobCommand,
  UpdateRecoveryPointLifecycleCommand,
  type DescribeRecoveryPointCommandOutput,
  type RecoveryPointByBackupVault,
} from "@aws-sdk/client-backup";
import { DescribeFileSystemsCommand } from "@aws-sdk/client-efs";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import { DAY_MS } from "../../core/snapshots/days.js";
import { holdTagsOf, pruneRefusal } from "../../core/snapshots/prune-guard.js";
import { isNotFound } from "./aws-failure.js";
import { todayOf } from "./ebs-snapshot-driver.js";
import type { BackupJobSpec, ObservedResource } from "../../core/model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import { clientToken } from "./client-token.js";
import { PROVIDER_TAG, identityOf, ownedTags } from "./labenv-tags.js";
import {
  desiredOf,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";
import { findTagged, type TaggedResource } from "./tagged-resources.js";
import { decodeTagValue, encodeTagValue } from "./tag-value.js";

const RECOVERY_POINT = "backup:recovery-point";

/**
 * On-demand AWS Backup jobs of the EFS file system (EFS has no snapshot API).
 * What remains of a job is its recovery point, tagged with the job's key; a
 * job is started once, and its recovery point deleted only when a keep policy
 * prunes a scheduled snapshot, from labenv's vault, after its tags say it is
 * one (`pruneRefusal`).
 */
export const backupJobDriver: ResourceDriver<"backup-job"> = {
  kind: "backup-job",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"backup-job">[]> {
    const byKey = new Map<string, ObservedResource<"backup-job">>();
    const found = await findTagged(ctx, RECOVERY_POINT);
    // Where each point is (warm or cold storage) and its lifecycle: one listing of the vault.
    const points = found.length > 0 ? await vaultPoints(ctx) : new Map();
    const now = ctx.now?.() ?? new Date();
    for (const f of found) {
      const observed = observedRecoveryPoint(f, points.get(f.arn), now);
      if (observed !== undefined && !byKey.has(observed.key)) byKey.set(observed.key, observed);
    }
    return [...byKey.values()];
  },

  async apply(action: Action, _resolve, ctx: DriverContext): Promise<AppliedResource> {
    const cold = action.changes.find((c) => c.field === "coldStorageAfterDays");
    if (action.outcome === "update" && cold && action.observed)
      return setLifecycle(action, cold.to, ctx);
    const desired = desiredOf(action, "backup-job");
    const [existing] = await findTagged(ctx, RECOVERY_POINT, desired.key);
    if (existing !== undefined) return { key: desired.key, id: existing.arn };
    const { backupVaultName, backupRoleArn } = ctx.config;
    if (backupVaultName === undefined || backupRoleArn === undefined) {
      throw new LabenvError("config", `backup job ${desired.key} needs a backup vault and role`, {
        hint: "Set backupVaultName and backupRoleArn in the AWS provider configuration (outputs of infra/).",
      });
    }
    const fileSystems = await ctx.clients.efs.send(
      new DescribeFileSystemsCommand({ FileSystemId: ctx.config.fileSystemId }),
    );
    const fileSystemArn = fileSystems.FileSystems?.[0]?.FileSystemArn;
    if (fileSystemArn === undefined)
      throw new LabenvError("provider", `file system ${ctx.config.fileSystemId} not found`);
    const started = await ctx.clients.backup.send(
      new StartBackupJobCommand({
        BackupVaultName: backupVaultName,
        ResourceArn: fileSystemArn,
        IamRoleArn: backupRoleArn,
        IdempotencyToken: clientToken(desired.key, desired.specHash),
        // Cold storage after the request's warmAfterDays (default 30); never a deletion date (kept).
        ...(desired.spec.coldStorageAfterDays !== undefined
          ? { Lifecycle: { MoveToColdStorageAfterDays: desired.spec.coldStorageAfterDays } }
          : {}),
        RecoveryPointTags: {
          ...desired.tags,
          [PROVIDER_TAG.accessPoint]: desired.spec.accessPoint,
          [PROVIDER_TAG.trigger]: desired.spec.trigger,
          [PROVIDER_TAG.description]: encodeTagValue(desired.spec.description),
        },
      }),
    );
    return { key: desired.key, id: started.RecoveryPointArn ?? (started.BackupJobId as string) };
  },

  async remove(action: Action, ctx: DriverContext): Promise<AppliedResource> {
    const arn = action.observed?.id ?? "";
    const done = { key: action.key, id: arn };
    const vault = ctx.config.backupVaultName;
    if (vault === undefined)
      throw new LabenvError("config", `pruning ${action.key} needs labenv's backup vault`, {
        hint: "Set backupVaultName in the AWS provider configuration (an output of infra/).",
      });
    if (!/^arn:aws[\w-]*:backup:[^:]*:\d*:recovery-point:[\w-]+$/.test(arn))
      throw new LabenvError(
        "plan",
        `delete ${action.key} names no recovery point (${arn || "no id"})`,
      );
    const point = await describePoint(ctx, vault, arn);
    if (point === "elsewhere")
      throw new LabenvError(
        "plan",
        `refused to delete recovery point ${arn}: it is not in labenv's vault ${vault}`,
      );
    // Already gone, or going (a run that died after deleting it): done.
    if (point === undefined || point.Status === "DELETING") return done;
    const tags = (await ctx.clients.backup.send(new ListTagsCommand({ ResourceArn: arn }))).Tags;
    const refused = pruneRefusal(action.key, tags ?? {}, todayOf(ctx));
    if (refused)
      throw new LabenvError("plan", `refused to delete recovery point ${arn}: ${refused}`);
    const locked = await vaultLockKeeps(ctx, vault, point.CreationDate);
    if (locked)
      throw new LabenvError(
        "provider",
        `recovery point ${arn} is in vault ${vault}, locked (AWS Backup Vault Lock) with a minimum retention of ${locked.days} days: AWS keeps it until ${locked.until}, and its prune waits until then`,
      );
    try {
      await ctx.clients.backup.send(
        new DeleteRecoveryPointCommand({ BackupVaultName: vault, RecoveryPointArn: arn }),
      );
    } catch (e) {
      if (isNotFound(e)) return done;
      if (e instanceof Error && e.name === "InvalidResourceStateException")
        throw new LabenvError(
          "provider",
          `recovery point ${arn} cannot be deleted now (${e.message}): a restore or copy job may be using it, or its backup is not complete; it is kept, and its prune is tried again next run`,
          { cause: e },
        );
      if (e instanceof Error && e.name === "InvalidRequestException")
        throw new LabenvError(
          "provider",
          `AWS Backup refused to delete recovery point ${arn} (${e.message}): a locked vault or a retention setting keeps it; it is kept`,
          { cause: e },
        );
      throw e;
    }
    return done;
  },
};

/** At most this many pages (1,000 points each) of labenv's vault are read per observe. */
const MAX_VAULT_PAGES = 20;

/** labenv's vault's recovery points by ARN (empty without a configured vault). */
async function vaultPoints(ctx: DriverContext): Promise<Map<string, RecoveryPointByBackupVault>> {
  const out = new Map<string, RecoveryPointByBackupVault>();
  const vault = ctx.config.backupVaultName;
  if (vault === undefined) return out;
  let token: string | undefined;
  for (let page = 0; page < MAX_VAULT_PAGES; page++) {
    const listed = await ctx.clients.backup.send(
      new ListRecoveryPointsByBackupVaultCommand({
        BackupVaultName: vault,
        ByResourceType: "EFS",
        MaxResults: 1000,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const p of listed.RecoveryPoints ?? [])
      if (p.RecoveryPointArn) out.set(p.RecoveryPointArn, p);
    token = listed.NextToken;
    if (!token) break;
  }
  return out;
}

/**
 * A recovery point's move to cold storage set (`to` in days after creation), or removed
 * (`none`: AWS Backup's -1 for both days, which keeps the point indefinitely). A deletion date
 * someone set is kept as it was (AWS resets what the call leaves out); labenv never sets one.
 */
async function setLifecycle(
  action: Action,
  to: string,
  ctx: DriverContext,
): Promise<AppliedResource> {
  const arn = action.observed!.id;
  const vault = ctx.config.backupVaultName;
  if (vault === undefined)
    throw new LabenvError("config", `${action.key}: setting its lifecycle needs labenv's vault`, {
      hint: "Set backupVaultName in the AWS provider configuration (an output of infra/).",
    });
  const days = to === "none" ? undefined : Number(to);
  if (days !== undefined && !(Number.isInteger(days) && days > 0))
    throw new LabenvError("plan", `${action.key}: no cold storage move of ${to} days`);
  const kept = action.observed!.lifecycle?.deleteAfterDays;
  await ctx.clients.backup.send(
    new UpdateRecoveryPointLifecycleCommand({
      BackupVaultName: vault,
      RecoveryPointArn: arn,
      Lifecycle:
        days === undefined
          ? kept === undefined
            ? { MoveToColdStorageAfterDays: -1, DeleteAfterDays: -1 }
            : { DeleteAfterDays: kept }
          : {
              MoveToColdStorageAfterDays: days,
              ...(kept !== undefined ? { DeleteAfterDays: kept } : {}),
            },
    }),
  );
  return { key: action.key, id: arn };
}

/** The recovery point in labenv's vault; `elsewhere` when it exists outside it; undefined when gone. */
async function describePoint(
  ctx: DriverContext,
  vault: string,
  arn: string,
): Promise<DescribeRecoveryPointCommandOutput | "elsewhere" | undefined> {
  try {
    return await ctx.clients.backup.send(
      new DescribeRecoveryPointCommand({ BackupVaultName: vault, RecoveryPointArn: arn }),
    );
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  try {
    await ctx.clients.backup.send(new ListTagsCommand({ ResourceArn: arn }));
    return "elsewhere";
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** When the vault is locked with a minimum retention that still keeps a point made at `created`. */
async function vaultLockKeeps(
  ctx: DriverContext,
  vault: string,
  created: Date | undefined,
): Promise<{ days: number; until: string } | undefined> {
  const v = await ctx.clients.backup.send(
    new DescribeBackupVaultCommand({ BackupVaultName: vault }),
  );
  const days = v.MinRetentionDays;
  if (!v.Locked || days === undefined || days <= 0) return undefined;
  // A point whose creation is unknown is kept: a lock is never read as "no lock".
  const until = new Date((created ?? ctx.now?.() ?? new Date()).getTime() + days * DAY_MS);
  const now = ctx.now?.() ?? new Date();
  return until > now || created === undefined
    ? { days, until: until.toISOString().slice(0, 10) }
    : undefined;
}

/** A recovery point mapped back to the job's spec, all from its tags (AWS Backup keeps no description of its own). */
export function observedRecoveryPoint(
  found: TaggedResource,
  /** The point as labenv's vault lists it, when it does: its storage and lifecycle. */
  listed?: RecoveryPointByBackupVault,
  now: Date = new Date(),
): ObservedResource<"backup-job"> | undefined {
  const identity = identityOf(found.tags);
  if (identity === undefined) return undefined;
  const spec: BackupJobSpec = {
    accessPoint: found.tags[PROVIDER_TAG.accessPoint] ?? "",
    description: decodeTagValue(found.tags[PROVIDER_TAG.description] ?? ""),
    trigger: (found.tags[PROVIDER_TAG.trigger] ?? "request") as BackupJobSpec["trigger"],
  };
  return {
    kind: "backup-job",
    ...identity,
    id: found.arn,
    spec,
    // Hold tags ride along (records are never compared by tags): the plan keeps what they hold.
    tags: { ...ownedTags(found.tags), ...holdTagsOf(found.tags) },
    ...(listed ? storageOf(listed, now) : {}),
  };
}

/** AWS Backup's -1 (and nothing) mean "never". */
const lifecycleDays = (n: number | undefined) => (n === undefined || n < 0 ? undefined : n);

/**
 * Where AWS Backup holds a point: cold once its calculated move to cold storage has passed
 * (`CalculatedLifecycle.MoveToColdStorageAt`), warm before and without one; and its lifecycle.
 */
function storageOf(
  p: RecoveryPointByBackupVault,
  now: Date,
): Pick<ObservedResource, "storageClass" | "lifecycle" | "startedAt"> {
  const coldAt = p.CalculatedLifecycle?.MoveToColdStorageAt;
  const cold = lifecycleDays(p.Lifecycle?.MoveToColdStorageAfterDays);
  const del = lifecycleDays(p.Lifecycle?.DeleteAfterDays);
  return {
    storageClass: coldAt !== undefined && coldAt.getTime() <= now.getTime() ? "cold" : "warm",
    lifecycle: {
      ...(cold !== undefined ? { coldStorageAfterDays: cold } : {}),
      ...(del !== undefined ? { deleteAfterDays: del } : {}),
    },
    ...(p.CreationDate ? { startedAt: new Date(p.CreationDate).toISOString() } : {}),
  };
}
