// What the drift Lambda may do to AWS, read from what it calls.
//
// reconciler/lambda/drift-handler.ts runs core/drift/run-drift.ts in `act`
// mode. It observes through the AWS provider (everything labenv tagged, and
// the task definition memo), and for an environment whose policy is `revert`,
// or whose drift pull request was closed unmerged, it puts the environment
// back: core/drift/act-on-drift.ts applies core/drift/revert-plan.ts under the
// reconciler's lease: an EBS snapshot of the running task's /opt/jupyter, then
// the service's task replaced from the locked task definition. So drift does
// write to the data plane, and needs part of the reconciler's write
// permissions, not only its read-only ones.
//
// Part, not all. A put-back only calls what the EBS snapshot and service
// drivers call (reconciler/adapters/aws/ebs-snapshot-driver.ts,
// jupyter-volume.ts, service-driver.ts): list and describe the task to find its
// volume, snapshot it with tags, update the service (or create it again if it
// vanished between observe and apply) and re-tag it, passing the ECS
// infrastructure role for the managed volume. It registers no task definition
// (the locked one is already registered), creates no access point, starts no
// backup, deletes nothing, and passes no task role nor the backup role.
//
// On the schedule it also verifies stored snapshots (core/snapshots/verify-due.ts):
// each manifest and object from the bucket (drift.ts grants `snapshots/` read and
// `verifications/` write), the volume snapshot's state (DescribeSnapshots, already
// observed) and the recovery point's (DescribeRecoveryPoint, ReadLabRecoveryPoints).
// It never reads a backup job by id: a manifest names the recovery point by ARN.
//
// The statements are the reconciler's own (reconciler-permissions.ts), picked
// by Sid and narrowed by action, so resources and `labenv:lab` tag conditions
// stay identical and a change there reaches drift too. The explicit deny of
// every control-plane action comes along. A Sid or action that disappears
// from the reconciler's statements fails synth instead of silently granting
// less (or more).
import type { Stack } from "aws-cdk-lib";
import type * as iam from "aws-cdk-lib/aws-iam";
import type { WildcardResource } from "./nag-acknowledgements.js";
import {
  type ReconcilerPermissionsProps,
  dataPlaneWildcards,
  reconcilerStatements,
} from "./reconciler-permissions.js";

/** The reconciler statements drift reuses: all of a statement's actions, or only those listed. */
export const DRIFT_STATEMENTS: Readonly<Record<string, "all" | readonly string[]>> = {
  // Observe, and the looks a put-back takes first (ListTasks, DescribeTasks, DescribeVolumes).
  ObserveLabenvResources: "all",
  // Observe lists labenv's vault: where each home recovery point is (warm or cold storage).
  ReadLabRecoveryPointStorage: "all",
  // Observe lists the environments' target groups and listener rules (researcher access).
  ObserveLabenvRouting: "all",
  // Observe reads the environments' own task roles (one call per 1,000 roles).
  ObserveEnvironmentTaskRoles: "all",
  // Observe maps each task's image back to its build: one ListImages per lab repository.
  LookUpLabImages: ["ecr:ListImages"],
  // The service is there (a put-back needs a running task); CreateService only if it vanished meanwhile.
  CreateLabServices: ["ecs:CreateService"],
  ChangeLabServices: ["ecs:UpdateService"],
  TagLabEcsResourcesOnCreate: "all",
  RetagLabEcsResources: "all",
  SnapshotLabVolumes: "all",
  CreateLabSnapshots: "all",
  TagLabSnapshotsOnCreate: "all",
  PassEcsInfrastructureRole: "all",
  // The scheduled verify: a manifest's recovery point must still be there, COMPLETED.
  ReadLabRecoveryPoints: "all",
  DenyControlPlaneChanges: "all",
  DenyRoleChangesOutsideEnvironmentRoles: "all",
  DenyEnvironmentRolesWithoutTheBoundary: "all",
};

export class DriftPermissionsError extends Error {
  constructor(message: string) {
    super(
      `labenv infra: ${message} (infra/lib/drift-permissions.ts reuses infra/lib/reconciler-permissions.ts)`,
    );
    this.name = "DriftPermissionsError";
  }
}

export function driftStatements(
  stack: Stack,
  props: ReconcilerPermissionsProps,
): iam.PolicyStatement[] {
  const bySid = new Map(reconcilerStatements(stack, props).map((s) => [s.sid, s]));
  return Object.entries(DRIFT_STATEMENTS).map(([sid, actions]) => {
    const statement = bySid.get(sid);
    if (statement === undefined)
      throw new DriftPermissionsError(
        `the reconciler has no statement ${sid} for the drift Lambda`,
      );
    if (actions === "all") return statement;
    const missing = actions.filter((action) => !statement.actions.includes(action));
    if (missing.length > 0)
      throw new DriftPermissionsError(
        `the reconciler's statement ${sid} no longer allows ${missing.join(", ")}`,
      );
    return statement.copy({ actions: [...actions] });
  });
}

/** The reconciler's wildcard acknowledgements for the resources drift's statements still name. */
export function driftWildcards(
  stack: Stack,
  props: ReconcilerPermissionsProps,
): WildcardResource[] {
  const named = new Set(
    driftStatements(stack, props)
      .flatMap((s) => s.resources)
      .map((arn) => JSON.stringify(stack.resolve(arn))),
  );
  return dataPlaneWildcards(stack, props.clusterName, props.listenerArn).filter((w) =>
    named.has(JSON.stringify(stack.resolve(w.arn))),
  );
}
