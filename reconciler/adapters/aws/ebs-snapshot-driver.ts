import {
  CreateSnapshotCommand,
  DescribeSnapshotsCommand,
  paginateDescribeSnapshots,
  type Snapshot,
} from "@aws-sdk/client-ec2";
import type { Action } from "../../core/model/plan.js";
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
 * replaced or stopped for good, or on request. Point-in-time copies: never
 * updated, never deleted by labenv.
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
};

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
    tags: ownedTags(tags),
    status: snapshot.State,
  };
}
