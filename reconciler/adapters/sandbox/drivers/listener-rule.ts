import { WAKE_TARGET } from "../../../core/kinds/listener-rule.js";
import type { Action } from "../../../core/model/plan.js";
import {
  TAG,
  type ListenerRuleSpec,
  type ObservedResource,
} from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";

/** The sandbox listener's wake target: infra/'s wake Lambda target group on AWS. */
export function sandboxWakeTarget(account: SandboxAccount): string {
  return arn(account, "elasticloadbalancing", "targetgroup/labenv-wake/0000000000000000");
}

/** ELBv2 CreateRule / ModifyRule / SetRulePriorities on the sandbox's listener, with ELBv2's checks. */
function putRule(account: SandboxAccount, action: Action, resolve: ResolveId): AppliedResource {
  const spec = action.desired!.spec as ListenerRuleSpec;
  if (!Number.isInteger(spec.priority) || spec.priority < 1 || spec.priority > 50000)
    throw awsError("ValidationError", `Priority '${spec.priority}' must be between 1 and 50000`);
  if (spec.paths.length === 0 || spec.paths.length > 5)
    throw awsError("ValidationError", "A path-pattern condition takes 1 to 5 values");
  for (const p of spec.paths)
    if (p.length > 128 || !/^[A-Za-z0-9_\-.$/~"'@:+*?&]+$/.test(p))
      throw awsError("ValidationError", `Path pattern '${p}' is not valid`);
  checkTags(action.desired!.tags);
  const forward = spec.forward === WAKE_TARGET ? sandboxWakeTarget(account) : resolve(spec.forward);
  if (
    !forward ||
    (spec.forward !== WAKE_TARGET && !(account.targetGroups ?? []).some((g) => g.arn === forward))
  )
    throw awsError("TargetGroupNotFound", `Target group '${spec.forward}' not found`);
  const rules = (account.listenerRules ??= []);
  let rule = rules.find((r) => r.tags[TAG.resource] === action.key);
  const clash = rules.find((r) => r.priority === spec.priority && r !== rule);
  if (clash) throw awsError("PriorityInUse", `Priority '${spec.priority}' is currently in use`);
  if (!rule) {
    rule = {
      arn: arn(
        account,
        "elasticloadbalancing",
        `listener-rule/app/labenv/sandbox/listener/${nextId(account, "", 16)}`,
      ),
      priority: spec.priority,
      paths: [...spec.paths],
      forward,
      tags: { ...action.desired!.tags },
    };
    rules.push(rule);
  }
  Object.assign(rule, {
    priority: spec.priority,
    paths: [...spec.paths],
    forward,
    tags: { ...action.desired!.tags },
  });
  if (spec.authenticate) rule.authenticate = { ...spec.authenticate };
  else delete rule.authenticate;
  return { key: action.key, id: rule.arn };
}

function deleteRule(account: SandboxAccount, action: Action): AppliedResource {
  account.listenerRules = (account.listenerRules ?? []).filter(
    (r) => r.arn !== action.observed!.id,
  );
  return { key: action.key, id: action.observed!.id };
}

function observe(account: SandboxAccount): ObservedResource<"listener-rule">[] {
  const wake = sandboxWakeTarget(account);
  const keyOf = new Map(
    (account.targetGroups ?? []).map((g) => [g.arn, g.tags[TAG.resource] ?? g.arn]),
  );
  return (account.listenerRules ?? [])
    .filter((r) => r.tags[TAG.resource])
    .map((r) => ({
      kind: "listener-rule",
      key: r.tags[TAG.resource]!,
      environment: r.tags[TAG.environment] ?? "",
      id: r.arn,
      spec: {
        priority: r.priority,
        paths: [...r.paths],
        forward: r.forward === wake ? WAKE_TARGET : (keyOf.get(r.forward) ?? r.forward),
        ...(r.authenticate ? { authenticate: { ...r.authenticate } } : {}),
      },
      tags: owned(r.tags),
    }));
}

/** Rules of the sandbox load balancer's one listener. */
export const listenerRuleDriver: SandboxDriver<"listener-rule"> = {
  kind: "listener-rule",
  observe,
  apply: (account, action, resolve) => putRule(account, action, resolve),
  remove: (account, action) => deleteRule(account, action),
};
