// The reconciler Lambda and what wakes it: a schedule for drift, ECS task
// state changes from the labenv cluster, and the GitHub App (after a merge).
// Failed asynchronous invocations land in an encrypted dead-letter queue;
// alarms watch errors, the queue, and runs that come close to the timeout.
import { Duration, Stack, Validations } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import type * as ecs from "aws-cdk-lib/aws-ecs";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { LabenvFunction } from "./labenv-function.js";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import { type ReconcilerPermissionsProps, dataPlaneWildcards, reconcilerStatements } from "./reconciler-permissions.js";

/** ECS task states worth a look: a task came up, or a task went away. */
export const OBSERVED_TASK_STATES = ["RUNNING", "STOPPED"];

export interface ReconcilerProps {
  /** Absolute path of the entry file exporting `handler`. */
  readonly entry: string;
  readonly projectRoot: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly cluster: ecs.ICluster;
  readonly permissions: ReconcilerPermissionsProps;
  readonly alarmTopic: sns.ITopic;
  /**
   * Minutes between scheduled drift checks.
   * @default 15
   */
  readonly driftScheduleMinutes?: number;
  /**
   * Longest a reconcile may run.
   * @default Duration.minutes(10)
   */
  readonly timeout?: Duration;
  /**
   * Memory in MiB.
   * @default 1024
   */
  readonly memorySize?: number;
}

export class Reconciler extends Construct {
  readonly function: LabenvFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly driftSchedule: events.Rule;
  readonly taskStateChanges: events.Rule;

  constructor(scope: Construct, id: string, props: ReconcilerProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(10);

    this.deadLetterQueue = new sqs.Queue(this, "DeadLetters", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter queue of the reconciler Lambda and its EventBridge targets.",
    });

    this.function = new LabenvFunction(this, "Lambda", {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: "labenv reconciler: applies merged environments and reports drift",
      timeout,
      memorySize: props.memorySize ?? 1024,
      environment: props.environment,
      vpc: props.vpc,
      subnets: props.subnets,
      securityGroup: props.securityGroup,
      deadLetterQueue: this.deadLetterQueue,
    });

    const dataPlane = new iam.ManagedPolicy(this, "DataPlanePolicy", {
      description: "labenv reconciler: labenv-tagged data-plane resources only",
      statements: reconcilerStatements(Stack.of(this), props.permissions),
    });
    this.function.role.addManagedPolicy(dataPlane);
    acknowledgeWildcardResources(dataPlane, dataPlaneWildcards(Stack.of(this), props.permissions.clusterName));

    const target = new targets.LambdaFunction(this.function.function, {
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    });
    this.driftSchedule = new events.Rule(this, "DriftSchedule", {
      description: "labenv: look for drift",
      schedule: events.Schedule.rate(Duration.minutes(props.driftScheduleMinutes ?? 15)),
      targets: [target],
    });
    this.taskStateChanges = new events.Rule(this, "TaskStateChanges", {
      description: "labenv: a Jupyter task started or stopped",
      eventPattern: {
        source: ["aws.ecs"],
        detailType: ["ECS Task State Change"],
        detail: { clusterArn: [props.cluster.clusterArn], lastStatus: OBSERVED_TASK_STATES },
      },
      targets: [target],
    });

    this.addAlarms(props.alarmTopic, timeout);
  }

  private addAlarms(topic: sns.ITopic, timeout: Duration): void {
    const fn = this.function.function;
    const period = Duration.minutes(5);
    const name = (suffix: string) => `${Stack.of(this).stackName}-reconciler-${suffix}`;
    const alarms = [
      new cloudwatch.Alarm(this, "Errors", {
        alarmName: name("errors"),
        alarmDescription: "labenv reconciler: an invocation failed",
        metric: fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, "DeadLetterDepth", {
        alarmName: name("dead-letters"),
        alarmDescription: "labenv reconciler: events gave up after every retry and wait in the dead-letter queue",
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, "NearTimeout", {
        alarmName: name("near-timeout"),
        alarmDescription: "labenv reconciler: a run took more than 80% of its timeout",
        metric: fn.metricDuration({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: Math.floor(timeout.toMilliseconds() * 0.8),
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
  }
}
