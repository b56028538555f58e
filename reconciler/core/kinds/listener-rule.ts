import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/** What a listener rule forwards to while its environment is stopped: the wake page. */
export const WAKE_TARGET = "wake";

/**
 * One environment's rule on the load balancer's listener: requests under its path go to its
 * target group while it runs, and to the wake page (infra/'s wake target) while it is
 * stopped. A load balancer answers 503 for a target group with no healthy target instead of
 * trying a lower-priority rule, so the rule itself switches.
 */
export interface ListenerRuleSpec {
  /** Unique on the listener, stable for the environment (see `rulePriorities`). */
  priority: number;
  /** `/<lab>/<env>` and `/<lab>/<env>/*`. */
  paths: string[];
  /** The key of the environment's target group, or `wake`. */
  forward: string;
  /**
   * Sign-in before forwarding (labenv.yaml `access.signIn`): the load balancer authenticates with
   * this Cognito user pool and passes the signed identity the authorizer verifies.
   */
  authenticate?: { userPoolArn: string; userPoolClientId: string; userPoolDomain: string };
}

export const listenerRule: KindModule<"listener-rule"> = {
  ...KIND_DEFAULTS,
  kind: "listener-rule",
  stage: "services",
  dependsOnKinds: ["target-group"],
  lifecycle: "disposable",
  onChange: "update",
  dependencies: (spec) => (spec.forward === WAKE_TARGET ? [] : [spec.forward]),
  createReason: (d) =>
    `route ${d.spec.paths[0]}/ to ${d.environment} (listener rule, priority ${d.spec.priority}${d.spec.forward === WAKE_TARGET ? ", to the wake page while it is stopped" : ""})`,
  changeReason: (d, what) =>
    d.spec.forward === WAKE_TARGET
      ? `route ${d.environment} to the wake page while it is stopped: ${what}`
      : `update the listener rule of ${d.environment}: ${what}`,
  deleteReason: (o) =>
    `${o.environment} was removed from git; its address ${o.spec.paths[0]}/ no longer routes anywhere`,
};
