import type { Action } from "../../../core/model/plan.js";
import type { ObservedResource, ResourceKind } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import type { SandboxAccount } from "../sandbox-account.js";

/**
 * One resource kind in the sandbox, the embedded simulation of AWS: `observe` reads what the
 * simulated account holds back into specs, as the AWS driver of the kind does from AWS; `apply`
 * makes a create, update or replace true, with the same checks AWS makes; `remove` deletes a
 * disposable resource, or a record (volume snapshot, backup) a keep policy prunes. A kind without
 * `remove` is never deleted (storage).
 */
export interface SandboxDriver<K extends ResourceKind = ResourceKind> {
  readonly kind: K;
  observe(account: SandboxAccount): ObservedResource<K>[];
  apply(account: SandboxAccount, action: Action, resolve: ResolveId, now: Date): AppliedResource;
  remove?(account: SandboxAccount, action: Action, now: Date): AppliedResource;
}

/** Only the tags labenv owns take part in comparisons. */
export function owned(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => k.startsWith("labenv:")));
}
