import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type AccessPointSpec } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
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

function observe(account: SandboxAccount): ObservedResource<"access-point">[] {
  const out: ObservedResource<"access-point">[] = [];
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
  return out;
}

/** EFS access points: the directory a home or dataset is mounted from. */
export const accessPointDriver: SandboxDriver<"access-point"> = {
  kind: "access-point",
  observe,
  apply: createAccessPoint,
};
