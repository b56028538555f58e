import {
  CreateSnapshotCommand,
  DeleteSnapshotCommand,
  DescribeSnapshotsCommand,
  ModifySnapshotTierCommand,
  RestoreSnapshotTierCommand,
  paginateDescribeSnapshots,
  type Snapshot,
} from "@aws-sdk/client-ec2";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import { holdTagsOf, pruneRefusal } from "../../core/snapshots/prune-guard.js";
import { isNotFound } from "./aws-failure.js";
import { TAG, type EbsSnapshotSpec, type ObservedResource } from "../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import { PROVIDER_TAG, fromUpperTags, identityOf, ownedTags, toUpperTags } from "./labenv-tags.js";
import { createOnce, withoutBlindRetry } from "./create-once.js";
import { jupyterVolumeOf } from "./jupyter-volume.js";
import { asciiDescription, decodeTagValue, encodeTagValue } from "./tag-value.js";
import {
  desiredOf,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";

/**
 * EBS snapshots of a service's /opt/jupyter volume, taken before a task is
 * replaced or stopped for good, on request or on a schedule. Point-in-time
 * copies: never updated; deleted only when a keep policy prunes a scheduled
 * one, after its tags say it is one (`pruneRefusal`).
 */
export const ebsSnapshotDriver: ResourceDriver<"ebs-snapshot"> = {
  kind: "ebs-snapshot",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"ebs-snapshot">[]> {
    const byKey = new Map<
      string,
      { observed: ObservedResource<"ebs-snapshot">; started: number; others: string[] }
    >();
    const pages = paginateDescribeSnapshots(
      { client: ctx.clients.ec2 },
      {
        OwnerIds: ["self"],
        Filters: [{ Name: "tag-key", Values: [TAG.resource] }],
        MaxResults: 1000,
      },
    );
    for await (const page of pages) {
      for (const snapshot of page.Snapshots ?? []) {
        const observed = observedSnapshot(snapshot);
        const started = snapshot.StartTime?.getTime() ?? 0;
        if (observed === undefined) continue;
        const earlier = byKey.get(observed.key);
        if (earlier === undefined) byKey.set(observed.key, { observed, started, others: [] });
        else if (started > earlier.started)
          byKey.set(observed.key, {
            observed,
            started,
            others: [...earlier.others, earlier.observed.id],
          });
        else earlier.others.push(observed.id);
      }
    }
    // One snapshot per key: the newest is reported, any other is a duplicate (a retried CreateSnapshot).
    return [...byKey.values()].map((v) =>
      v.others.length === 0 ? v.observed : { ...v.observed, duplicates: v.others.sort() },
    );
  },

  async apply(action: Action, resolve: ResolveId, ctx: DriverContext): Promise<AppliedResource> {
    const tier = action.changes.find((c) => c.field === "storageTier");
    if (action.outcome === "update" && tier && action.observed)
      return moveTier(action.key, action.observed.id, tier.to, ctx);
    const desired = desiredOf(action, "ebs-snapshot");
    const taken = await takenSnapshot(ctx, desired.key);
    if (taken !== undefined) return { key: desired.key, id: taken };
    const volumeId = await jupyterVolumeOf(ctx, desired.spec.service, resolve);
    const tags = {
      ...desired.tags,
      [PROVIDER_TAG.service]: desired.spec.service,
      [PROVIDER_TAG.trigger]: desired.spec.trigger,
      [PROVIDER_TAG.description]: encodeTagValue(desired.spec.description),
    };
    // CreateSnapshot takes no idempotency token: after a lost reply, look for the snapshot by its tag before taking another.
    const id = await createOnce(
      `snapshot ${volumeId}`,
      async () => {
        const created = await ctx.clients.ec2.send(
          withoutBlindRetry(
            new CreateSnapshotCommand({
              VolumeId: volumeId,
              Description: asciiDescription(desired.spec.description),
              TagSpecifications: [{ ResourceType: "snapshot", Tags: toUpperTags(tags) }],
            }),
          ),
        );
        return created.SnapshotId as string;
      },
      () => takenSnapshot(ctx, desired.key),
    );
    return { key: desired.key, id };
  },

  async remove(action: Action, ctx: DriverContext): Promise<AppliedResource> {
    const id = action.observed?.id ?? "";
    if (!/^snap-[0-9a-f]+$/.test(id))
      throw new LabenvError(
        "plan",
        `delete ${action.key} names no volume snapshot (${id || "no id"})`,
      );
    let held: Snapshot | undefined;
    try {
      const found = await ctx.clients.ec2.send(
        new DescribeSnapshotsCommand({ OwnerIds: ["self"], SnapshotIds: [id] }),
      );
      held = found.Snapshots?.find((s) => s.SnapshotId === id);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    // Already gone (a run that died after deleting it): done.
    if (held === undefined) return { key: action.key, id };
    const refused = pruneRefusal(action.key, fromUpperTags(held.Tags), todayOf(ctx));
    if (refused)
      throw new LabenvError("plan", `refused to delete volume snapshot ${id}: ${refused}`);
    try {
      await ctx.clients.ec2.send(new DeleteSnapshotCommand({ SnapshotId: id }));
    } catch (e) {
      if (isNotFound(e)) return { key: action.key, id };
      if (e instanceof Error && e.name === "InvalidSnapshot.InUse")
        throw new LabenvError(
          "provider",
          `volume snapshot ${id} is in use (${e.message}): it is kept, and its prune is tried again next run`,
          {
            cause: e,
            hint: "An AMI or a pending volume uses it; deregister that first if it may go.",
          },
        );
      throw e;
    }
    return { key: action.key, id };
  },
};

/**
 * A volume snapshot to the EBS archive tier (`ModifySnapshotTier`), or back from it
 * (`RestoreSnapshotTier`, permanently: AWS takes 24–72 hours). Safe to repeat: a snapshot
 * already in that tier, or already being restored, is done.
 */
async function moveTier(
  key: string,
  id: string,
  to: string,
  ctx: DriverContext,
): Promise<AppliedResource> {
  try {
    if (to === "archive")
      await ctx.clients.ec2.send(
        new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: "archive" }),
      );
    else if (to === "standard")
      await ctx.clients.ec2.send(
        new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true }),
      );
    else throw new LabenvError("plan", `${key}: no EBS storage tier ${to}`);
  } catch (e) {
    // "already archived", "already being restored": the move is under way or done.
    if (!(e instanceof Error && e.name === "IncorrectState" && /already|progress/i.test(e.message)))
      throw e;
  }
  return { key, id };
}

