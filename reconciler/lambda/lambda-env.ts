import type { RuntimeSettings } from "../core/desire/desire.js";
import { LabenvError } from "../core/errors.js";

/** What the reconciler Lambda is told by infra/ through environment variables (never secrets, only their ARNs). */
export interface LambdaEnv {
  region: string;
  cluster: string;
  subnets: string[];
  securityGroups: string[];
  fileSystemId: string;
  taskExecutionRoleArn?: string;
  taskRoleArns: Record<string, string>;
  /** The permissions boundary of environment task roles (each environment then wears its own). */
  taskRoleBoundaryArn?: string;
  logGroup?: string;
  ebsRoleArn?: string;
  backupVaultName?: string;
  backupRoleArn?: string;
  restoreMoveRoleArn?: string;
  stateTable: string;
  objectBucket?: string;
  /** The CodeBuild project and bucket that build environment images (both, or no image builds). */
  imageBuildProject?: string;
  buildContextBucket?: string;
  /** Researcher access: the VPC, the Jupyter listener and the wake page's target group (all three, or nothing is routed). */
  vpcId?: string;
  listenerArn?: string;
  wakeTargetGroupArn?: string;
  /** A local checkout to reconcile (tests, or a repository mounted into the function). */
  repoPath?: string;
  /** `owner/name` on GitHub, read at a commit through the GitHub App's installation. */
  githubRepository?: string;
  githubInstallationId?: number;
  githubAppIdSecretArn?: string;
  githubPrivateKeySecretArn?: string;
  /** Send AWS calls to this endpoint (a local AWS API implementation in tests). */
  endpoint?: string;
}

export function readLambdaEnv(env: NodeJS.ProcessEnv): LambdaEnv {
  const need = (name: string): string => {
    const v = env[name];
    if (!v)
      throw new LabenvError("config", `the reconciler Lambda needs ${name}`, {
        hint: "infra/ sets it; check the function's configuration",
      });
    return v;
  };
  const list = (name: string) =>
    (env[name] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  let taskRoleArns: Record<string, string> = {};
  if (env.LABENV_TASK_ROLE_ARNS) {
    try {
      taskRoleArns = JSON.parse(env.LABENV_TASK_ROLE_ARNS) as Record<string, string>;
    } catch (e) {
      throw new LabenvError(
        "config",
        "LABENV_TASK_ROLE_ARNS is not a JSON object of lab → role ARN",
        { cause: e },
      );
    }
  }
  const opt = <K extends string>(key: K, name: string) =>
    (env[name] ? { [key]: env[name] } : {}) as Partial<Record<K, string>>;
  return {
    region: need("AWS_REGION"),
    cluster: need("LABENV_CLUSTER"),
    subnets: list("LABENV_TASK_SUBNETS"),
    securityGroups: list("LABENV_TASK_SECURITY_GROUPS"),
    fileSystemId: need("LABENV_FILE_SYSTEM_ID"),
    taskRoleArns,
    stateTable: need("LABENV_STATE_TABLE"),
    ...opt("taskExecutionRoleArn", "LABENV_TASK_EXECUTION_ROLE_ARN"),
    ...opt("taskRoleBoundaryArn", "LABENV_TASK_ROLE_BOUNDARY_ARN"),
    ...opt("logGroup", "LABENV_TASK_LOG_GROUP"),
    ...opt("ebsRoleArn", "LABENV_ECS_INFRASTRUCTURE_ROLE_ARN"),
    ...opt("backupVaultName", "LABENV_BACKUP_VAULT"),
    ...opt("backupRoleArn", "LABENV_BACKUP_ROLE_ARN"),
    ...opt("restoreMoveRoleArn", "LABENV_RESTORE_MOVE_ROLE_ARN"),
    ...opt("objectBucket", "LABENV_OBJECT_BUCKET"),
    ...opt("imageBuildProject", "LABENV_IMAGE_BUILD_PROJECT"),
    ...opt("buildContextBucket", "LABENV_BUILD_CONTEXT_BUCKET"),
    ...opt("vpcId", "LABENV_VPC_ID"),
    ...opt("listenerArn", "LABENV_LISTENER_ARN"),
    ...opt("wakeTargetGroupArn", "LABENV_WAKE_TARGET_GROUP_ARN"),
    ...opt("repoPath", "LABENV_REPO_PATH"),
    ...opt("githubRepository", "LABENV_GITHUB_REPOSITORY"),
    ...opt("githubAppIdSecretArn", "LABENV_GITHUB_APP_ID_SECRET_ARN"),
    ...opt("githubPrivateKeySecretArn", "LABENV_GITHUB_PRIVATE_KEY_SECRET_ARN"),
    ...opt("endpoint", "LABENV_AWS_ENDPOINT"),
    ...(env.LABENV_GITHUB_INSTALLATION_ID
      ? { githubInstallationId: Number(env.LABENV_GITHUB_INSTALLATION_ID) }
      : {}),
  };
}

/** What infra/ told the function that labenv.yaml may leave out (the same for the reconciler and drift, so both desire alike). */
export function runtimeSettings(env: LambdaEnv): RuntimeSettings {
  return {
    subnets: env.subnets,
    securityGroups: env.securityGroups,
    taskRoleArns: env.taskRoleArns,
    fileSystemId: env.fileSystemId,
    ...(env.taskRoleBoundaryArn ? { taskRoleBoundaryArn: env.taskRoleBoundaryArn } : {}),
    ...(env.taskExecutionRoleArn ? { taskExecutionRoleArn: env.taskExecutionRoleArn } : {}),
    ...(env.logGroup ? { logGroup: env.logGroup } : {}),
    ...(env.objectBucket ? { observationBucket: env.objectBucket } : {}),
  };
}

/**
 * Why a job must be refused, or undefined: the reconciler acts only on the
 * repository it is configured for (LABENV_GITHUB_REPOSITORY), whatever
 * repository a job names — a push to another repository of the same
 * installation must not reconcile that repository into this account.
 */
export function foreignRepositoryRefusal(
  env: LambdaEnv,
  want: { repository?: string },
): string | undefined {
  if (!want.repository) return undefined;
  const configured = env.githubRepository;
  if (configured && configured.toLowerCase() === want.repository.toLowerCase()) return undefined;
  if (!configured && env.repoPath) return undefined; // a local checkout is read, not the job's repository
  return configured
    ? `the job is for ${want.repository}, but this reconciler manages ${configured}: nothing is applied`
    : `the job is for ${want.repository}, but this reconciler is configured for no repository (LABENV_GITHUB_REPOSITORY): nothing is applied`;
}
