import {
  CreateAccessPointCommand,
  DescribeAccessPointsCommand,
  TagResourceCommand,
  type AccessPointDescription,
} from "@aws-sdk/client-efs";
import type { Action } from "../../core/model/plan.js";
import {
  TAG,
  type AccessPointSpec,
  type DesiredResource,
  type ObservedResource,
} from "../../core/model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import { isNotFound } from "./aws-failure.js";
import { clientToken } from "./client-token.js";
import {
  PROVIDER_TAG,
  fromUpperTags,
  identityOf,
  ownedTags,
  staleTags,
  toUpperTags,
} from "./labenv-tags.js";
import { sameSpec } from "./same-spec.js";
import {
  desiredOf,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";
import { findTagged } from "./tagged-resources.js";
import { observedAccessPoints } from "./file-system-access-points.js";

const GONE = new Set(["deleting", "deleted", "error"]);

/**
 * EFS access points: one per researcher home and per dataset mount. They are
 * immutable in EFS, so a changed spec makes a new access point and retires the
 * old one with the `labenv:retired` tag; none is ever deleted.
 */
export const accessPointDriver: ResourceDriver<"access-point"> = {
  kind: "access-point",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"access-point">[]> {
    const byKey = new Map<string, ObservedResource<"access-point">>();
    const extra = new Map<string, string[]>();
    for (const ap of await observedAccessPoints(ctx)) {
      const observed = observedAccessPoint(ap);
      if (observed === undefined) continue;
      if (!byKey.has(observed.key)) byKey.set(observed.key, observed);
      else extra.set(observed.key, [...(extra.get(observed.key) ?? []), observed.id]);
    }
    // A replacement cut short (created, not yet retired) leaves two live access points for one key: the first is kept, the others reported.
    return [...byKey.values()].map((o) => {
      const duplicates = extra.get(o.key);
      return duplicates === undefined ? o : { ...o, duplicates: duplicates.sort() };
    });
  },

  async apply(action: Action, _resolve, ctx: DriverContext): Promise<AppliedResource> {
    const desired = desiredOf(action, "access-point");
    const live = await findLive(ctx, desired.key);
    const current = live.find(
      (c) => c.tags[TAG.specHash] === desired.specHash && sameSpec(c.spec, desired.spec),
    );
    let id: string;
    if (current !== undefined) {
      const stale = staleTags(current.tags, desired.tags);
      if (Object.keys(stale).length > 0)
        await ctx.clients.efs.send(
          new TagResourceCommand({ ResourceId: current.id, Tags: toUpperTags(stale) }),
        );
      id = current.id;
    } else {
      const created = await ctx.clients.efs.send(
        new CreateAccessPointCommand(createInput(ctx, desired)),
      );
      id = created.AccessPointId as string;
    }
    // Every other live access point of the key is retired: the one replaced, and any a replacement cut short left behind.
    for (const other of live) if (other.id !== id) await retire(ctx, other.arn, id);
    return { key: desired.key, id };
  },
};

function createInput(ctx: DriverContext, desired: DesiredResource<"access-point">) {
  const { posixUser, rootDirectory, purpose } = desired.spec;
  return {
    ClientToken: clientToken(desired.key, desired.specHash),
    FileSystemId: ctx.config.fileSystemId,
    PosixUser: { Uid: posixUser.uid, Gid: posixUser.gid },
    RootDirectory: {
      Path: rootDirectory.path,
      CreationInfo: {
        OwnerUid: rootDirectory.owner.uid,
        OwnerGid: rootDirectory.owner.gid,
        Permissions: rootDirectory.permissions,
      },
    },
    Tags: toUpperTags({ ...desired.tags, [PROVIDER_TAG.purpose]: purpose }),
  };
}

/** AWS's description mapped back to the spec: secondary gids, owner id, ARN and lifecycle are AWS's own. */
export function observedAccessPoint(
  ap: AccessPointDescription,
): ObservedResource<"access-point"> | undefined {
  const tags = fromUpperTags(ap.Tags);
  const identity = identityOf(tags);
  if (
    identity === undefined ||
    // A share's access points are their own kind (share-access-driver.ts).
    !identity.key.startsWith("access-point:") ||
    tags[TAG.retired] !== undefined ||
    GONE.has(ap.LifeCycleState ?? "")
  )
    return undefined;
  const creation = ap.RootDirectory?.CreationInfo;
  const spec: AccessPointSpec = {
    purpose: tags[PROVIDER_TAG.purpose] ?? "",
    posixUser: { uid: ap.PosixUser?.Uid ?? -1, gid: ap.PosixUser?.Gid ?? -1 },
    rootDirectory: {
      path: ap.RootDirectory?.Path ?? "/",
      owner: { uid: creation?.OwnerUid ?? -1, gid: creation?.OwnerGid ?? -1 },
      permissions: creation?.Permissions ?? "",
    },
  };
  return {
    kind: "access-point",
    ...identity,
    id: ap.AccessPointId as string,
    spec,
    tags: ownedTags(tags),
    status: ap.LifeCycleState,
  };
}

interface CurrentAccessPoint {
  id: string;
  arn: string;
  tags: Record<string, string>;
  spec: AccessPointSpec;
}

/**
 * Every live (not retired) access point carrying this key: found through the
 * Tagging API (one call, however many access points), then described, since the
 * Tagging API lags behind and its tags may be stale.
 */
async function findLive(ctx: DriverContext, key: string): Promise<CurrentAccessPoint[]> {
  const live: CurrentAccessPoint[] = [];
  for (const { arn } of await findTagged(ctx, "elasticfilesystem:access-point", key)) {
    const ap = await describeOne(ctx, arn.slice(arn.lastIndexOf("/") + 1));
    if (ap === undefined || ap.FileSystemId !== ctx.config.fileSystemId) continue;
    const observed = observedAccessPoint(ap);
    if (observed === undefined || observed.key !== key) continue;
    live.push({ id: observed.id, arn, tags: fromUpperTags(ap.Tags), spec: observed.spec });
  }
  return live;
}

async function describeOne(
  ctx: DriverContext,
  id: string,
): Promise<AccessPointDescription | undefined> {
  try {
    return (await ctx.clients.efs.send(new DescribeAccessPointsCommand({ AccessPointId: id })))
      .AccessPoints?.[0];
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** The old access point stays with its directory; tagged retired, it is no longer observed or used. */
async function retire(ctx: DriverContext, arn: string, replacedBy: string): Promise<void> {
  const id = arn.slice(arn.lastIndexOf("/") + 1);
  await ctx.clients.efs.send(
    new TagResourceCommand({ ResourceId: id, Tags: [{ Key: TAG.retired, Value: replacedBy }] }),
  );
}
