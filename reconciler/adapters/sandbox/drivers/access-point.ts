import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type AccessPointSpec } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
import { ensureDirectory } from "../sandbox-efs.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";

/** EFS CreateAccessPoint: a ClientToken seen before returns the access point it created. */
function createAccessPoint(
  account: SandboxAccount,
  action: Action,
  _resolve: ResolveId,
  now: Date,
): AppliedResource {
  const spec = action.desired!.spec as AccessPointSpec;
  const token = `${action.key}#${action.desired!.specHash}`.slice(0, 64);
  const existing = account.accessPoints.find((a) => a.clientToken === token);
  if (existing) {
    if (!existing.tags[TAG.retired]) retireOthers(account, action.key, existing.id, now);
    return { key: action.key, id: existing.id };
  }
  checkTags(action.desired!.tags);
  if (!spec.rootDirectory.path.startsWith("/"))
    throw awsError("BadRequest", "RootDirectory Path must be an absolute path");
  if (account.accessPoints.length >= 10000)
    throw awsError(
      "AccessPointLimitExceeded",
      "You have reached the maximum number of access points for this file system",
    );
  const id = nextId(account, "fsap-", 17);
  // EFS makes the root directory with CreationInfo only if it is not there yet.
  ensureDirectory(account, {
    path: spec.rootDirectory.path,
    owner: { ...spec.rootDirectory.owner },
    permissions: spec.rootDirectory.permissions,
  });
  account.accessPoints.push({
    id,
    arn: arn(account, "elasticfilesystem", `access-point/${id}`),
    clientToken: token,
    posixUser: { ...spec.posixUser },
    rootDirectory: JSON.parse(JSON.stringify(spec.rootDirectory)),
    tags: { ...action.desired!.tags, Name: action.key.split(":")[1]! },
  });
  retireOthers(account, action.key, id, now);
  return { key: action.key, id };
}

/**
 * Access points are immutable: the one replaced, and any other live one of the key (a replacement
 * cut short leaves two), is kept with its directory and tagged retired, as the AWS driver does.
 */
function retireOthers(account: SandboxAccount, key: string, keep: string, now: Date): void {
  for (const a of account.accessPoints)
    if (a.id !== keep && a.tags[TAG.resource] === key && !a.tags[TAG.retired])
      a.tags = { ...a.tags, [TAG.retired]: now.toISOString() };
}

function observe(account: SandboxAccount): ObservedResource<"access-point">[] {
  const out: ObservedResource<"access-point">[] = [];
  for (const a of account.accessPoints) {
    const key = a.tags[TAG.resource];
    // A share's access points are their own kind (share-access).
    if (!key?.startsWith("access-point:") || a.tags[TAG.retired]) continue;
    const kept = out.find((o) => o.key === key);
    if (kept) {
      // Two live access points for one key (a replacement cut short): the first is kept, the others reported.
      kept.duplicates = [...(kept.duplicates ?? []), a.id].sort();
      continue;
    }
    const purpose = key.endsWith("/home") ? "home" : `dataset:${key.split("/dataset/")[1]}`;
    const spec: AccessPointSpec = {
      purpose,
      posixUser: { ...a.posixUser },
      rootDirectory: JSON.parse(
        JSON.stringify(a.rootDirectory),
      ) as AccessPointSpec["rootDirectory"],
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
  return out;
}

/** EFS access points: the directory a home or dataset is mounted from. */
export const accessPointDriver: SandboxDriver<"access-point"> = {
  kind: "access-point",
  observe,
  apply: createAccessPoint,
};
