import type { Action } from "../core/model/plan.js";
import type { ObservedState } from "../core/model/resources.js";
import type { SeenActivity } from "../core/access/usage.js";

/** Resolves another resource's key to its provider id (access point id, task definition ARN…). */
export type ResolveId = (key: string) => string | undefined;

export interface AppliedResource {
  key: string;
  id: string;
}

/**
 * How many actions may be applied at once: each action goes to one lane (an
 * AWS service: EFS, ECS, EC2, ELBv2, Backup, CodeBuild), and a lane never has
 * more than its limit in flight.
 */
export interface ApplyLanes {
  laneOf(action: Action): string;
  limitOf(lane: string): number;
}

/**
 * Where environments run. `sandbox` simulates AWS on disk; `aws` calls the
 * AWS SDK. Both observe everything labenv owns (by tag); `apply` must be safe
 * to call for independent actions at the same time (within `lanes`), and
 * applying the same action twice must not create a duplicate.
 */
export interface Provider {
  readonly name: "sandbox" | "aws";
  /** Human label, e.g. `sandbox (local simulation of AWS)` or `aws eu-west-1 / cluster labenv`. */
  readonly label: string;
  /** Whether it builds each environment's image from its lock (the `image-build` kind). */
  readonly buildsImages?: boolean;
  /** Whether it deletes the volume snapshots and backups a keep policy prunes (`delete` of those records). */
  readonly prunesSnapshots?: boolean;
  /** How many independent actions may be in flight; without lanes, one at a time. */
  readonly lanes?: ApplyLanes;
  observe(): Promise<ObservedState>;
  /**
   * Whether each environment's task runs and what its Jupyter's activity API answers, for idle
   * shutdown; a provider without it parks nothing (parked environments stay parked).
   */
  activity?(environments: readonly string[]): Promise<Map<string, SeenActivity>>;
  apply(action: Action, resolve: ResolveId): Promise<AppliedResource>;
}
