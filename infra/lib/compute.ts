// LabenvCompute: where Jupyter runs. The Fargate cluster, the log group the
// tasks write to, the execution role ECS uses to pull images and write logs,
// the infrastructure role ECS uses to create a task's EBS volume from a
// snapshot, one task role per lab, the role of a restore's move task, and the load balancer in front of Jupyter.
// Services and task definitions are not here: the reconciler creates them.
import { RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import type * as efs from "aws-cdk-lib/aws-efs";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { JupyterLoadBalancer } from "./jupyter-load-balancer.js";
import { LabTaskRoles } from "./lab-task-roles.js";
import { RestoreMoveTaskRole } from "./restore-move-task-role.js";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import type { ObjectStorage } from "./object-storage.js";

export interface LabenvComputeProps {
  readonly labs: readonly string[];
  readonly vpc: ec2.IVpc;
  readonly loadBalancerSubnets: ec2.SubnetSelection;
  readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  readonly fileSystem: efs.IFileSystem;
  readonly objects: ObjectStorage;
  readonly dataKey: kms.IKey;
  /**
   * ACM certificate for an HTTPS listener.
   * @default - an HTTP listener (only allowed on an internal load balancer)
   */
  readonly certificateArn?: string;
  /**
   * Put the load balancer on the internet (requires `certificateArn`).
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * How long Jupyter task logs are kept.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly taskLogRetention?: logs.RetentionDays;
}

export class LabenvCompute extends Construct {
  readonly cluster: ecs.Cluster;
  readonly taskLogGroup: logs.LogGroup;
  readonly executionRole: iam.Role;
  readonly infrastructureRole: iam.Role;
  readonly taskRoles: LabTaskRoles;
  /** Worn only by a home restore's one-off move task (restore-move-task-role.ts). */
  readonly restoreMoveRole: iam.Role;
  readonly loadBalancer: JupyterLoadBalancer;

  constructor(scope: Construct, id: string, props: LabenvComputeProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.cluster = new ecs.Cluster(this, "Cluster", {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      enableFargateCapacityProviders: true,
    });

    this.taskLogGroup = new logs.LogGroup(this, "TaskLogs", {
      retention: props.taskLogRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.executionRole = new iam.Role(this, "ExecutionRole", {
      description: "ECS pulls labenv Jupyter images and writes their logs",
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
    });
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        sid: "EcrLogin",
        actions: ["ecr:GetAuthorizationToken"],
        resources: ["*"],
      }),
    );
    const repositories = stack.formatArn({
      service: "ecr",
      resource: "repository",
      resourceName: "*",
    });
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        sid: "PullImagesOfThisAccount",
        actions: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:GetDownloadUrlForLayer",
          "ecr:BatchGetImage",
        ],
        resources: [repositories],
      }),
    );
    this.taskLogGroup.grantWrite(this.executionRole);
    acknowledgeWildcardResources(this.executionRole, [
      {
        arn: "*",
        reason:
          "ecr:GetAuthorizationToken has no resource-level permissions; it only returns a registry login token.",
      },
      {
        arn: repositories,
        reason:
          "Domain packs pin images by digest in any repository of this account; pulling is read-only and limited to this account and region.",
      },
    ]);

    this.infrastructureRole = new iam.Role(this, "InfrastructureRole", {
      description: "ECS creates each Jupyter task's EBS volume from its labenv snapshot",
      assumedBy: new iam.ServicePrincipal("ecs.amazonaws.com"),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName(
          "service-role/AmazonECSInfrastructureRolePolicyForVolumes",
        ),
      ],
    });
    props.dataKey.grant(
      this.infrastructureRole,
      "kms:CreateGrant",
      "kms:GenerateDataKeyWithoutPlaintext",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
      "kms:Decrypt",
      "kms:DescribeKey",
    );
    Validations.of(this.infrastructureRole).acknowledge({
      id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes]",
      reason:
        "AWS maintains this policy for ECS-managed EBS volumes; it only lets ECS create, attach and delete volumes it manages for tasks.",
    });

    this.taskRoles = new LabTaskRoles(this, "TaskRoles", {
      labs: props.labs,
      fileSystem: props.fileSystem,
      objects: props.objects,
    });

    this.restoreMoveRole = new RestoreMoveTaskRole(this, "RestoreMoveTaskRole", {
      fileSystem: props.fileSystem,
      objects: props.objects,
    }).role;

    this.loadBalancer = new JupyterLoadBalancer(this, "LoadBalancer", {
      vpc: props.vpc,
      subnets: props.loadBalancerSubnets,
      securityGroup: props.loadBalancerSecurityGroup,
      logBucket: props.objects.logBucket,
      ...(props.certificateArn !== undefined && { certificateArn: props.certificateArn }),
      internetFacing: props.internetFacing ?? false,
    });
  }
}
