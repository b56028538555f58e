// The deployed control plane in the shape of labenv.yaml (schemas/
// labenv-config.schema.json), printed as a stack output so the engineer can
// paste it instead of copying ids one by one.
import type { ControlPlaneValues } from "./runtime-environment.js";

export function controlPlaneSummary(
  region: string,
  values: ControlPlaneValues,
): Record<string, unknown> {
  return {
    aws: {
      region,
      cluster: values.cluster,
      subnets: [...values.taskSubnetIds],
      securityGroups: [...values.taskSecurityGroupIds],
      fileSystemId: values.fileSystemId,
      taskExecutionRoleArn: values.taskExecutionRoleArn,
      taskRoleArns: Object.fromEntries(values.taskRoleArns),
      taskRoleBoundaryArn: values.taskRoleBoundaryArn,
      logGroup: values.taskLogGroup,
      backupVaultName: values.backupVault,
      backupRoleArn: values.backupRoleArn,
      restoreMoveRoleArn: values.restoreMoveRoleArn,
      infrastructureRoleArn: values.infrastructureRoleArn,
      imageBuildProject: values.imageBuildProject,
      buildContextBucket: values.objectBucket,
      ...(values.wakeTargetGroupArn !== undefined && {
        vpcId: values.vpcId,
        listenerArn: values.listenerArn,
        wakeTargetGroupArn: values.wakeTargetGroupArn,
      }),
    },
    ...(values.signIn !== undefined && {
      access: { address: values.address, signIn: { ...values.signIn } },
    }),
    state: { store: "dynamodb", table: values.stateTable },
    objects: { store: "s3", bucket: values.objectBucket },
  };
}
