import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type ShareAccessSpec } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
import { directoryAt } from "../sandbox-efs.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";

const PREFIX = "share-access:";
const PROVIDER_TAGS = ["labenv:share", "labenv:share-member"];

/**
 * EFS CreateAccessPoint without CreationInfo: the access point opens onto the shared home and
 * never creates it. As on EFS, a root directory that does not exist cannot be mounted, so the
 * sandbox refuses it here; a ClientToken seen before returns the access point it created.
 */
function createShareAccess(
  account: SandboxAccount,
  action: Action,
  _resolve: ResolveId,
  _now: Date,
): AppliedResource {
  const spec = action.desired!.spec as ShareAccessSpec;
  const token = `${action.key}#${action.desired!.specHash}`.slice(0, 64);
  const existing = account.accessPoints.find((a) => a.clientToken === token);
  if (existing) return { key: action.key, id: existing.id };
  checkTags(action.desired!.tags);
  if (directoryAt(account, spec.rootDirectory.path) === undefined)
    throw awsError(
      "AccessPointNotFound",
      `the root directory ${spec.rootDirectory.path} of share ${spec.share} does not exist on the file system (the shared home is made when its environment is created)`,
    );
  const id = nextId(account, "fsap-", 17);
  // A replaced access point of the key (a receiving member's uid changed) is deleted: nothing is stored in it.
  account.accessPoints = account.accessPoints.filter((a) => a.tags[TAG.resource] !== action.key);
  account.accessPoints.push({
    id,
    arn: arn(account, "elasticfilesystem", `access-point/${id}`),
    clientToken: token,
    posixUser: { ...spec.posixUser },
    rootDirectory: { path: spec.rootDirectory.path },
    tags: {
      ...action.desired!.tags,
      [PROVIDER_TAGS[0]!]: spec.share,
      [PROVIDER_TAGS[1]!]: `${spec.lab}/${spec.member}`,
      Name: action.key.slice(PREFIX.length),
    },
  });
  return { key: action.key, id };
}

/** EFS DeleteAccessPoint: the access point goes; the directory and every file in it stay. */
function deleteShareAccess(account: SandboxAccount, action: Action, _now: Date): AppliedResource {
  const id = action.observed!.id;
  account.accessPoints = account.accessPoints.filter((a) => a.id !== id);
  return { key: action.key, id };
}

function observe(account: SandboxAccount): ObservedResource<"share-access">[] {
  const out: ObservedResource<"share-access">[] = [];
  for (const a of account.accessPoints) {
    const key = a.tags[TAG.resource];
    if (!key?.startsWith(PREFIX)) continue;
    const [lab, member] = (a.tags[PROVIDER_TAGS[1]!] ?? "/").split("/");
    out.push({
      kind: "share-access",
      key,
      environment: a.tags[TAG.environment] ?? "",
      id: a.id,
      spec: {
        share: a.tags[PROVIDER_TAGS[0]!] ?? "",
        lab: lab!,
        member: member!,
        posixUser: { ...a.posixUser },
        rootDirectory: { path: a.rootDirectory.path },
      },
      // What the provider writes besides the contract tags is not part of the comparison.
      tags: Object.fromEntries(
        Object.entries(owned(a.tags)).filter(([k]) => !PROVIDER_TAGS.includes(k)),
      ),
      status: "available",
    });
  }
  return out;
}

/** A read-only share's access points: one per receiving member, deleted when the share ends. */
export const shareAccessDriver: SandboxDriver<"share-access"> = {
  kind: "share-access",
  observe,
  apply: createShareAccess,
  remove: deleteShareAccess,
};
