// The drift Lambda (reconciler/lambda/drift-handler.ts) and what wakes it: the
// schedule, and the GitHub App when a drift pull request is closed without
// merging ("put it back": `{ source: "labenv.github-app", revert: "<lab>/<env>" }`,
// sent to LABENV_DRIFT_FUNCTION). Failed invocations and schedule deliveries
// land in an encrypted dead-letter queue; alarms watch errors, the queue, and
// runs that come close to the timeout.
//
// Why the schedule is here and not on the reconciler: the schedule exists to
// look for drift. The reconciler handler (reconciler/lambda/handler.ts) only
// applies a commit (core reconcile in `apply` mode) and never runs drift;
// woken every 15 minutes it would re-apply main, overwriting infrastructure
// drift without judging it, without honouring the environment's drift policy
// (pr, revert, alert), and without ever seeing what changed inside a
// container (the agent's observations). The drift handler is the one that
// judges every environment against its lock and observation and then acts on
// its policy, and its event type names the schedule (`source: "aws.events"`);
// docs/drift.md says the drift Lambda runs on the schedule. The reconciler
// keeps the ECS task state change rule and the merges the GitHub App sends.
//
// What it may do (drift-permissions.ts): observe like the reconciler, and the
// part of the reconciler's writes a put-back calls (snapshot /opt/jupyter,
// replace the service's task), under the same lease in the state table. It
// reads observations, drift reports and memory and the task definition memo
// from the object bucket and writes only the last three; on the schedule it
// verifies stored snapshots (reads `snapshots/`, `prunes/` and
// `verifications/`, writes only `verifications/`: never a snapshot); it reads the GitHub
// App's id and private key (never the webhook secret) to read the repository
// and open drift pull requests.
import { Duration, Stack } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { driftStatements, driftWildcards } from "./drift-permissions.js";
import { addFunctionAlarms, deadLetterQueue } from "./function-alarms.js";
import { LabenvFunction } from "./labenv-function.js";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import type { ReconcilerPermissionsProps } from "./reconciler-permissions.js";

/**
 * Where drift keeps its data in the object bucket (reconciler/core/drift/drift-objects.ts,
 * reconciler/adapters/aws/object-store-task-definition-spec-cache.ts).
 */
export const DRIFT_OBJECT_PREFIXES = {
  /**
   * Observations (the agent writes them), drift reports and memory, the task definition memo,
   * and the records of shares' snapshot copies (desire grants from them).
   */
  read: [
    "observations/",
    "drift/",
    "task-definitions/",
    "shares/",
    // The scheduled verify: manifests and their objects, prune records, verify records.
    "snapshots/",
    "prunes/",
    "verifications/",
  ],
  /** Drift reports and memory, the task definition memo, verify records; never an observation nor a snapshot. */
  write: ["drift/", "task-definitions/", "verifications/"],
} as const;

/** What the drift function logs when a stored snapshot fails its scheduled verify, or the verify stops on an error. */
export const VERIFICATION_FAILURE_TERMS = ["FAILED verification", "snapshot verification stopped"];

export interface DriftProps {
  /** Absolute path of the entry file exporting `handler`. */
  readonly entry: string;
  readonly projectRoot: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  /** The reconciler's permissions: drift reuses part of them. */
  readonly permissions: ReconcilerPermissionsProps;
  readonly alarmTopic: sns.ITopic;
  /**
   * Minutes between scheduled drift runs.
   * @default 15
   */
  readonly scheduleMinutes?: number;
  /**
   * Whether the schedule runs. Off while the deploy does not know the
   * repository (a run could only fail).
   * @default true
   */
  readonly scheduleEnabled?: boolean;
  /**
   * Longest a drift run may take (observe, every environment, put-backs).
   * @default Duration.minutes(10)
   */
  readonly timeout?: Duration;
  /**
   * Memory in MiB.
   * @default 1024
   */
  readonly memorySize?: number;
}

export class Drift extends Construct {
  readonly function: LabenvFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly putBackPolicy: iam.ManagedPolicy;
  readonly schedule: events.Rule;
  readonly verificationFailures: logs.MetricFilter;

  constructor(scope: Construct, id: string, props: DriftProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(10);
    const stack = Stack.of(this);

    this.deadLetterQueue = deadLetterQueue(
      this,
      "DeadLetters",
      "the drift Lambda and its schedule",
    );

    this.function = new LabenvFunction(this, "Lambda", {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description:
        "labenv drift: judges what runs against the locks, opens drift pull requests, puts environments back",
      timeout,
      memorySize: props.memorySize ?? 1024,
      environment: props.environment,
      vpc: props.vpc,
      subnets: props.subnets,
      securityGroup: props.securityGroup,
      deadLetterQueue: this.deadLetterQueue,
    });

    this.putBackPolicy = new iam.ManagedPolicy(this, "PutBackPolicy", {
      description:
        "labenv drift: observe, and put labenv-tagged environments back (snapshot, then a new task)",
      statements: driftStatements(stack, props.permissions),
    });
    this.function.role.addManagedPolicy(this.putBackPolicy);
    acknowledgeWildcardResources(this.putBackPolicy, driftWildcards(stack, props.permissions));

    this.schedule = new events.Rule(this, "Schedule", {
      description: "labenv: look for drift",
      schedule: events.Schedule.rate(Duration.minutes(props.scheduleMinutes ?? 15)),
      enabled: props.scheduleEnabled ?? true,
      targets: [
        new targets.LambdaFunction(this.function.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      ],
    });

    // A stored snapshot that fails its scheduled verify is said on every run until it is proved
    // again (reconciler/core/snapshots/verify-due.ts): one alarm into the topic while it lasts.
    this.verificationFailures = new logs.MetricFilter(this, "VerificationFailures", {
      logGroup: this.function.logGroup,
      filterPattern: logs.FilterPattern.anyTerm(...VERIFICATION_FAILURE_TERMS),
      metricNamespace: "labenv",
      metricName: "SnapshotVerificationFailures",
      metricValue: "1",
    });
    new cloudwatch.Alarm(this, "VerificationFailed", {
      alarmName: `${stack.stackName}-snapshot-verification-failed`,
      alarmDescription:
        "labenv drift: a stored snapshot failed its scheduled verify (or the verify could not run); nothing was deleted or rewritten — labenv snapshot show <lab/env/name> names the object, the expected and the found sums",
      metric: this.verificationFailures.metric({
        period: Duration.minutes(15),
        statistic: "Sum",
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new actions.SnsAction(props.alarmTopic));

    addFunctionAlarms(this, {
      function: this.function.function,
      deadLetterQueue: this.deadLetterQueue,
      topic: props.alarmTopic,
      timeout,
      name: "drift",
      label: "labenv drift",
    });
  }
}
