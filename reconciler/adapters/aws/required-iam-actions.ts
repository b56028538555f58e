/**
 * Every IAM action the AWS adapters need, by what needs it: the provider's
 * observe and apply, the DynamoDB state store and the S3 object store (which
 * also holds the task definition memo). The infra/ policy grants exactly the
 * provider's share (tests compare both, and docs/aws-provider.md, with this
 * list); a new SDK call means a new line here.
 */
export const REQUIRED_IAM_ACTIONS = {
  observe: [
    "ecs:ListTaskDefinitions", // also to deregister a family's revisions on delete
    "ecs:DescribeTaskDefinition",
    "ecs:ListServices",
    "ecs:DescribeServices",
    "elasticfilesystem:DescribeAccessPoints",
    "ec2:DescribeSnapshots",
    "backup:ListRecoveryPointsByBackupVault", // where each home recovery point is: warm or cold
    "tag:GetResources",
    "ecr:DescribeRepositories",
    "ecr:ListImages",
    "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeRules", // also before creating a rule (a lost reply)
    "elasticloadbalancing:DescribeTags",
    // Environment task roles (aws.taskRoleBoundaryArn): every role with its policies, in pages.
    "iam:GetAccountAuthorizationDetails",
  ],
  apply: [
    "elasticfilesystem:CreateAccessPoint",
    // Only a share's (tagged labenv:share), when it ends, and a restore move's root access point
    // (tagged labenv:purpose=restore-move), once its task has reported.
    "elasticfilesystem:DeleteAccessPoint",
    "elasticfilesystem:TagResource",
    "elasticfilesystem:DescribeFileSystems",
    "ecs:RegisterTaskDefinition",
    "ecs:DeregisterTaskDefinition",
    "ecs:CreateService",
    "ecs:UpdateService",
    "ecs:DeleteService",
    "ecs:TagResource",
    "ecs:ListTasks",
    "ecs:DescribeTasks",
    "ec2:DescribeVolumes",
    "ec2:CreateSnapshot",
    "ec2:CreateTags",
    "backup:StartBackupJob",
    "backup:TagResource",
    // Pruning a scheduled snapshot: only labenv's, tagged labenv:trigger=schedule, never held.
    "ec2:DeleteSnapshot",
    "backup:DescribeRecoveryPoint",
    "backup:ListTags",
    "backup:DescribeBackupVault",
    "backup:DeleteRecoveryPoint",
    // EBS archive tiering: to the archive tier past archiveAfterDays, back from it for a restore.
    "ec2:ModifySnapshotTier",
    "ec2:RestoreSnapshotTier",
    // A home's recovery point: its move to cold storage after warmAfterDays set on one backed up
    // without it (or removed while an environment restores from it).
    "backup:UpdateRecoveryPointLifecycle",
    // A snapshot's capture: its recovery point's state (above), its backup job, and the
    // home-inventory task (one-off RunTask of the environment's own task definition).
    "backup:DescribeBackupJob",
    "ecs:RunTask",
    // A one-off task (RunTask above: home inventory, restore move or check, drill) still running
    // past its bound (ONE_OFF_BOUNDS); infra/ allows it only on tasks tagged with one's purpose.
    "ecs:StopTask",
    // A home's restore: an item-level AWS Backup restore job of just its path, then the move task
    // (RegisterTaskDefinition, CreateAccessPoint and RunTask above).
    "backup:StartRestoreJob",
    "backup:DescribeRestoreJob",
    "iam:PassRole",
    "ecr:DescribeImages",
    "codebuild:StartBuild",
    "codebuild:BatchGetBuilds",
    "codebuild:ListBuildsForProject",
    "elasticloadbalancing:CreateTargetGroup",
    "elasticloadbalancing:ModifyTargetGroup",
    "elasticloadbalancing:DeleteTargetGroup",
    "elasticloadbalancing:CreateRule",
    "elasticloadbalancing:ModifyRule",
    "elasticloadbalancing:SetRulePriorities",
    "elasticloadbalancing:DeleteRule",
    "elasticloadbalancing:AddTags",
    // Environment task roles: only under /labenv/environments/, only with infra/'s boundary.
    "iam:GetRole",
    "iam:CreateRole",
    "iam:PutRolePolicy",
    "iam:UpdateAssumeRolePolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:ListRolePolicies",
    "iam:ListAttachedRolePolicies",
    "iam:DeleteRolePolicy",
    "iam:DetachRolePolicy",
    "iam:TagRole",
    "iam:DeleteRole",
  ],
  stateStore: [
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem", // the lease heartbeat
    "dynamodb:DeleteItem",
    "dynamodb:Query",
  ],
  // Also the image build's context upload (build-contexts/ in the object bucket).
  // Object Lock on manifests: retention (GOVERNANCE, never bypassed) and legal holds.
  objectStore: [
    "s3:GetObject",
    "s3:PutObject",
    "s3:ListBucket",
    "s3:GetBucketObjectLockConfiguration",
    "s3:GetObjectRetention",
    "s3:PutObjectRetention",
    "s3:GetObjectLegalHold",
    "s3:PutObjectLegalHold",
  ],
} as const;

/** Actions above that AWS checks as part of another call rather than as a call of their own. */
export const AUTHORIZED_WITH_ANOTHER_CALL: Readonly<Record<string, string>> = {
  "iam:PassRole":
    "RegisterTaskDefinition (task and execution roles), CreateService/UpdateService and RunTask (the ECS infrastructure role; RunTask also the task's roles), StartBackupJob and StartRestoreJob (the backup role), the restore move's RegisterTaskDefinition (infra/'s restore-move task role)",
  "ec2:CreateTags": "CreateSnapshot with TagSpecifications",
  "backup:TagResource": "StartBackupJob with RecoveryPointTags",
  "s3:GetObjectRetention": "HeadObject (its Object Lock retention headers)",
  "s3:GetObjectLegalHold": "HeadObject (its Object Lock legal hold header)",
};

/** What the AWS provider (observe and apply) needs: what the reconciler's data-plane policy grants. */
export const PROVIDER_IAM_ACTIONS: readonly string[] = [
  ...REQUIRED_IAM_ACTIONS.observe,
  ...REQUIRED_IAM_ACTIONS.apply,
];

/** Every required action once. */
export const ALL_REQUIRED_IAM_ACTIONS: readonly string[] = [
  ...new Set(Object.values(REQUIRED_IAM_ACTIONS).flat()),
];
