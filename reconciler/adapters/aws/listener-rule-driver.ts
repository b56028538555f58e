import {
  AddTagsCommand,
  CreateRuleCommand,
  DeleteRuleCommand,
  DescribeRulesCommand,
  ModifyRuleCommand,
  SetRulePrioritiesCommand,
  type Rule,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { WAKE_TARGET } from "../../core/kinds/listener-rule.js";
import type { Action } from "../../core/model/plan.js";
import type { ListenerRuleSpec, ObservedResource } from "../../core/model/resources.js";
import type { AppliedResource } from "../../ports/provider.js";
import { identityOf, ownedTags, staleTags, toUpperTags } from "./labenv-tags.js";
import { isLoadBalancerNotFound, loadBalancerTags } from "./load-balancer-tags.js";
import {
  desiredOf,
  resolveRequired,
  type DriverContext,
  type ResourceDriver,
} from "./resource-driver.js";
import { sameSpec } from "./same-spec.js";
import { accessConfig } from "./target-group-driver.js";

async function listenerRules(ctx: DriverContext, listenerArn: string): Promise<Rule[]> {
  const rules: Rule[] = [];
  let marker: string | undefined;
  do {
    const page = await ctx.clients.elbv2.send(
      new DescribeRulesCommand({
        ListenerArn: listenerArn,
        PageSize: 400,
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    rules.push(...(page.Rules ?? []));
    marker = page.NextMarker;
  } while (marker);
  return rules.filter((r) => !r.IsDefault);
}

/**
 * The listener's rules for an apply: as the last observe listed them (plus what was created
 * since), or listed now when nothing was observed. Creating 1,000 rules lists them once, not
 * 1,000 times.
 */
function knownRules(ctx: DriverContext, listenerArn: string): Promise<Rule[]> {
  const known = ctx.listenerRules?.get(listenerArn);
  if (known) return known;
  const listed = listenerRules(ctx, listenerArn);
  ctx.listenerRules?.set(listenerArn, listed);
  // A failed listing is not remembered: the next apply asks again.
  listed.catch(() => {
    if (ctx.listenerRules?.get(listenerArn) === listed) ctx.listenerRules.delete(listenerArn);
  });
  return listed;
}

/** A deleted rule leaves what is known of its listener. */
async function forgetRule(ctx: DriverContext, listenerArn: string, ruleArn: string): Promise<void> {
  const known = await ctx.listenerRules?.get(listenerArn)?.catch(() => undefined);
  const at = known?.findIndex((r) => r.RuleArn === ruleArn) ?? -1;
  if (at >= 0) known!.splice(at, 1);
}

function pathsOf(r: Rule): string[] {
  const c = r.Conditions?.find((x) => x.Field === "path-pattern");
  return [...(c?.PathPatternConfig?.Values ?? c?.Values ?? [])];
}

function forwardOf(r: Rule): string {
  const a = r.Actions?.find((x) => x.Type === "forward");
  return a?.TargetGroupArn ?? a?.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn ?? "";
}

function authenticateOf(r: Rule): ListenerRuleSpec["authenticate"] {
  const c = r.Actions?.find((x) => x.Type === "authenticate-cognito")?.AuthenticateCognitoConfig;
  if (!c?.UserPoolArn || !c.UserPoolClientId || !c.UserPoolDomain) return undefined;
  return {
    userPoolArn: c.UserPoolArn,
    userPoolClientId: c.UserPoolClientId,
    userPoolDomain: c.UserPoolDomain,
  };
}

/**
 * The rule as labenv writes it: one path-pattern condition; with sign-in an
 * authenticate-cognito action (a visitor without a session is sent to the user pool's sign-in),
 * then the forward.
 */
function ruleBody(spec: ListenerRuleSpec, targetGroupArn: string) {
  const forward = { Type: "forward" as const, TargetGroupArn: targetGroupArn };
  const a = spec.authenticate;
  return {
    Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: [...spec.paths] } }],
    Actions: a
      ? [
          {
            Type: "authenticate-cognito" as const,
            Order: 1,
            AuthenticateCognitoConfig: {
              UserPoolArn: a.userPoolArn,
              UserPoolClientId: a.userPoolClientId,
              UserPoolDomain: a.userPoolDomain,
              OnUnauthenticatedRequest: "authenticate" as const,
              Scope: "openid",
              SessionTimeout: 28800,
            },
          },
          { ...forward, Order: 2 },
        ]
      : [forward],
  };
}

/**
 * One rule per environment on the Jupyter listener, found by its `labenv:resource` tag (and,
 * before creating, by its path patterns, so a lost reply creates no second rule). It forwards
 * to the environment's target group, or to infra/'s wake target group while the environment
 * is stopped. A changed priority is SetRulePriorities; changed paths or target, ModifyRule.
 */
export const listenerRuleDriver: ResourceDriver<"listener-rule"> = {
  kind: "listener-rule",

  async observe(ctx) {
    const access = ctx.config.access;
    if (access === undefined) return [];
    const listed = listenerRules(ctx, access.listenerArn);
    ctx.listenerRules?.set(access.listenerArn, listed);
    const rules = await listed;
    const tags = await loadBalancerTags(
      ctx.clients.elbv2,
      rules.map((r) => r.RuleArn as string),
      ctx.config.describeConcurrency ?? 8,
    );
    return rules.flatMap((r): ObservedResource<"listener-rule">[] => {
      const t = tags.get(r.RuleArn as string) ?? {};
      const identity = identityOf(t);
      if (identity === undefined) {
        ctx.foreignRulePriorities?.push(Number(r.Priority));
        return [];
      }
      const forward = forwardOf(r);
      return [
        {
          kind: "listener-rule",
          ...identity,
          id: r.RuleArn as string,
          spec: {
            priority: Number(r.Priority),
            paths: pathsOf(r),
            forward:
              forward === access.wakeTargetGroupArn ? WAKE_TARGET : (ctx.keyOf(forward) ?? forward),
            ...(authenticateOf(r) ? { authenticate: authenticateOf(r)! } : {}),
          },
          tags: ownedTags(t),
        },
      ];
    });
  },

  async apply(action: Action, resolve, ctx): Promise<AppliedResource> {
    if (action.outcome === "delete") {
      try {
        await ctx.clients.elbv2.send(new DeleteRuleCommand({ RuleArn: action.observed!.id }));
      } catch (e) {
        if (!isLoadBalancerNotFound(e)) throw e;
      }
      const listener = ctx.config.access?.listenerArn;
      if (listener !== undefined) await forgetRule(ctx, listener, action.observed!.id);
      return { key: action.key, id: action.observed!.id };
    }
    const desired = desiredOf(action, "listener-rule");
    const spec = desired.spec;
    const access = accessConfig(ctx, `listener rule ${desired.key}`);
    const target =
      spec.forward === WAKE_TARGET
        ? access.wakeTargetGroupArn
        : resolveRequired(resolve, spec.forward, `listener rule ${desired.key}`);
    const body = ruleBody(spec, target);
    const rules = await knownRules(ctx, access.listenerArn);
    const current =
      rules.find((r) => r.RuleArn === action.observed?.id) ??
      rules.find((r) => sameSpec([...pathsOf(r)].sort(), [...spec.paths].sort()));
    if (current === undefined) {
      const created = await ctx.clients.elbv2.send(
        new CreateRuleCommand({
          ListenerArn: access.listenerArn,
          Priority: spec.priority,
          ...body,
          Tags: toUpperTags(desired.tags),
        }),
      );
      const rule = created.Rules?.[0];
      if (rule) rules.push(rule);
      return { key: desired.key, id: rule?.RuleArn as string };
    }
    const arn = current.RuleArn as string;
    // What is known of the rule (shared with the applies after this one) follows each change.
    if (Number(current.Priority) !== spec.priority) {
      await ctx.clients.elbv2.send(
        new SetRulePrioritiesCommand({
          RulePriorities: [{ RuleArn: arn, Priority: spec.priority }],
        }),
      );
      current.Priority = String(spec.priority);
    }
    if (
      !sameSpec(pathsOf(current), spec.paths) ||
      forwardOf(current) !== target ||
      !sameSpec(authenticateOf(current) ?? null, spec.authenticate ?? null)
    ) {
      await ctx.clients.elbv2.send(new ModifyRuleCommand({ RuleArn: arn, ...body }));
      Object.assign(current, body);
    }
    const liveTags = (await loadBalancerTags(ctx.clients.elbv2, [arn], 1)).get(arn) ?? {};
    const stale = staleTags(liveTags, desired.tags);
    if (Object.keys(stale).length > 0)
      await ctx.clients.elbv2.send(
        new AddTagsCommand({ ResourceArns: [arn], Tags: toUpperTags(stale) }),
      );
    return { key: desired.key, id: arn };
  },
};
