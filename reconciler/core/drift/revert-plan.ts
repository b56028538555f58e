import { digestOf } from "../lock/canonical.js";
import type { Action, Plan } from "../model/plan.js";
import { OUTCOMES } from "../model/plan.js";
import {
  TAG,
  type DesiredResource,
  type EbsSnapshotSpec,
  type ObservedResource,
} from "../model/resources.js";

export interface RevertInput {
  /** `lab/env` */
  environment: string;
  desired: readonly DesiredResource[];
  observed: readonly ObservedResource[];
  /** Identifies this put-back (the drift fingerprint and when it was seen): a re-run of the same put-back takes no second snapshot. */
  occasion: string;
  why: string;
}

/**
 * The plan that puts an environment back as locked: snapshot the running
 * task's /opt/jupyter, then replace the service's task with a new one from
 * the locked image and task definition. A plan like any other, so the
 * applier, the lease and the run record treat it alike. Undefined when no
 * task runs (there is nothing to put back).
 */
export function revertPlan(input: RevertInput): Plan | undefined {
  const [lab, env] = input.environment.split("/") as [string, string];
  const serviceKey = `service:${input.environment}`;
  const service = input.desired.find(
    (r): r is DesiredResource<"service"> => r.key === serviceKey && r.kind === "service",
  );
  const running = input.observed.find((r) => r.key === serviceKey);
  if (!service || !running || (running.runningCount ?? 0) === 0 || service.spec.desiredCount === 0)
    return undefined;
  const tag = digestOf([input.occasion, running.id]).slice(7, 19);
  const key = `ebs-snapshot:${lab}/${env}/before-replace-${tag}`;
  const spec: EbsSnapshotSpec = {
    service: serviceKey,
    description: `before putting ${input.environment} back as locked: ${input.why}`.slice(0, 255),
    trigger: "before-replace",
  };
  const specHash = digestOf(spec).slice(7, 23);
  const snapshot: DesiredResource<"ebs-snapshot"> = {
    kind: "ebs-snapshot",
    key,
    environment: input.environment,
    spec,
    specHash,
    dependsOn: [serviceKey],
    tags: {
      [TAG.lab]: lab,
      [TAG.environment]: input.environment,
      [TAG.resource]: key,
      [TAG.specHash]: specHash,
      [TAG.managedBy]: "labenv",
    },
  };
  const taken = input.observed.find((r) => r.key === key);
  const snapshotAction: Action = taken
    ? {
        outcome: "unchanged",
        kind: "ebs-snapshot",
        key,
        environment: input.environment,
        desired: snapshot,
        observed: taken,
        changes: [],
        reason: `taken (${taken.id})`,
      }
    : {
        outcome: "create",
        kind: "ebs-snapshot",
        key,
        environment: input.environment,
        desired: snapshot,
        changes: [],
        reason: `snapshot ${input.environment}'s /opt/jupyter before its task is replaced`,
      };
  const replace: Action = {
    outcome: "replace",
    kind: "service",
    key: serviceKey,
    environment: input.environment,
    desired: service,
    observed: running,
    changes: [
      {
        field: "task",
        from: "drifted task",
        to: `new task from ${service.spec.taskDefinition}`,
      },
    ],
    reason: `put ${input.environment} back as locked: ${input.why}`,
  };
  const actions = [snapshotAction, replace];
  const summary = Object.fromEntries(
    OUTCOMES.map((o) => [o, actions.filter((a) => a.outcome === o).length]),
  ) as Plan["summary"];
  return {
    version: 1,
    stages: [
      { name: "storage", actions: [snapshotAction] },
      { name: "task-definitions", actions: [] },
      { name: "services", actions: [replace] },
      { name: "snapshots", actions: [] },
      { name: "retire", actions: [] },
    ],
    summary,
    costs: [],
    digest: digestOf(
      actions
        .filter((a) => a.outcome !== "unchanged")
        .map((a) => ({
          outcome: a.outcome,
          key: a.key,
          hash: a.desired?.specHash ?? null,
          occasion: input.occasion,
        })),
    ),
  };
}
