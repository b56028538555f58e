// The environment variables labenv's Lambdas receive: names of what infra/
// deployed, never a secret value (secrets arrive as ARNs and are read from
// Secrets Manager at run time). These names are a contract with
// reconciler/lambda/handler.ts, reconciler/lambda/drift-handler.ts (both read
// through reconciler/lambda/lambda-env.ts) and github-app/lambda.ts.
import { Fn, Stack } from "aws-cdk-lib";
import { Construct } from "constructs";

export const ENV = {
  labs: "LABENV_LABS",
  cluster: "LABENV_CLUSTER",
  taskSubnets: "LABENV_TASK_SUBNETS",
  taskSecurityGroups: "LABENV_TASK_SECURITY_GROUPS",
  fileSystemId: "LABENV_FILE_SYSTEM_ID",
  taskExecutionRoleArn: "LABENV_TASK_EXECUTION_ROLE_ARN",
  taskRoleArns: "LABENV_TASK_ROLE_ARNS",
  taskRoleBoundaryArn: "LABENV_TASK_ROLE_BOUNDARY_ARN",
  taskLogGroup: "LABENV_TASK_LOG_GROUP",
  infrastructureRoleArn: "LABENV_ECS_INFRASTRUCTURE_ROLE_ARN",
  dataKeyArn: "LABENV_DATA_KEY_ARN",
  backupVault: "LABENV_BACKUP_VAULT",
  backupRoleArn: "LABENV_BACKUP_ROLE_ARN",
  restoreMoveRoleArn: "LABENV_RESTORE_MOVE_ROLE_ARN",
  listenerArn: "LABENV_LISTENER_ARN",
  wakeTargetGroupArn: "LABENV_WAKE_TARGET_GROUP_ARN",
  vpcId: "LABENV_VPC_ID",
  stateTable: "LABENV_STATE_TABLE",
  runsTable: "LABENV_RUNS_TABLE",
  leasesTable: "LABENV_LEASES_TABLE",
  driftTable: "LABENV_DRIFT_TABLE",
  objectBucket: "LABENV_OBJECT_BUCKET",
  imageBuildProject: "LABENV_IMAGE_BUILD_PROJECT",
  buildContextBucket: "LABENV_BUILD_CONTEXT_BUCKET",
  githubAppIdSecretArn: "LABENV_GITHUB_APP_ID_SECRET_ARN",
  githubPrivateKeySecretArn: "LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN",
  githubWebhookSecretArn: "LABENV_GITHUB_WEBHOOK_SECRET_ARN",
  /** Optional: where the Lambdas read the repository's default branch (with the installation id). */
  githubRepository: "LABENV_GITHUB_REPOSITORY",
  githubInstallationId: "LABENV_GITHUB_INSTALLATION_ID",
  /** The GitHub App only: the function a merge starts. */
  reconcilerFunction: "LABENV_RECONCILER_FUNCTION",
  /** The GitHub App only: the function a drift pull request closed unmerged ("put it back") starts. */
  driftFunction: "LABENV_DRIFT_FUNCTION",
} as const;

/** Values of the deployed control plane, as CloudFormation tokens. */
export interface ControlPlaneValues {
  readonly labs: readonly string[];
  readonly cluster: string;
  readonly taskSubnetIds: readonly string[];
  readonly taskSecurityGroupIds: readonly string[];
  readonly fileSystemId: string;
  readonly taskExecutionRoleArn: string;
  /** Lab id → task role ARN. */
  readonly taskRoleArns: ReadonlyMap<string, string>;
  /** The permissions boundary of environment task roles: each environment then wears its own. */
  readonly taskRoleBoundaryArn: string;
  readonly taskLogGroup: string;
  readonly infrastructureRoleArn: string;
  readonly dataKeyArn: string;
  readonly backupVault: string;
  readonly backupRoleArn: string;
  /** The role a home restore's move task wears (passed by the reconciler, never made by it). */
  readonly restoreMoveRoleArn: string;
  readonly listenerArn: string;
  readonly vpcId: string;
  /** With researcher access: the wake page's target group, the sign-in and the address. */
  readonly wakeTargetGroupArn?: string;
  readonly signIn?: { userPoolArn: string; userPoolClientId: string; userPoolDomain: string };
  readonly address?: string;
  readonly stateTable: string;
  readonly runsTable: string;
  readonly leasesTable: string;
  readonly driftTable: string;
  readonly objectBucket: string;
  /** The CodeBuild project that builds environment images (contexts go to the object bucket). */
  readonly imageBuildProject: string;
  readonly githubAppIdSecretArn: string;
  readonly githubPrivateKeySecretArn: string;
  readonly githubWebhookSecretArn: string;
  /** `owner/name`, when the deploy was told (`-c githubRepository=…`). */
  readonly githubRepository?: string;
  /** The GitHub App's installation id on that repository. */
  readonly githubInstallationId?: number;
}

/** The variables every labenv Lambda receives. Lists are comma-separated; `LABENV_TASK_ROLE_ARNS` is JSON. */
export function controlPlaneEnvironment(
  scope: Construct,
  values: ControlPlaneValues,
): Record<string, string> {
  return {
    [ENV.labs]: values.labs.join(","),
    [ENV.cluster]: values.cluster,
    [ENV.taskSubnets]: Fn.join(",", [...values.taskSubnetIds]),
    [ENV.taskSecurityGroups]: Fn.join(",", [...values.taskSecurityGroupIds]),
    [ENV.fileSystemId]: values.fileSystemId,
    [ENV.taskExecutionRoleArn]: values.taskExecutionRoleArn,
    [ENV.taskRoleArns]: Stack.of(scope).toJsonString(Object.fromEntries(values.taskRoleArns)),
    [ENV.taskRoleBoundaryArn]: values.taskRoleBoundaryArn,
    [ENV.taskLogGroup]: values.taskLogGroup,
    [ENV.infrastructureRoleArn]: values.infrastructureRoleArn,
    [ENV.dataKeyArn]: values.dataKeyArn,
    [ENV.backupVault]: values.backupVault,
    [ENV.backupRoleArn]: values.backupRoleArn,
    [ENV.restoreMoveRoleArn]: values.restoreMoveRoleArn,
    [ENV.listenerArn]: values.listenerArn,
    [ENV.vpcId]: values.vpcId,
    ...(values.wakeTargetGroupArn !== undefined && {
      [ENV.wakeTargetGroupArn]: values.wakeTargetGroupArn,
    }),
    [ENV.stateTable]: values.stateTable,
    [ENV.runsTable]: values.runsTable,
    [ENV.leasesTable]: values.leasesTable,
    [ENV.driftTable]: values.driftTable,
    [ENV.objectBucket]: values.objectBucket,
    [ENV.imageBuildProject]: values.imageBuildProject,
    [ENV.buildContextBucket]: values.objectBucket,
    [ENV.githubAppIdSecretArn]: values.githubAppIdSecretArn,
    [ENV.githubPrivateKeySecretArn]: values.githubPrivateKeySecretArn,
    [ENV.githubWebhookSecretArn]: values.githubWebhookSecretArn,
    ...(values.githubRepository !== undefined && {
      [ENV.githubRepository]: values.githubRepository,
    }),
    ...(values.githubInstallationId !== undefined && {
      [ENV.githubInstallationId]: String(values.githubInstallationId),
    }),
  };
}
