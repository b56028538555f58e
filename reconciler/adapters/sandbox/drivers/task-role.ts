import {
  TASK_ROLE_POLICY_NAME,
  type PolicyDocument,
  type TaskRoleSpec,
} from "../../../core/kinds/task-role.js";
import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource } from "../../../core/model/resources.js";
import type { AppliedResource } from "../../../ports/provider.js";
import { awsError, checkTags, type SandboxAccount, type SandboxRole } from "../sandbox-account.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";

/** IAM's limit on a role's inline policies, in characters (whitespace not counted). */
const INLINE_POLICY_MAX = 10_240;

function checkDocument(what: string, doc: PolicyDocument, trust: boolean): string {
  const text = JSON.stringify(doc);
  if (text.replace(/\s/g, "").length > INLINE_POLICY_MAX)
    throw awsError("LimitExceeded", `${what} exceeds ${INLINE_POLICY_MAX} characters`);
  if (doc.Version !== "2012-10-17")
    throw awsError("MalformedPolicyDocument", `${what}: Version must be 2012-10-17`);
  for (const st of doc.Statement) {
    if (st.Effect !== "Allow" && (st.Effect as string) !== "Deny")
      throw awsError("MalformedPolicyDocument", `${what}: Effect must be Allow or Deny`);
    if (trust ? st.Principal === undefined : st.Principal !== undefined)
      throw awsError(
        "MalformedPolicyDocument",
        trust
          ? `${what}: a trust policy statement needs a Principal`
          : `${what}: has an invalid principal (a permissions policy names none)`,
      );
    if (!trust && (st.Resource ?? []).length === 0)
      throw awsError("MalformedPolicyDocument", `${what}: Policy statement must contain resources`);
  }
  return text;
}

/** IAM CreateRole / PutRolePolicy / UpdateAssumeRolePolicy, with the checks IAM makes. */
function putRole(account: SandboxAccount, action: Action): AppliedResource {
  const spec = action.desired!.spec as TaskRoleSpec;
  if (!/^[\w+=,.@-]{1,64}$/.test(spec.name))
    throw awsError("ValidationError", `Role name '${spec.name}' must match [\\w+=,.@-]{1,64}`);
  if (!/^\/([\u0021-\u007e]*\/)?$/.test(spec.path) || spec.path.length > 512)
    throw awsError("ValidationError", `Path '${spec.path}' must begin and end with /`);
  if (!/^arn:aws[a-z-]*:iam::[0-9]{12}:policy\/.+$/.test(spec.permissionsBoundary))
    throw awsError(
      "InvalidInput",
      `Permissions boundary '${spec.permissionsBoundary}' is not a managed policy ARN`,
    );
  const boundaryAccount = spec.permissionsBoundary.split(":")[4];
  if (boundaryAccount !== account.accountId && boundaryAccount !== "aws")
    throw awsError(
      "InvalidInput",
      `Permissions boundary '${spec.permissionsBoundary}' is not a policy of account ${account.accountId}`,
    );
  checkTags(action.desired!.tags);
  const trust = checkDocument("AssumeRolePolicyDocument", spec.assumeRolePolicy, true);
  const policy = checkDocument(`policy ${TASK_ROLE_POLICY_NAME}`, spec.policy, false);
  const roles = (account.roles ??= []);
  const arn = `arn:aws:iam::${account.accountId}:role${spec.path}${spec.name}`;
  let role = roles.find((r) => r.name === spec.name);
  if (role && role.path !== spec.path)
    throw awsError("EntityAlreadyExists", `Role with name ${spec.name} already exists`);
  if (!role) {
    role = {
      arn,
      name: spec.name,
      path: spec.path,
      permissionsBoundary: spec.permissionsBoundary,
      assumeRolePolicy: trust,
      policies: [],
      tags: {},
    };
    roles.push(role);
  }
  role.permissionsBoundary = spec.permissionsBoundary;
  role.assumeRolePolicy = trust;
  role.policies = [{ name: TASK_ROLE_POLICY_NAME, document: policy }];
  role.tags = { ...action.desired!.tags };
  return { key: action.key, id: role.arn };
}

function deleteRole(account: SandboxAccount, action: Action): AppliedResource {
  account.roles = (account.roles ?? []).filter((r) => r.arn !== action.observed!.id);
  return { key: action.key, id: action.observed!.id };
}

function observe(account: SandboxAccount): ObservedResource<"task-role">[] {
  return (account.roles ?? [])
    .filter((r) => r.tags[TAG.resource])
    .map((r) => {
      const own = r.policies.find((p) => p.name === TASK_ROLE_POLICY_NAME);
      const others = r.policies.map((p) => p.name).filter((n) => n !== TASK_ROLE_POLICY_NAME);
      return {
        kind: "task-role",
        key: r.tags[TAG.resource]!,
        environment: r.tags[TAG.environment] ?? "",
        id: r.arn,
        spec: {
          name: r.name,
          path: r.path,
          permissionsBoundary: r.permissionsBoundary,
          assumeRolePolicy: JSON.parse(r.assumeRolePolicy) as PolicyDocument,
          policy: own
            ? (JSON.parse(own.document) as PolicyDocument)
            : { Version: "2012-10-17", Statement: [] },
          ...(others.length > 0 ? { otherPolicies: others.sort() } : {}),
        },
        tags: owned(r.tags),
      };
    });
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

/**
 * Whether a role's inline policies allow `action` on `resource`, as IAM decides it for what
 * labenv writes (Allow and Deny statements with Action and Resource; conditions are not
 * evaluated, so a statement with one never allows here): an explicit Deny wins, then any Allow.
 */
export function roleAllows(role: SandboxRole, action: string, resource: string): boolean {
  let allowed = false;
  for (const p of role.policies) {
    const doc = JSON.parse(p.document) as PolicyDocument;
    for (const st of doc.Statement) {
      const acts = st.Action.some((a) => wildcard(a.toLowerCase()).test(action.toLowerCase()));
      const res = (st.Resource ?? []).some((r) => wildcard(r).test(resource));
      if (!acts || !res) continue;
      if ((st.Effect as string) === "Deny") return false;
      if (st.Condition === undefined) allowed = true;
    }
  }
  return allowed;
}

/** Environment task roles in the sandbox's IAM. */
export const taskRoleDriver: SandboxDriver<"task-role"> = {
  kind: "task-role",
  observe,
  apply: (account, action) => putRole(account, action),
  remove: (account, action) => deleteRole(account, action),
};
