import { rulePriorities } from "../access/environment-address.js";
import type { ListenerRuleSpec } from "../kinds/listener-rule.js";
import { newResource } from "../kinds/new-resource.js";
import type { DesiredResource, DesiredState, ObservedState } from "../model/resources.js";
import { TAG } from "../model/tags.js";

/**
 * The desired listener rules with priorities that fit the listener as observed: a rule labenv
 * already has keeps its priority, and none takes a priority held by a rule labenv does not own
 * (`foreignRulePriorities`: infra/'s, or one added by hand), which would make the create fail
 * with PriorityInUse. Every other rule keeps the priority its key hashes to. Pure.
 */
export function keepRulePriorities(state: DesiredState, observed: ObservedState): DesiredState {
  const rules = state.resources.filter((r) => r.kind === "listener-rule");
  if (rules.length === 0) return state;
  const held = new Map(
    observed.resources
      .filter((o) => o.kind === "listener-rule")
      .map((o) => [o.environment, (o.spec as ListenerRuleSpec).priority]),
  );
  const priorities = rulePriorities(
    rules.map((r) => r.environment),
    held,
    new Set(observed.foreignRulePriorities ?? []),
  );
  let changed = false;
  const resources = state.resources.map((r): DesiredResource => {
    if (r.kind !== "listener-rule") return r;
    const spec = r.spec as ListenerRuleSpec;
    const priority = priorities.get(r.environment)!;
    if (priority === spec.priority) return r;
    changed = true;
    return newResource(
      "listener-rule",
      r.key,
      r.environment,
      r.tags[TAG.lab]!,
      { ...spec, priority },
      r.dependsOn,
    );
  });
  return changed ? { ...state, resources } : state;
}
