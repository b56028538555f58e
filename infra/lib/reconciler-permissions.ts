// What the reconciler may do to AWS: exactly the actions the AWS provider
// calls (REQUIRED_IAM_ACTIONS in reconciler/adapters/aws, listed in
// docs/aws-provider.md): observe everything labenv owns, and create or change
// only data-plane resources carrying a `labenv:lab` tag from the configured
// labs: services, task definitions, access points, EBS snapshots, backup jobs.
// Storage (access points, snapshots, recovery points) is never deleted, so no
// delete of it is granted — except DeleteAccessPoint on an access point tagged
// `labenv:share` (a share's read-only way in, which stores nothing: revoking a
// share deletes it; the directory it opened onto stays), and DeleteSnapshot /
// DeleteRecoveryPoint of a scheduled snapshot a keep policy prunes (tagged
// `labenv:trigger: schedule`, no `labenv:legal-hold`; an explicit Deny refuses
// every other). It may pass only the roles infra/ made for it, and
// it can never touch the frozen control plane (roles, VPCs, clusters, tables,
// buckets, file systems, keys): those actions are absent from every Allow and
// named again in an explicit Deny, so a policy attached later by hand cannot
// hand them back.
//
// Tag conditions: `aws:RequestTag/labenv:lab` on create (the tag must be sent
// with the request), `aws:ResourceTag/labenv:lab` on change and delete.
// Objects (the task definition memo among them) and the state table are
// granted where infra/ makes them (object-storage.ts, state-tables.ts).
import { ArnFormat, Fn, type Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type { WildcardResource } from "./nag-acknowledgements.js";
import { ENVIRONMENT_TASK_ROLE_PATH } from "./lab-task-roles.js";
import { LAB_TAG } from "./tags.js";

/** The deletes a keep policy's prune makes: only of scheduled snapshots (see the Deny statements). */
export const PRUNE_ACTIONS: readonly string[] = [
  "ec2:DeleteSnapshot",
  "backup:DeleteRecoveryPoint",
];
const TRIGGER_CONDITION = "aws:ResourceTag/labenv:trigger";
const LEGAL_HOLD_CONDITION = "aws:ResourceTag/labenv:legal-hold";
const PURPOSE_CONDITION = "aws:ResourceTag/labenv:purpose";
/** The labenv:purpose of the access point a restore's move task mounts the root through. */
export const RESTORE_MOVE_PURPOSE = "restore-move";
/**
 * The labenv:purpose of labenv's own one-off tasks (OneOffPurpose in
 * reconciler/adapters/aws/one-off-task.ts): a capture's home inventory, a restore's move, a
 * drill's check of its restored home, a drill's throw-away container. The reconciler stops only
 * these, when one runs past its bound; a service's task carries no purpose.
 */
export const ONE_OFF_TASK_PURPOSES: readonly string[] = [
  "home-inventory",
  "restore-move",
  "restore-check",
  "drill",
];

/**
 * The IAM writes the reconciler makes on environment task roles, and on nothing else: they are
 * denied on every role outside `role/labenv/environments/`, and the ones that could widen a
 * role are denied without infra/'s boundary.
 */
export const ENVIRONMENT_ROLE_ACTIONS: readonly string[] = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:PutRolePolicy",
  "iam:DetachRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:TagRole",
];
/** Of those, the ones IAM lets name a boundary (`iam:PermissionsBoundary`). */
const BOUNDED_ROLE_ACTIONS = [
  "iam:CreateRole",
  "iam:PutRolePolicy",
  "iam:PutRolePermissionsBoundary",
];

