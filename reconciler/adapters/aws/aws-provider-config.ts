import type { AwsLane } from "./aws-apply-lanes.js";
import type { ImageBuildConfig } from "./image-build-names.js";

/** Where the AWS provider points: outputs of the infra/ stacks, from `labenv.yaml` `spec.aws`. */
export interface AwsProviderConfig {
  region: string;
  /** ECS cluster name (or ARN) the Jupyter services run in. */
  cluster: string;
  /** The EFS file system holding research data; every access point belongs to it. */
  fileSystemId: string;
  /** Private subnets and security groups for Jupyter tasks (used when a service spec names none). */
  subnets: string[];
  securityGroups: string[];
  /** Send every call here instead of AWS (a local AWS API implementation in tests). */
  endpoint?: string;
  /** Static credentials; omitted in Lambda, where the SDK finds the role's. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The role ECS assumes to create managed EBS volumes (required to create or update services). */
  ebsRoleArn?: string;
  /** AWS Backup vault and role for on-demand EFS backups (required for backup jobs). */
  backupVaultName?: string;
  backupRoleArn?: string;
  /**
   * infra/'s role for a home restore's one-off move task (passed, never made): without it a
   * completed restore job's files stay in their `aws-backup-restore_<time>` directory.
   */
  restoreMoveRoleArn?: string;
  /** The CodeBuild project and context bucket that build environment images (without them, no images are built). */
  imageBuild?: ImageBuildConfig;
  /** The load balancer researchers reach environments through (without it, nothing is routed or observed there). */
  access?: { vpcId: string; listenerArn: string; wakeTargetGroupArn: string };
  /**
   * infra/'s permissions boundary of environment task roles: with it, each environment's own role
   * is observed (without it, none is, and credentials need no IAM read).
   */
  taskRoleBoundaryArn?: string;
  /** Upper bound of attempts per call under throttling (adaptive retry). Default 8. */
  maxAttempts?: number;
  /** Concurrent describe calls while observing. Default 8. */
  describeConcurrency?: number;
  /** Actions in flight per AWS service while applying; defaults in `aws-apply-lanes.ts`. */
  applyConcurrency?: Partial<Record<AwsLane, number>>;
}
