import type { Rule } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { AccessPointDescription } from "@aws-sdk/client-efs";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import type {
  DesiredResource,
  ObservedResource,
  ResourceKind,
} from "../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import type { TaskDefinitionSpecCache } from "./task-definition-spec-cache.js";

export interface DriverContext {
  config: AwsProviderConfig;
  clients: AwsClients;
  /** Described task definition revisions remembered between observes, if the provider was given a cache. */
  taskDefinitionSpecs?: TaskDefinitionSpecCache;
  /**
   * The rules of each listener as the last observe listed them, kept up to date by the creates
   * applied since (the provider starts it afresh at every observe): a create looks there for a
   * rule that already has its paths instead of listing every rule of the listener again.
   */
  listenerRules?: Map<string, Promise<Rule[]>>;
  /** The clock a prune's last check reads (a `labenv:keep-until` tag); the system clock without it. */
  now?: () => Date;
}

export interface ObserveContext extends DriverContext {
  /** The key of a resource observed earlier in this pass, by its provider id (`fsap-…`, a task definition ARN, `snap-…`). */
  keyOf(id: string): string | undefined;
  /** The file system's access points, listed once per pass for every kind that is one. */
  accessPoints?(): Promise<AccessPointDescription[]>;
  /** Filled by the listener rule driver: priorities of the listener's rules labenv does not own. */
  foreignRulePriorities?: number[];
}

/**
 * One resource kind on AWS. `observe` lists what labenv owns of this kind and
 * maps it back to the spec types (what AWS fills in by itself is dropped);
 * `apply` makes one action true and is safe to repeat: it looks before it
 * creates and sends idempotency tokens where the API takes them.
 */
export interface ResourceDriver<K extends ResourceKind = ResourceKind> {
  readonly kind: K;
  observe(ctx: ObserveContext): Promise<ObservedResource<K>[]>;
  apply(action: Action, resolve: ResolveId, ctx: DriverContext): Promise<AppliedResource>;
  /**
   * Deletes a record (a volume snapshot, a recovery point) a keep policy prunes: only after
   * reading its tags back and `pruneRefusal` finding nothing; one already gone is done. A kind
   * without it is never deleted through this path.
   */
  remove?(action: Action, ctx: DriverContext): Promise<AppliedResource>;
}

/** The desired resource of a create/update/replace action, typed by kind. */
export function desiredOf<K extends ResourceKind>(action: Action, kind: K): DesiredResource<K> {
  if (action.kind !== kind || action.desired === undefined || action.desired.kind !== kind) {
    throw new LabenvError(
      "internal",
      `${action.outcome} ${action.kind} ${action.key} carries no desired ${kind}`,
    );
  }
  return action.desired as DesiredResource<K>;
}

/** Resolves a key another resource depends on, or says which one is missing. */
export function resolveRequired(resolve: ResolveId, key: string, neededBy: string): string {
  const id = resolve(key);
  if (id === undefined) {
    throw new LabenvError("plan", `${neededBy} needs ${key}, which has not been applied`, {
      hint: "Apply storage before task definitions and task definitions before services.",
    });
  }
  return id;
}
