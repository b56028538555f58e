import type { Action } from "../../core/model/plan.js";
import type { ResourceKind } from "../../core/model/resources.js";
import type { ApplyLanes } from "../../ports/provider.js";

/** The AWS service an action's calls go to: one lane each, with its own limit. */
export type AwsLane = "efs" | "ecs" | "ec2" | "elbv2" | "backup" | "codebuild" | "iam";

export const LANE_OF_KIND: { readonly [K in ResourceKind]: AwsLane } = {
  "access-point": "efs",
  "share-access": "efs",
  "ebs-snapshot": "ec2",
  "backup-job": "backup",
  "image-build": "codebuild",
  "task-role": "iam",
  "task-definition": "ecs",
  service: "ecs",
  "target-group": "elbv2",
  "listener-rule": "elbv2",
};

/**
 * How many actions of each lane are in flight at once. AWS throttles each account and Region
 * with token buckets (a burst, refilled at a sustained rate per second); an action makes 1–4
 * calls, so a lane's limit is kept well under the burst of its service's mutating calls, and
 * the SDK's adaptive retry mode (every labenv client, `aws-clients.ts`) slows the client down
 * to the sustained rate when AWS answers with throttling. Sources, read 2026-12:
 * - ECS: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html
 *   (per-action buckets; cluster reads such as DescribeClusters burst 50). 10 in flight.
 * - EC2 (EBS snapshots): https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html
 *   (per-API buckets, e.g. a non-mutating Describe* 100 tokens refilled at 20/s; mutating calls
 *   and CreateSnapshot have smaller buckets and a resource rate limit). 5 in flight.
 * - EFS: https://docs.aws.amazon.com/efs/latest/ug/API_CreateAccessPoint.html (CreateAccessPoint
 *   is throttled when requests arrive in quick succession; 10,000 access points per file
 *   system). No per-second figure is published: 5 in flight.
 * - ELBv2: https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html
 *   (Describe* 40 tokens refilled at 10/s; rule and target group writes less). 5 in flight; a
 *   listener rule is written after reading the listener's rules, so fewer at once also means
 *   fewer priority races.
 * - AWS Backup (StartBackupJob) and CodeBuild (StartBuild, with ECR and S3 around it): builds
 *   and backup jobs are long-running and counted against concurrency quotas
 *   (https://docs.aws.amazon.com/codebuild/latest/userguide/limits.html,
 *   https://docs.aws.amazon.com/aws-backup/latest/devguide/aws-backup-limits.html). 2 in flight.
 * - IAM (environment task roles): a global service shared by the whole account, whose write
 *   rates are not published (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 *   lists object quotas only); a role is 2–5 calls. 3 in flight.
 */
export const AWS_LANE_LIMITS: { readonly [L in AwsLane]: number } = {
  ecs: 10,
  ec2: 5,
  efs: 5,
  elbv2: 5,
  backup: 2,
  codebuild: 2,
  iam: 3,
};

export function awsApplyLanes(limits: Partial<Record<AwsLane, number>> = {}): ApplyLanes {
  const merged = { ...AWS_LANE_LIMITS, ...limits };
  return {
    laneOf: (action: Action) => LANE_OF_KIND[action.kind],
    limitOf: (lane: string) => Math.max(1, merged[lane as AwsLane] ?? 1),
  };
}
