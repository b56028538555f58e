// ResearchStorage: the EFS file system holding research data, and the AWS
// Backup vault, plan and service role that copy it. EFS has no snapshot API:
// point-in-time copies are AWS Backup jobs, started on schedule by the plan
// here and on demand by the reconciler (labenv snapshots), both into the vault.
import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import * as backup from "aws-cdk-lib/aws-backup";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as efs from "aws-cdk-lib/aws-efs";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

const NFS_CLIENT_ACTIONS = [
  "elasticfilesystem:ClientMount",
  "elasticfilesystem:ClientWrite",
  "elasticfilesystem:ClientRootAccess",
];

export interface ResearchStorageProps {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly encryptionKey: kms.IKey;
  /**
   * Days a daily backup is kept.
   * @default 35
   */
  readonly dailyBackupRetentionDays?: number;
  /**
   * Years a monthly backup is kept (research funders commonly ask for ten).
   * @default 10
   */
  readonly monthlyBackupRetentionYears?: number;
}

export class ResearchStorage extends Construct {
  readonly fileSystem: efs.FileSystem;
  readonly vault: backup.BackupVault;
  /** The role AWS Backup assumes for the plan here and for the reconciler's on-demand jobs. */
  readonly backupRole: iam.Role;

  constructor(scope: Construct, id: string, props: ResearchStorageProps) {
    super(scope, id);

    this.fileSystem = new efs.FileSystem(this, "FileSystem", {
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroup: props.securityGroup,
      encrypted: true,
      kmsKey: props.encryptionKey,
      enableAutomaticBackups: true,
      lifecyclePolicy: efs.LifecyclePolicy.AFTER_30_DAYS,
      outOfInfrequentAccessPolicy: efs.OutOfInfrequentAccessPolicy.AFTER_1_ACCESS,
      performanceMode: efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode: efs.ThroughputMode.ELASTIC,
      removalPolicy: RemovalPolicy.RETAIN,
      fileSystemPolicy: researchFileSystemPolicy(),
    });

    this.vault = new backup.BackupVault(this, "Vault", {
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.backupRole = new iam.Role(this, "BackupRole", {
      assumedBy: new iam.ServicePrincipal("backup.amazonaws.com"),
      description: "AWS Backup copies and restores the labenv research file system",
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName(
          "service-role/AWSBackupServiceRolePolicyForBackup",
        ),
        iam.ManagedPolicy.fromAwsManagedPolicyName(
          "service-role/AWSBackupServiceRolePolicyForRestores",
        ),
      ],
    });

    Validations.of(this.backupRole).acknowledge(
      {
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]",
        reason:
          "AWS maintains this policy for AWS Backup to copy supported resources; only AWS Backup can assume this role.",
      },
      {
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]",
        reason:
          "AWS maintains this policy for AWS Backup to restore into the research file system; only AWS Backup can assume this role.",
      },
    );

    const plan = new backup.BackupPlan(this, "Plan", {
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: "daily",
          scheduleExpression: events.Schedule.cron({ hour: "3", minute: "0" }),
          deleteAfter: Duration.days(props.dailyBackupRetentionDays ?? 35),
        }),
        new backup.BackupPlanRule({
          ruleName: "monthly",
          scheduleExpression: events.Schedule.cron({ day: "1", hour: "4", minute: "0" }),
          moveToColdStorageAfter: Duration.days(90),
          deleteAfter: Duration.days(365 * (props.monthlyBackupRetentionYears ?? 10)),
        }),
      ],
    });
    plan.addSelection("ResearchFileSystem", {
      resources: [backup.BackupResource.fromEfsFileSystem(this.fileSystem)],
      role: this.backupRole,
    });
  }
}

// Every NFS client must use TLS and come in through an access point: the
// access point's POSIX user and root directory are what keep one researcher's
// files apart from another's. Nobody gets root over NFS.
function researchFileSystemPolicy(): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        sid: "DenyWithoutTls",
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ["*"],
        conditions: { Bool: { "aws:SecureTransport": "false" } },
      }),
      new iam.PolicyStatement({
        sid: "DenyWithoutAccessPoint",
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: NFS_CLIENT_ACTIONS,
        conditions: { Null: { "elasticfilesystem:AccessPointArn": "true" } },
      }),
      new iam.PolicyStatement({
        sid: "DenyRootAccess",
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ["elasticfilesystem:ClientRootAccess"],
      }),
    ],
  });
}
