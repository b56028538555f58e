import type { Action } from "../core/model/plan.js";
import type { ObservedState } from "../core/model/resources.js";

/** Resolves another resource's key to its provider id (access point id, task definition ARN…). */
export type ResolveId = (key: string) => string | undefined;

export interface AppliedResource {
  key: string;
  id: string;
}

/**
 * Where environments run. `sandbox` simulates AWS on disk; `aws` calls the
 * AWS SDK. Both observe everything labenv owns (by tag) and apply one action
 * at a time; applying the same action twice must not create a duplicate.
 */
export interface Provider {
  readonly name: "sandbox" | "aws";
  /** Human label, e.g. `sandbox (local simulation of AWS)` or `aws eu-west-1 / cluster labenv`. */
  readonly label: string;
  /** Whether it builds each environment's image from its lock (the `image-build` kind). */
  readonly buildsImages?: boolean;
  observe(): Promise<ObservedState>;
  apply(action: Action, resolve: ResolveId): Promise<AppliedResource>;
}
