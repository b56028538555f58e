import type { Action, StageName } from "../model/plan.js";
import type {
  DesiredResource,
  DesiredState,
  ObservedResource,
  ResourceKind,
  SpecByKind,
} from "../model/resources.js";

/**
 * What the planner may consult while it decides one resource: everything git
 * wants, and everything observed by key.
 */
export interface PlanContext {
  desired: DesiredState;
  /** Observed resources by key. */
  seen: ReadonlyMap<string, ObservedResource>;
}

/**
 * How a kind lives and dies:
 * - `record`: taken once (a snapshot, a backup); never compared, changed or deleted, and not
 *   listed again once git no longer asks for it;
 * - `storage`: holds research data; compared and changed, never deleted (retained when git drops it);
 * - `disposable`: compared, changed, and deleted when git drops it.
 */
export type Lifecycle = "record" | "storage" | "disposable";

/** One resource kind's knowledge, as the pure core needs it. The planner holds none of its own. */
export interface KindModule<K extends ResourceKind = ResourceKind> {
  readonly kind: K;
  /** The plan stage its actions are applied in. */
  readonly stage: Exclude<StageName, "retire">;
  /** The kinds a resource of this kind may depend on (must be applied no later). */
  readonly dependsOnKinds: readonly ResourceKind[];
  readonly lifecycle: Lifecycle;
  /** A changed spec means `update` in place, or `replace` (immutable on the provider). */
  readonly onChange: "update" | "replace";
  /** The keys of the resources a spec needs to exist first. */
  dependencies(spec: SpecByKind[K]): string[];
  /** The human reason for creating it. */
  createReason(d: DesiredResource<K>): string;
  /** The human reason for changing it; `what` lists the fields that changed. */
  changeReason(d: DesiredResource<K>, what: string): string;
  /**
   * When none of its own fields changed but something it depends on did: the reason it must be
   * updated too, or undefined when it does not follow its dependencies.
   */
  followReason(d: DesiredResource<K>, moved: readonly string[]): string | undefined;
  /** The human reason for deleting it after its environment (or the document that wants it) left git (disposable kinds). */
  deleteReason(o: ObservedResource<K>, ctx: PlanContext): string;
  /** Actions that must happen, first of all, before `action` changes the observed resource. */
  precautionsBefore(action: Action, o: ObservedResource<K>, ctx: PlanContext): Action[];
  /** Actions that must happen before the observed resource is deleted. */
  precautionsBeforeDelete(o: ObservedResource<K>, ctx: PlanContext): Action[];
  /** The action as it stands once the whole desired state is known (e.g. waiting for a task). */
  settle(action: Action, ctx: PlanContext): Action;
}

/** What a kind module leaves out falls back to these: no dependents, no precautions, nothing to wait for. */
export const KIND_DEFAULTS = {
  followReason: () => undefined,
  precautionsBefore: () => [],
  precautionsBeforeDelete: () => [],
  settle: (action: Action) => action,
} satisfies Partial<KindModule>;
