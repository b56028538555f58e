import { StartBackupJobCommand } from "@aws-sdk/client-backup";
import { DescribeFileSystemsCommand } from "@aws-sdk/client-efs";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
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
 * job is started once and never deleted by labenv.
 */
export const backupJobDriver: ResourceDriver<"backup-job"> = {
  kind: "backup-job",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"backup-job">[]> {
    const byKey = new Map<string, ObservedResource<"backup-job">>();
    for (const found of await findTagged(ctx, RECOVERY_POINT)) {
      const observed = observedRecoveryPoint(found);
      if (observed !== undefined && !byKey.has(observed.key)) byKey.set(observed.key, observed);
    }
    return [...byKey.values()];
  },

  async apply(action: Action, _resolve, ctx: DriverContext): Promise<AppliedResource> {
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
        // The warm tier after the request's archiveAfterDays; never a deletion date (kept).
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
};

/** A recovery point mapped back to the job's spec, all from its tags (AWS Backup keeps no description of its own). */
export function observedRecoveryPoint(
  found: TaggedResource,
): ObservedResource<"backup-job"> | undefined {
  const identity = identityOf(found.tags);
  if (identity === undefined) return undefined;
  const spec: BackupJobSpec = {
    accessPoint: found.tags[PROVIDER_TAG.accessPoint] ?? "",
    description: decodeTagValue(found.tags[PROVIDER_TAG.description] ?? ""),
    trigger: (found.tags[PROVIDER_TAG.trigger] ?? "request") as BackupJobSpec["trigger"],
  };
  return { kind: "backup-job", ...identity, id: found.arn, spec, tags: ownedTags(found.tags) };
}
