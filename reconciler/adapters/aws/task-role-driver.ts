import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetAccountAuthorizationDetailsCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  type Role,
  type RoleDetail,
} from "@aws-sdk/client-iam";
import { LabenvError } from "../../core/errors.js";
import {
  TASK_ROLE_PATH,
  TASK_ROLE_POLICY_NAME,
  type PolicyDocument,
} from "../../core/kinds/task-role.js";
import type { Action } from "../../core/model/plan.js";
import type { ObservedResource, TaskRoleSpec } from "../../core/model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import { fromUpperTags, identityOf, ownedTags, staleTags, toUpperTags } from "./labenv-tags.js";
import { desiredOf, type DriverContext, type ResourceDriver } from "./resource-driver.js";

const EMPTY: PolicyDocument = { Version: "2012-10-17", Statement: [] };

function isNoSuchEntity(e: unknown): boolean {
  return (e as { name?: string }).name === "NoSuchEntityException";
}

/** IAM hands policy documents back URL-encoded. */
function documentOf(text: string | undefined): PolicyDocument {
  if (text === undefined || text === "") return EMPTY;
  return JSON.parse(decodeURIComponent(text)) as PolicyDocument;
}

function iamOf(ctx: DriverContext) {
  const iam = ctx.clients.iam;
  if (iam === undefined)
    throw new LabenvError("config", "environment task roles need an IAM client", {
      hint: "give the AWS provider an IAMClient (createAwsClients does)",
    });
  return iam;
}

function specOf(r: RoleDetail): TaskRoleSpec {
  const inline = r.RolePolicyList ?? [];
  const own = inline.find((p) => p.PolicyName === TASK_ROLE_POLICY_NAME);
  const others = inline
    .map((p) => p.PolicyName as string)
    .filter((n) => n !== TASK_ROLE_POLICY_NAME);
  const attached = (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn as string);
  return {
    name: r.RoleName ?? "",
    path: r.Path ?? "",
    permissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn ?? "",
    assumeRolePolicy: documentOf(r.AssumeRolePolicyDocument),
    policy: documentOf(own?.PolicyDocument),
    ...(others.length > 0 ? { otherPolicies: others.sort() } : {}),
    ...(attached.length > 0 ? { attachedPolicies: attached.sort() } : {}),
  };
}

