// RestoreMoveTaskRole: the role a home restore's one-off move task wears, and nothing else.
//
// AWS Backup restores an item into a new `aws-backup-restore_<time>` directory off the file
// system root, so the task that moves the files into the environment's home must see the root:
// the reconciler makes, for that one task, an access point on `/` with the home owner's POSIX
// identity (never root: the file system policy denies ClientRootAccess to everyone) and deletes
// it once the task has reported. An environment's own task role could mount that access point
// too if a task definition named it — only the reconciler registers task definitions, and it
// names that access point only in the restore move's, which runs with this role.
//
// What this role may do:
// - mount the research file system, read and write, only through a mount target, over TLS and
//   through an access point;
// - read the inventory the files must match, under `restore-moves/expected/` (written by the
//   reconciler before it starts the task), and write its report under `restore-moves/reports/`.
//   Nothing else in the bucket, and no delete.
//
// The reconciler may pass this role (iam:PassRole to ecs-tasks.amazonaws.com) and never create
// or change it: it belongs to the frozen control plane.
import { Stack } from "aws-cdk-lib";
import type * as efs from "aws-cdk-lib/aws-efs";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import type { ObjectStorage } from "./object-storage.js";

/** Where the reconciler writes what a restore's files must match (reconciler/adapters/aws/home-restore-move.ts). */
export const RESTORE_EXPECTED_PREFIX = "restore-moves/expected/";
/** Where the move task writes its HomeRestoreReport. */
export const RESTORE_REPORT_PREFIX = "restore-moves/reports/";

export interface RestoreMoveTaskRoleProps {
  readonly fileSystem: efs.IFileSystem;
  readonly objects: ObjectStorage;
}

export class RestoreMoveTaskRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: RestoreMoveTaskRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.role = new iam.Role(this, "Role", {
      description: "labenv: the one-off task that moves a restored home into place",
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com", {
        conditions: {
          StringEquals: { "aws:SourceAccount": stack.account },
          ArnLike: { "aws:SourceArn": stack.formatArn({ service: "ecs", resource: "*" }) },
        },
      }),
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: "MountResearchDataThroughAccessPoints",
        actions: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        resources: [props.fileSystem.fileSystemArn],
        conditions: {
          Bool: {
            "elasticfilesystem:AccessedViaMountTarget": "true",
            "aws:SecureTransport": "true",
          },
          ArnLike: {
            "elasticfilesystem:AccessPointArn": stack.formatArn({
              service: "elasticfilesystem",
              resource: "access-point",
              resourceName: "*",
            }),
          },
        },
      }),
    );
    const expected = props.objects.objectBucket.arnForObjects(`${RESTORE_EXPECTED_PREFIX}*`);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: "ReadExpectedInventories",
        actions: ["s3:GetObject"],
        resources: [expected],
      }),
    );
    props.objects.grantWriteObjects(this.role, RESTORE_REPORT_PREFIX);
    acknowledgeWildcardResources(this.role, [
      {
        arn: expected,
        reason:
          "Each restore's expected inventory is named at run time (by its recovery point and home); the prefix holds nothing else.",
      },
    ]);
  }
}
