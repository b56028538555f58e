// CDK feature flags pinned in code so that unit tests and `cdk synth` build
// the same template, and so that upgrading aws-cdk-lib never flips a flag (and
// replaces a resource holding research data) behind anyone's back. Context set
// in cdk.json or on the command line still wins over these values.
//
// Left out on purpose:
// - `@aws-cdk/aws-iam:minimizePolicies`: merged statements hide which intent a
//   permission serves; each statement here carries one.
// - `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup`: it adds a custom-resource
//   Lambda; nothing in labenv uses the VPC's default security group.
export const LABENV_FEATURE_FLAGS: Readonly<Record<string, unknown>> = {
  "@aws-cdk/core:checkSecretUsage": true,
  "@aws-cdk/core:target-partitions": ["aws", "aws-cn"],
  "@aws-cdk/core:enablePartitionLiterals": true,
  "@aws-cdk/core:validateSnapshotRemovalPolicy": true,
  "@aws-cdk/core:includePrefixInUniqueNameGeneration": true,
  "@aws-cdk/core:explicitStackTags": true,
  "@aws-cdk/aws-ecs:arnFormatIncludesClusterName": true,
  "@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions": true,
  "@aws-cdk/aws-ecs:removeDefaultDeploymentAlarm": true,
  "@aws-cdk/aws-efs:denyAnonymousAccess": true,
  "@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId": true,
  "@aws-cdk/aws-s3:createDefaultLoggingPolicy": true,
  "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true,
  "@aws-cdk/aws-s3:publicAccessBlockedByDefault": true,
  "@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName": true,
  "@aws-cdk/aws-kms:aliasNameRef": true,
  "@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope": true,
  "@aws-cdk/aws-events:eventsTargetQueueSameAccount": true,
  "@aws-cdk/aws-events:requireEventBusPolicySid": true,
  "@aws-cdk/aws-dynamodb:resourcePolicyPerReplica": true,
  "@aws-cdk/aws-lambda:recognizeLayerVersion": true,
  "@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy": false,
  "@aws-cdk/aws-lambda:useCdkManagedLogGroup": true,
  "@aws-cdk/aws-elasticloadbalancingV2:albDualstackWithoutPublicIpv4SecurityGroupRulesDefault": true,
  "@aws-cdk/aws-elasticloadbalancingv2:usePostQuantumTlsPolicy": true,
};