async function roleNamed(ctx: DriverContext, name: string): Promise<Role | undefined> {
  try {
    return (await iamOf(ctx).send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (e) {
    if (isNoSuchEntity(e)) return undefined;
    throw e;
  }
}

/** Every inline policy but labenv's own, and every attached managed policy, off the role. */
async function removeAdditions(ctx: DriverContext, name: string, keepOwn: boolean): Promise<void> {
  const iam = iamOf(ctx);
  let marker: string | undefined;
  do {
    const page = await iam.send(
      new ListRolePoliciesCommand({ RoleName: name, ...(marker ? { Marker: marker } : {}) }),
    );
    for (const policy of page.PolicyNames ?? [])
      if (!keepOwn || policy !== TASK_ROLE_POLICY_NAME)
        await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: policy }));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  do {
    const page = await iam.send(
      new ListAttachedRolePoliciesCommand({
        RoleName: name,
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    for (const policy of page.AttachedPolicies ?? [])
      await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: policy.PolicyArn }));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * IAM roles, one per environment, under `/labenv/environments/` and infra/'s permissions
 * boundary. Observed only when the provider is given the boundary, with GetAccountAuthorizationDetails (every role with its inline policies,
 * boundary and tags, a page per 1,000 roles: no call per environment); identified by their
 * `labenv:resource` tag. Created with the boundary (the reconciler may create no role without
 * it), their one inline policy put in place, anything added by hand removed; deleted, with
 * their policies, when their environment leaves git.
 */
export const taskRoleDriver: ResourceDriver<"task-role"> = {
  kind: "task-role",

  async observe(ctx) {
    if (ctx.clients.iam === undefined || ctx.config.taskRoleBoundaryArn === undefined) return [];
    const roles: RoleDetail[] = [];
    let marker: string | undefined;
    do {
      const page = await ctx.clients.iam.send(
        new GetAccountAuthorizationDetailsCommand({
          Filter: ["Role"],
          MaxItems: 1000,
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      roles.push(...(page.RoleDetailList ?? []).filter((r) => r.Path === TASK_ROLE_PATH));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return roles.flatMap((r): ObservedResource<"task-role">[] => {
      const tags = fromUpperTags(r.Tags);
      const identity = identityOf(tags);
      if (identity === undefined) return [];
      return [
        {
          kind: "task-role",
          ...identity,
          id: r.Arn as string,
          spec: specOf(r),
          tags: ownedTags(tags),
        },
      ];
    });
  },

  async apply(action: Action, _resolve, ctx): Promise<AppliedResource> {
    const iam = iamOf(ctx);
    if (action.outcome === "delete") {
      const name = (action.observed!.spec as TaskRoleSpec).name;
      try {
        await removeAdditions(ctx, name, false);
        await iam.send(new DeleteRoleCommand({ RoleName: name }));
      } catch (e) {
        if (!isNoSuchEntity(e)) throw e;
      }
      return { key: action.key, id: action.observed!.id };
    }
    const desired = desiredOf(action, "task-role");
    const spec = desired.spec;
    let role = await roleNamed(ctx, spec.name);
    if (role === undefined) {
      try {
        role = (
          await iam.send(
            new CreateRoleCommand({
              RoleName: spec.name,
              Path: spec.path,
              AssumeRolePolicyDocument: JSON.stringify(spec.assumeRolePolicy),
              PermissionsBoundary: spec.permissionsBoundary,
              Description: `labenv: the Jupyter tasks of ${desired.environment}`,
              Tags: toUpperTags(desired.tags),
            }),
          )
        ).Role;
      } catch (e) {
        // A lost reply: the role was made; carry on as an update.
        if ((e as { name?: string }).name !== "EntityAlreadyExistsException") throw e;
        role = await roleNamed(ctx, spec.name);
      }
    }
    if (role === undefined)
      throw new LabenvError("provider", `IAM role ${spec.name} could not be created or read`);
    if (role.Path !== spec.path)
      throw new LabenvError(
        "provider",
        `IAM role ${spec.name} exists at path ${role.Path}; labenv's environment roles live at ${spec.path}`,
        { hint: `a role of that name that labenv did not make: rename or delete it by hand` },
      );
    const liveTags = fromUpperTags(role.Tags);
    if (liveTags["labenv:resource"] !== undefined && liveTags["labenv:resource"] !== desired.key)
      throw new LabenvError(
        "provider",
        `IAM role ${spec.name} belongs to ${liveTags["labenv:resource"]}, not ${desired.key}`,
      );
    if (role.PermissionsBoundary?.PermissionsBoundaryArn !== spec.permissionsBoundary)
      await iam.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: spec.name,
          PermissionsBoundary: spec.permissionsBoundary,
        }),
      );
    if (!same(documentOf(role.AssumeRolePolicyDocument), spec.assumeRolePolicy))
      await iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: spec.name,
          PolicyDocument: JSON.stringify(spec.assumeRolePolicy),
        }),
      );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: spec.name,
        PolicyName: TASK_ROLE_POLICY_NAME,
        PolicyDocument: JSON.stringify(spec.policy),
      }),
    );
    await removeAdditions(ctx, spec.name, true);
    const stale = staleTags(liveTags, desired.tags);
    if (Object.keys(stale).length > 0)
      await iam.send(new TagRoleCommand({ RoleName: spec.name, Tags: toUpperTags(stale) }));
    return { key: desired.key, id: role.Arn as string };
  },
};