/** Control-plane actions the reconciler is explicitly denied on every resource. */
export const CONTROL_PLANE_ACTIONS: readonly string[] = [
  "iam:AttachRolePolicy",
  "iam:DeleteRolePermissionsBoundary",
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:CreateUser",
  "iam:CreateAccessKey",
  "iam:CreateServiceLinkedRole",
  "ec2:CreateVpc",
  "ec2:DeleteVpc",
  "ec2:CreateSubnet",
  "ec2:DeleteSubnet",
  "ec2:CreateSecurityGroup",
  "ec2:AuthorizeSecurityGroupIngress",
  "ec2:CreateInternetGateway",
  "ec2:CreateNatGateway",
  "ec2:CreateRoute",
  "ec2:CreateVpcEndpoint",
  "ecs:CreateCluster",
  "ecs:DeleteCluster",
  "ecs:UpdateCluster",
  "ecs:PutClusterCapacityProviders",
  "dynamodb:CreateTable",
  "dynamodb:DeleteTable",
  "dynamodb:UpdateTable",
  "dynamodb:UpdateTimeToLive",
  "dynamodb:UpdateContinuousBackups",
  "s3:CreateBucket",
  "s3:DeleteBucket",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketVersioning",
  "s3:PutEncryptionConfiguration",
  "s3:PutBucketPublicAccessBlock",
  "s3:DeleteObjectVersion",
  "s3:BypassGovernanceRetention",
  "s3:PutBucketObjectLockConfiguration",
  "elasticfilesystem:CreateFileSystem",
  "elasticfilesystem:DeleteFileSystem",
  "elasticfilesystem:PutFileSystemPolicy",
  "elasticfilesystem:PutLifecyclePolicy",
  "elasticfilesystem:PutBackupPolicy",
  "elasticfilesystem:CreateMountTarget",
  "elasticloadbalancing:CreateLoadBalancer",
  "elasticloadbalancing:DeleteLoadBalancer",
  "elasticloadbalancing:CreateListener",
  "elasticloadbalancing:DeleteListener",
  "kms:ScheduleKeyDeletion",
  "kms:DisableKey",
  "kms:PutKeyPolicy",
  "kms:CreateKey",
  "backup:DeleteBackupVault",
  "backup:DeleteBackupPlan",
  "backup:UpdateBackupPlan",
  "lambda:CreateFunction",
  "lambda:UpdateFunctionCode",
  "lambda:UpdateFunctionConfiguration",
  "codebuild:CreateProject",
  "codebuild:UpdateProject",
  "codebuild:DeleteProject",
  "ecr:CreateRepository",
  "ecr:DeleteRepository",
  "ecr:PutLifecyclePolicy",
  "ecr:DeleteLifecyclePolicy",
  "ecr:PutImageTagMutability",
  "ecr:SetRepositoryPolicy",
  "ecr:BatchDeleteImage",
];

export interface ReconcilerPermissionsProps {
  readonly labs: readonly string[];
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly fileSystemArn: string;
  readonly backupVaultArn: string;
  /** The Jupyter listener: the reconciler adds, changes and deletes one rule per environment on it. */
  readonly listenerArn?: string;
  /** Task roles and the execution role: passed to ECS tasks. */
  readonly taskRoleArns: readonly string[];
  /** The boundary every environment task role the reconciler creates must carry. */
  readonly environmentTaskRoleBoundaryArn: string;
  /** Passed to ECS for managed EBS volumes. */
  readonly infrastructureRoleArn: string;
  /** Passed to AWS Backup for on-demand jobs and restores. */
  readonly backupRoleArn: string;
  /** Passed to a home restore's one-off move task (restore-move-task-role.ts). */
  readonly restoreMoveRoleArn: string;
  /** The image build project: builds are started and read, the project is never changed. */
  readonly imageBuildProjectArn: string;
  /** The labs' image repositories (`labenv/<lab>`): listed and looked up, never written. */
  readonly imageRepositoryArns: readonly string[];
}

