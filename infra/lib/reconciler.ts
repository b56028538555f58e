// The reconciler Lambda and what wakes it: the GitHub App after a merge, and
// ECS task state changes from the labenv cluster. It has no schedule: the
// periodic look at what runs belongs to the drift Lambda (drift.ts says why).
// Failed asynchronous invocations land in an encrypted dead-letter queue;
// alarms watch errors, the queue, and runs that come close to the timeout.
import { Duration, Stack } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import type * as ecs from "aws-cdk-lib/aws-ecs";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { addFunctionAlarms, deadLetterQueue } from "./function-alarms.js";
import { LabenvFunction } from "./labenv-function.js";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import {
  type ReconcilerPermissionsProps,
  dataPlaneWildcards,
  reconcilerStatements,
} from "./reconciler-permissions.js";

/** Chart.js's browser build in node_modules, copied beside the reconciler's bundle. */
export const CHART_JS_IN_PACKAGE = "node_modules/chart.js/dist/chart.umd.min.js";

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
  /**
   * A fixed function name (with researcher access: the wake page invokes it by name).
   * @default - a generated name
   */
  readonly functionName?: string;
  readonly alarmTopic: sns.ITopic;
  /**
   * Days between scheduled restore drills, and how many environments one run drills.
   * @default 7 and 2
   */
  readonly drillScheduleDays?: number;
  readonly drillMaxPerRun?: number;
  /**
   * Whether the drill schedule runs (it reads the repository, so it needs it known).
   * @default true
   */
  readonly drillScheduleEnabled?: boolean;
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
  readonly dataPlanePolicy: iam.ManagedPolicy;
  readonly taskStateChanges: events.Rule;
  /** Restore drills on a schedule (the function in drill mode): see docs/snapshots.md. */
  readonly drillSchedule: events.Rule;

  constructor(scope: Construct, id: string, props: ReconcilerProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(10);

    this.deadLetterQueue = deadLetterQueue(
      this,
      "DeadLetters",
      "the reconciler Lambda and its EventBridge target",
    );

    this.function = new LabenvFunction(this, "Lambda", {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: "labenv reconciler: applies merged environments",
      timeout,
      memorySize: props.memorySize ?? 1024,
      environment: props.environment,
      vpc: props.vpc,
      subnets: props.subnets,
      securityGroup: props.securityGroup,
      deadLetterQueue: this.deadLetterQueue,
      // The dashboard it publishes after each run ships Chart.js (reconciler/cli/dashboard-inputs.ts).
      besideBundle: [CHART_JS_IN_PACKAGE],
      ...(props.functionName !== undefined && { functionName: props.functionName }),
    });

    this.dataPlanePolicy = new iam.ManagedPolicy(this, "DataPlanePolicy", {
      description: "labenv reconciler: labenv-tagged data-plane resources only",
      statements: reconcilerStatements(Stack.of(this), props.permissions),
    });
    this.function.role.addManagedPolicy(this.dataPlanePolicy);
    acknowledgeWildcardResources(
      this.dataPlanePolicy,
      dataPlaneWildcards(
        Stack.of(this),
        props.permissions.clusterName,
        props.permissions.listenerArn,
      ),
    );

    const target = new targets.LambdaFunction(this.function.function, {
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
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

    // Restore drills: the function in drill mode (reconciler/lambda/drill-run.ts), at most
    // drillMaxPerRun environments a run, longest undrilled first; it applies nothing.
    this.drillSchedule = new events.Rule(this, "DrillSchedule", {
      description: "labenv: restore drills of the newest snapshots",
      schedule: events.Schedule.rate(Duration.days(props.drillScheduleDays ?? 7)),
      enabled: props.drillScheduleEnabled ?? true,
      targets: [
        new targets.LambdaFunction(this.function.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          event: events.RuleTargetInput.fromObject({
            source: "labenv.drill",
            maxPerRun: props.drillMaxPerRun ?? 2,
          }),
        }),
      ],
    });

    addFunctionAlarms(this, {
      function: this.function.function,
      deadLetterQueue: this.deadLetterQueue,
      topic: props.alarmTopic,
      timeout,
      name: "reconciler",
      label: "labenv reconciler",
    });
  }
}
