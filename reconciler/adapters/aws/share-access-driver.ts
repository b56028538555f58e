import {
  CreateAccessPointCommand,
  DeleteAccessPointCommand,
  type AccessPointDescription,
} from "@aws-sdk/client-efs";
import type { Action } from "../../core/model/plan.js";
import type { ObservedResource, ShareAccessSpec } from "../../core/model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import { LabenvError } from "../../core/errors.js";
import { isNotFound } from "./aws-failure.js";
import { clientToken } from "./client-token.js";
import { PROVIDER_TAG, fromUpperTags, identityOf, ownedTags, toUpperTags } from "./labenv-tags.js";
import {
  desiredOf,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";
import { findTagged } from "./tagged-resources.js";
import { observedAccessPoints } from "./file-system-access-points.js";

const PREFIX = "share-access:";
const GONE = new Set(["deleting", "deleted", "error"]);

/**
 * A read-only share's access points: one per receiving member, onto the shared home, with no
 * CreationInfo (it never creates or changes the directory). Created with a ClientToken, tagged
 * `labenv:share` — the one tag the reconciler's DeleteAccessPoint permission requires, so no
 * home or dataset access point can ever be deleted — and deleted when the share ends.
 */
export const shareAccessDriver: ResourceDriver<"share-access"> = {
  kind: "share-access",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"share-access">[]> {
    const out: ObservedResource<"share-access">[] = [];
    for (const ap of await observedAccessPoints(ctx)) {
      const observed = observedShareAccess(ap);
      if (observed !== undefined) out.push(observed);
    }
    return out;
  },

  async apply(action: Action, _resolve, ctx: DriverContext): Promise<AppliedResource> {
    if (action.outcome === "delete") {
      const id = action.observed?.id;
      if (id === undefined)
        throw new LabenvError("plan", `delete share-access ${action.key} names no access point`);
      await deleteAccessPoint(ctx, id);
      return { key: action.key, id };
    }
    const desired = desiredOf(action, "share-access");
    const { posixUser, rootDirectory, share, lab, member } = desired.spec;
    const created = await ctx.clients.efs.send(
      new CreateAccessPointCommand({
        ClientToken: clientToken(desired.key, desired.specHash),
        FileSystemId: ctx.config.fileSystemId,
        PosixUser: { Uid: posixUser.uid, Gid: posixUser.gid },
        RootDirectory: { Path: rootDirectory.path },
        Tags: toUpperTags({
          ...desired.tags,
          [PROVIDER_TAG.share]: share,
          [PROVIDER_TAG.shareMember]: `${lab}/${member}`,
        }),
      }),
    );
    const id = created.AccessPointId as string;
    // A replaced one (the member's uid changed) holds nothing: it is deleted.
    for (const { arn } of await findTagged(ctx, "elasticfilesystem:access-point", desired.key)) {
      const other = arn.slice(arn.lastIndexOf("/") + 1);
      if (other !== id) await deleteAccessPoint(ctx, other);
    }
    return { key: desired.key, id };
  },
};

async function deleteAccessPoint(ctx: DriverContext, id: string): Promise<void> {
  try {
    await ctx.clients.efs.send(new DeleteAccessPointCommand({ AccessPointId: id }));
  } catch (e) {
    // Already gone: the revoke is done.
    if (!isNotFound(e)) throw e;
  }
}

/** A share access point described by EFS, mapped back to its spec; anything else is undefined. */
export function observedShareAccess(
  ap: AccessPointDescription,
): ObservedResource<"share-access"> | undefined {
  const tags = fromUpperTags(ap.Tags);
  const identity = identityOf(tags);
  if (identity === undefined || !identity.key.startsWith(PREFIX)) return undefined;
  if (GONE.has(ap.LifeCycleState ?? "")) return undefined;
  const [lab = "", member = ""] = (tags[PROVIDER_TAG.shareMember] ?? "").split("/");
  const spec: ShareAccessSpec = {
    share: tags[PROVIDER_TAG.share] ?? "",
    lab,
    member,
    posixUser: { uid: ap.PosixUser?.Uid ?? -1, gid: ap.PosixUser?.Gid ?? -1 },
    rootDirectory: { path: ap.RootDirectory?.Path ?? "/" },
  };
  return {
    kind: "share-access",
    ...identity,
    id: ap.AccessPointId as string,
    spec,
    tags: ownedTags(tags),
    status: ap.LifeCycleState,
  };
}