/** The wildcard ARNs of the data-plane policy: resources that do not exist until the reconciler creates them. */
export function dataPlaneArns(stack: Stack, clusterName: string) {
  const arn = (service: string, resource: string, resourceName: string) =>
    stack.formatArn({ service, resource, resourceName });
  return {
    services: arn("ecs", "service", `${clusterName}/*`),
    taskDefinitions: arn("ecs", "task-definition", "*"),
    tasks: arn("ecs", "task", `${clusterName}/*`),
    accessPoints: arn("elasticfilesystem", "access-point", "*"),
    volumes: arn("ec2", "volume", "*"),
    snapshots: stack.formatArn({
      service: "ec2",
      account: "",
      resource: "snapshot",
      resourceName: "*",
    }),
    recoveryPoints: stack.formatArn({
      service: "backup",
      resource: "recovery-point",
      resourceName: "*",
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  };
}

/** Why each wildcard in the data-plane policy cannot be narrower. */
export function dataPlaneWildcards(
  stack: Stack,
  clusterName: string,
  listenerArn?: string,
): WildcardResource[] {
  const arns = dataPlaneArns(stack, clusterName);
  const roles: WildcardResource = {
    arn: environmentRolesArn(stack),
    reason:
      "Each environment's task role is created at run time under /labenv/environments/; creating one or changing its policy needs infra/'s permissions boundary on it.",
  };
  const routing: WildcardResource[] =
    listenerArn === undefined
      ? []
      : [
          {
            arn: labenvTargetGroupsArn(stack),
            reason:
              "Target groups are created per environment at run time (labenv-<hash> names, random ids); every call needs a labenv:lab tag.",
          },
          {
            arn: listenerRulesArn(listenerArn),
            reason:
              "Listener rules are created per environment on the one Jupyter listener, with ids AWS assigns; every call needs a labenv:lab tag.",
          },
        ];
  return [
    roles,
    ...routing,
    {
      arn: "*",
      reason:
        "Describe/List calls and tag:GetResources have no resource-level permissions; RegisterTaskDefinition, DeregisterTaskDefinition and ecs:TagResource-on-create are authorized without a resource, and the writes among them require a labenv:lab request tag.",
    },
    {
      arn: arns.services,
      reason:
        "Services do not exist before the reconciler creates them; the path is pinned to the labenv cluster and every call needs a labenv:lab tag.",
    },
    {
      arn: arns.taskDefinitions,
      reason:
        "Task definition families are named per environment at run time; only revisions tagged labenv:lab may be re-tagged.",
    },
    {
      arn: arns.tasks,
      reason:
        "Task ids are assigned by ECS at RunTask; the path is pinned to the labenv cluster and only a task tagged labenv:lab and a one-off labenv:purpose (home-inventory, restore-move, restore-check, drill) may be stopped.",
    },
    {
      arn: arns.accessPoints,
      reason:
        "Access point ids are random; tagging requires a labenv:lab tag from the configured labs.",
    },
    {
      arn: arns.volumes,
      reason:
        "ECS creates task volumes at launch; only volumes tagged labenv:lab may be snapshotted.",
    },
    {
      arn: arns.snapshots,
      reason: "Snapshot ids are random; creating and tagging require a labenv:lab tag.",
    },
    {
      arn: arns.recoveryPoints,
      reason: "Recovery point ids are assigned by AWS Backup; tagging requires a labenv:lab tag.",
    },
  ];
}

/** `arn:aws:iam::<account>:role/labenv/environments/*`: the only roles the reconciler may write. */
export function environmentRolesArn(stack: Stack): string {
  return stack.formatArn({
    service: "iam",
    region: "",
    resource: "role",
    resourceName: `${ENVIRONMENT_TASK_ROLE_PATH.slice(1)}*`,
  });
}

export function reconcilerStatements(
  stack: Stack,
  props: ReconcilerPermissionsProps,
): iam.PolicyStatement[] {
  const labs = [...props.labs];
  const requestTag = { [`aws:RequestTag/${LAB_TAG}`]: labs };
  const resourceTag = { [`aws:ResourceTag/${LAB_TAG}`]: labs };
  const { services, taskDefinitions, tasks, accessPoints, volumes, snapshots, recoveryPoints } =
    dataPlaneArns(stack, props.clusterName);
  // Re-tagging an existing resource (a new spec hash, a retired mark): only a
  // resource of a configured lab, and never moved to a lab outside the list.
  const retag = { StringEquals: resourceTag, StringEqualsIfExists: requestTag };
  const pruneCondition = {
    StringEquals: { ...resourceTag, [TRIGGER_CONDITION]: "schedule" },
    StringEqualsIfExists: { [LEGAL_HOLD_CONDITION]: "false" },
  };
  const environmentRoles = environmentRolesArn(stack);
  const allow = (
    sid: string,
    actions: string[],
    resources: string[],
    conditions?: Record<string, unknown>,
  ) =>
    new iam.PolicyStatement({
      sid,
      actions,
      resources,
      ...(conditions !== undefined && { conditions }),
    });

  return [
    // Observe, and the looks apply takes before it acts (the volume behind
    // /opt/jupyter, a backup's file system ARN): no resource-level permissions.
    allow(
      "ObserveLabenvResources",
      [
        "ecs:ListTaskDefinitions",
        "ecs:DescribeTaskDefinition",
        "ecs:ListServices",
        "ecs:DescribeServices",
        "ecs:ListTasks",
        "ecs:DescribeTasks",
        "elasticfilesystem:DescribeAccessPoints",
        "elasticfilesystem:DescribeFileSystems",
        "ec2:DescribeSnapshots",
        "ec2:DescribeVolumes",
        "tag:GetResources",
        "ecr:DescribeRepositories",
      ],
      ["*"],
    ),
    // A snapshot's capture waits for its recovery point (and records when its backup began).
    allow("ReadLabBackupJobs", ["backup:DescribeBackupJob", "backup:DescribeRestoreJob"], ["*"]),
    allow("ReadLabRecoveryPoints", ["backup:DescribeRecoveryPoint"], [recoveryPoints]),
    // A home's restore: an item-level restore job from a recovery point (with the backup role).
    allow("RestoreLabHomes", ["backup:StartRestoreJob"], [recoveryPoints]),
    // One-off tasks of an environment's own task definition (a snapshot's home inventory), in
    // the labenv cluster only; the task definition must be a configured lab's.
    allow("RunLabOneOffTasks", ["ecs:RunTask"], [taskDefinitions], {
      StringEquals: resourceTag,
      ArnEquals: { "ecs:cluster": props.clusterArn },
    }),
    // One of labenv's one-off tasks (a capture's home inventory, a restore's move, a drill's
    // task) still running past its bound is stopped; never a service's task (only one-off tasks
    // are tagged labenv:purpose, at RunTask, and the tag cannot be added later: see the Deny).
    allow("StopLabOneOffTasks", ["ecs:StopTask"], [tasks], {
      StringEquals: { ...resourceTag, [PURPOSE_CONDITION]: [...ONE_OFF_TASK_PURPOSES] },
      ArnEquals: { "ecs:cluster": props.clusterArn },
    }),
    // Which images the labs' repositories hold; the reconciler never pushes or deletes one.
    allow(
      "LookUpLabImages",
      ["ecr:ListImages", "ecr:DescribeImages"],
      [...props.imageRepositoryArns],
    ),
    // Start a build of the infra/ project and read its result; UpdateProject is never granted.
    allow(
      "StartImageBuilds",
      ["codebuild:StartBuild", "codebuild:BatchGetBuilds", "codebuild:ListBuildsForProject"],
      [props.imageBuildProjectArn],
    ),

    allow("RegisterLabTaskDefinitions", ["ecs:RegisterTaskDefinition"], ["*"], {
      StringEquals: requestTag,
    }),
    // ECS authorizes DeregisterTaskDefinition without a resource; an INACTIVE
    // revision keeps running tasks alive and stays in the history.
    allow("RetireTaskDefinitionRevisions", ["ecs:DeregisterTaskDefinition"], ["*"]),
    allow("CreateLabServices", ["ecs:CreateService"], [services], {
      StringEquals: requestTag,
      ArnEquals: { "ecs:cluster": props.clusterArn },
    }),
    allow("ChangeLabServices", ["ecs:UpdateService", "ecs:DeleteService"], [services], {
      StringEquals: resourceTag,
      ArnEquals: { "ecs:cluster": props.clusterArn },
    }),
    allow("TagLabEcsResourcesOnCreate", ["ecs:TagResource"], ["*"], {
      StringEquals: {
        ...requestTag,
        "ecs:CreateAction": ["CreateService", "RegisterTaskDefinition", "RunTask"],
      },
    }),

    allow("RetagLabEcsResources", ["ecs:TagResource"], [services, taskDefinitions], retag),

    allow("CreateLabAccessPoints", ["elasticfilesystem:CreateAccessPoint"], [props.fileSystemArn], {
      StringEquals: requestTag,
    }),
    allow("TagLabAccessPointsOnCreate", ["elasticfilesystem:TagResource"], [accessPoints], {
      StringEquals: { ...requestTag, "elasticfilesystem:CreateAction": "CreateAccessPoint" },
    }),
    allow("RetagLabAccessPoints", ["elasticfilesystem:TagResource"], [accessPoints], retag),
    // Only a share's access point (tagged labenv:share) of a configured lab: homes and datasets never.
    allow("RevokeLabShareAccessPoints", ["elasticfilesystem:DeleteAccessPoint"], [accessPoints], {
      StringEquals: resourceTag,
      Null: { "aws:ResourceTag/labenv:share": "false" },
    }),
    // A restore's move task sees the file system root through an access point made for it
    // alone (tagged labenv:purpose=restore-move), deleted once the task has reported.
    allow(
      "RemoveLabRestoreMoveAccessPoints",
      ["elasticfilesystem:DeleteAccessPoint"],
      [accessPoints],
      { StringEquals: { ...resourceTag, [PURPOSE_CONDITION]: RESTORE_MOVE_PURPOSE } },
    ),

    allow("SnapshotLabVolumes", ["ec2:CreateSnapshot"], [volumes], { StringEquals: resourceTag }),
    allow("CreateLabSnapshots", ["ec2:CreateSnapshot"], [snapshots], { StringEquals: requestTag }),
    allow("TagLabSnapshotsOnCreate", ["ec2:CreateTags"], [snapshots], {
      StringEquals: { ...requestTag, "ec2:CreateAction": "CreateSnapshot" },
    }),

    allow("BackUpResearchData", ["backup:StartBackupJob"], [props.backupVaultArn]),
    allow("TagLabRecoveryPoints", ["backup:TagResource"], [recoveryPoints], {
      StringEquals: requestTag,
    }),

    // Pruning: a scheduled snapshot's volume snapshot and recovery point of a configured lab,
    // tagged labenv:trigger=schedule and not under a labenv:legal-hold tag. IAM cannot name a
    // vault for DeleteRecoveryPoint (its only resource is the point), so the driver checks that
    // the point is in labenv's vault before it deletes.
    allow("PruneScheduledLabSnapshots", ["ec2:DeleteSnapshot"], [snapshots], pruneCondition),
    allow(
      "PruneScheduledLabRecoveryPoints",
      ["backup:DeleteRecoveryPoint"],
      [recoveryPoints],
      pruneCondition,
    ),
    allow(
      "InspectRecoveryPointsBeforePruning",
      ["backup:DescribeRecoveryPoint", "backup:ListTags"],
      [recoveryPoints],
    ),
    // EBS archive tiering of a configured lab's snapshots (to the archive tier, and back for a restore).
    allow("TierLabSnapshots", ["ec2:ModifySnapshotTier", "ec2:RestoreSnapshotTier"], [snapshots], {
      StringEquals: resourceTag,
    }),
    allow("InspectBackupVaultLock", ["backup:DescribeBackupVault"], [props.backupVaultArn]),
    // Retention tiers of homes: where each point is (warm or cold storage), and its move to cold
    // storage set on a point backed up without one (never a deletion date).
    allow(
      "ReadLabRecoveryPointStorage",
      ["backup:ListRecoveryPointsByBackupVault"],
      [props.backupVaultArn],
    ),
    allow("TierLabRecoveryPoints", ["backup:UpdateRecoveryPointLifecycle"], [recoveryPoints]),

    allow("PassLabTaskRoles", ["iam:PassRole"], [...props.taskRoleArns], {
      StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" },
    }),
    // Environment task roles: only at their path, only with infra/'s boundary, so nothing the
    // reconciler writes into one can exceed what a lab role may do.
    allow("CreateEnvironmentTaskRoles", BOUNDED_ROLE_ACTIONS, [environmentRoles], {
      StringEquals: { "iam:PermissionsBoundary": props.environmentTaskRoleBoundaryArn },
    }),
    allow(
      "KeepEnvironmentTaskRoles",
      [
        "iam:GetRole",
        "iam:UpdateAssumeRolePolicy",
        "iam:TagRole",
        "iam:ListRolePolicies",
        "iam:ListAttachedRolePolicies",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:DeleteRole",
      ],
      [environmentRoles],
    ),
    allow("ObserveEnvironmentTaskRoles", ["iam:GetAccountAuthorizationDetails"], ["*"]),
    allow("PassEnvironmentTaskRoles", ["iam:PassRole"], [environmentRoles], {
      StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" },
    }),
    allow("PassEcsInfrastructureRole", ["iam:PassRole"], [props.infrastructureRoleArn], {
      StringEquals: { "iam:PassedToService": "ecs.amazonaws.com" },
    }),
    allow("PassBackupRole", ["iam:PassRole"], [props.backupRoleArn], {
      StringEquals: { "iam:PassedToService": "backup.amazonaws.com" },
    }),
    allow("PassRestoreMoveTaskRole", ["iam:PassRole"], [props.restoreMoveRoleArn], {
      StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" },
    }),

    ...(props.listenerArn !== undefined
      ? routingStatements(stack, props.listenerArn, { requestTag, resourceTag, retag }, allow)
      : []),

    // Whatever another policy attached by hand may allow: no snapshot or recovery point is deleted
    // unless a schedule took it, and none under a legal hold.
    new iam.PolicyStatement({
      sid: "DenyDeletingUnscheduledSnapshots",
      effect: iam.Effect.DENY,
      actions: [...PRUNE_ACTIONS],
      resources: ["*"],
      conditions: { StringNotEquals: { [TRIGGER_CONDITION]: "schedule" } },
    }),
    new iam.PolicyStatement({
      sid: "DenyDeletingHeldSnapshots",
      effect: iam.Effect.DENY,
      actions: [...PRUNE_ACTIONS],
      resources: ["*"],
      conditions: {
        Null: { [LEGAL_HOLD_CONDITION]: "false" },
        StringNotEquals: { [LEGAL_HOLD_CONDITION]: "false" },
      },
    }),
    // An access point's purpose is set when it is created and never after, so no home or dataset
    // can be re-tagged into one the restore move's delete grant matches.
    new iam.PolicyStatement({
      sid: "DenyChangingAccessPointPurposes",
      effect: iam.Effect.DENY,
      actions: ["elasticfilesystem:TagResource"],
      resources: ["*"],
      conditions: {
        "ForAnyValue:StringEquals": { "aws:TagKeys": ["labenv:purpose"] },
        Null: { "elasticfilesystem:CreateAction": "true" },
      },
    }),
    // Likewise an ECS resource's purpose is set when it is created (RunTask, RegisterTaskDefinition)
    // and never after, so no service's task can be tagged into one the StopTask grant matches.
    new iam.PolicyStatement({
      sid: "DenyChangingEcsPurposes",
      effect: iam.Effect.DENY,
      actions: ["ecs:TagResource"],
      resources: ["*"],
      conditions: {
        "ForAnyValue:StringEquals": { "aws:TagKeys": ["labenv:purpose"] },
        Null: { "ecs:CreateAction": "true" },
      },
    }),
    new iam.PolicyStatement({
      sid: "DenyControlPlaneChanges",
      effect: iam.Effect.DENY,
      actions: [...CONTROL_PLANE_ACTIONS],
      resources: ["*"],
    }),
    new iam.PolicyStatement({
      sid: "DenyRoleChangesOutsideEnvironmentRoles",
      effect: iam.Effect.DENY,
      actions: [...ENVIRONMENT_ROLE_ACTIONS],
      notResources: [environmentRolesArn(stack)],
    }),
    new iam.PolicyStatement({
      sid: "DenyEnvironmentRolesWithoutTheBoundary",
      effect: iam.Effect.DENY,
      actions: BOUNDED_ROLE_ACTIONS,
      resources: ["*"],
      conditions: {
        StringNotEquals: { "iam:PermissionsBoundary": props.environmentTaskRoleBoundaryArn },
      },
    }),
  ];
}

/** The rules of a listener: `…:listener-rule/app/<lb>/<id>/<listener>/*`, from its ARN. */
export function listenerRulesArn(listenerArn: string): string {
  const parts = Fn.split(":listener/", listenerArn);
  return Fn.join("", [Fn.select(0, parts), ":listener-rule/", Fn.select(1, parts), "/*"]);
}

/** labenv's target groups (`labenv-*`): they do not exist until the reconciler creates them. */
export function labenvTargetGroupsArn(stack: Stack): string {
  return stack.formatArn({
    service: "elasticloadbalancing",
    resource: "targetgroup",
    resourceName: "labenv-*/*",
  });
}

/**
 * Researcher access: one target group and one rule on the Jupyter listener per environment,
 * created with a `labenv:lab` request tag and changed or deleted only while they carry one.
 * Describe calls have no resource-level permissions (granted with observe, on `*`).
 */
function routingStatements(
  stack: Stack,
  listenerArn: string,
  tags: {
    requestTag: Record<string, string[]>;
    resourceTag: Record<string, string[]>;
    retag: Record<string, unknown>;
  },
  allow: (
    sid: string,
    actions: string[],
    resources: string[],
    conditions?: Record<string, unknown>,
  ) => iam.PolicyStatement,
): iam.PolicyStatement[] {
  const targetGroups = labenvTargetGroupsArn(stack);
  const rules = listenerRulesArn(listenerArn);
  return [
    allow(
      "ObserveLabenvRouting",
      [
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTags",
      ],
      ["*"],
    ),
    allow("CreateLabTargetGroups", ["elasticloadbalancing:CreateTargetGroup"], [targetGroups], {
      StringEquals: tags.requestTag,
    }),
    allow(
      "ChangeLabTargetGroups",
      ["elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:DeleteTargetGroup"],
      [targetGroups],
      { StringEquals: tags.resourceTag },
    ),
    allow("CreateLabListenerRules", ["elasticloadbalancing:CreateRule"], [listenerArn, rules], {
      StringEquals: tags.requestTag,
    }),
    allow(
      "ChangeLabListenerRules",
      [
        "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:SetRulePriorities",
        "elasticloadbalancing:DeleteRule",
      ],
      [rules],
      { StringEquals: tags.resourceTag },
    ),
    allow("TagLabRoutingOnCreate", ["elasticloadbalancing:AddTags"], [targetGroups, rules], {
      StringEquals: {
        ...tags.requestTag,
        "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateRule"],
      },
    }),
    allow("RetagLabRouting", ["elasticloadbalancing:AddTags"], [targetGroups, rules], tags.retag),
  ];
}