/** Today (UTC, ISO date) by the driver's clock. */
export function todayOf(ctx: DriverContext): string {
  return (ctx.now?.() ?? new Date()).toISOString().slice(0, 10);
}

/** The id of a snapshot already taken for this key (tags are written with the snapshot, so it is found at once). */
async function takenSnapshot(ctx: DriverContext, key: string): Promise<string | undefined> {
  const existing = await ctx.clients.ec2.send(
    new DescribeSnapshotsCommand({
      OwnerIds: ["self"],
      Filters: [{ Name: `tag:${TAG.resource}`, Values: [key] }],
    }),
  );
  return existing.Snapshots?.find((s) => s.State !== "error")?.SnapshotId;
}

/**
 * AWS's description mapped back to the spec: progress, size, encryption and
 * owner are AWS's own. The reason comes from the `labenv:description` tag (the
 * EC2 description is an ASCII copy for people).
 */
export function observedSnapshot(snapshot: Snapshot): ObservedResource<"ebs-snapshot"> | undefined {
  const tags = fromUpperTags(snapshot.Tags);
  const identity = identityOf(tags);
  if (identity === undefined || snapshot.State === "error") return undefined;
  const spec: EbsSnapshotSpec = {
    service: tags[PROVIDER_TAG.service] ?? "",
    description: decodeTagValue(tags[PROVIDER_TAG.description] ?? snapshot.Description ?? ""),
    trigger: (tags[PROVIDER_TAG.trigger] ?? "request") as EbsSnapshotSpec["trigger"],
  };
  return {
    kind: "ebs-snapshot",
    ...identity,
    id: snapshot.SnapshotId as string,
    spec,
    // Hold tags ride along (records are never compared by tags): the plan keeps what they hold.
    tags: { ...ownedTags(tags), ...holdTagsOf(tags) },
    status: snapshot.State,
    ...(snapshot.StorageTier === "archive" || snapshot.StorageTier === "standard"
      ? { storageTier: snapshot.StorageTier }
      : {}),
    ...(snapshot.StartTime ? { startedAt: new Date(snapshot.StartTime).toISOString() } : {}),
  };
}
