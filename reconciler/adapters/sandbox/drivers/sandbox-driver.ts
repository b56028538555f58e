import type { Action } from "../../../core/model/plan.js";
import type { ObservedResource, ResourceKind } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import type { SandboxAccount } from "../sandbox-account.js";
import { TRIGGER_TAG } from "../../../core/snapshots/prune-guard.js";

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

/** Only the tags labenv owns take part in comparisons (a record's trigger is in its spec). */
export function owned(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags).filter(([k]) => k.startsWith("labenv:") && k !== TRIGGER_TAG),
  );
}

/** Why a volume snapshot or backup was taken, kept as a tag as the AWS drivers keep it. */
export { TRIGGER_TAG };

/** A volume snapshot's or backup's trigger, from its tag (`request` for those taken before it was kept). */
export function triggerOf<T extends string = "request">(tags: Record<string, string>): T {
  return (tags[TRIGGER_TAG] ?? "request") as T;
}
