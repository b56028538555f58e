// What every asynchronously invoked labenv Lambda (the reconciler, the drift
// function) gets around it: an encrypted dead-letter queue for invocations and
// EventBridge deliveries that failed every retry, and three alarms into the
// alarm topic — an invocation failed, something waits in the dead-letter
// queue, a run came close to its timeout.
//
// The alarms' construct ids ("Errors", "DeadLetterDepth", "NearTimeout") and
// the queue's are created in the caller's scope and are part of each
// resource's identity: do not rename them.
import { Duration, Stack, Validations } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";

/** An encrypted, TLS-only queue kept 14 days; `owner` names what it is the dead-letter queue of, for cdk-nag. */
export function deadLetterQueue(scope: Construct, id: string, owner: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: "AwsSolutions-SQS3",
    reason: `This queue is itself the dead-letter queue of ${owner}.`,
  });
  return queue;
}

export interface FunctionAlarmsProps {
  readonly function: lambda.IFunction;
  readonly deadLetterQueue: sqs.IQueue;
  readonly topic: sns.ITopic;
  readonly timeout: Duration;
  /** Alarm names are `<stack>-<name>-errors`, `-dead-letters`, `-near-timeout`. */
  readonly name: string;
  /** How descriptions name the function, e.g. "labenv reconciler". */
  readonly label: string;
}

/** Errors, dead letters and runs over 80% of the timeout, each alarming on one occurrence in five minutes. */
export function addFunctionAlarms(
  scope: Construct,
  props: FunctionAlarmsProps,
): cloudwatch.Alarm[] {
  const fn = props.function;
  const period = Duration.minutes(5);
  const name = (suffix: string) => `${Stack.of(scope).stackName}-${props.name}-${suffix}`;
  const common = {
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  };
  const alarms = [
    new cloudwatch.Alarm(scope, "Errors", {
      ...common,
      alarmName: name("errors"),
      alarmDescription: `${props.label}: an invocation failed`,
      metric: fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
    }),
    new cloudwatch.Alarm(scope, "DeadLetterDepth", {
      ...common,
      alarmName: name("dead-letters"),
      alarmDescription: `${props.label}: events gave up after every retry and wait in the dead-letter queue`,
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
    }),
    new cloudwatch.Alarm(scope, "NearTimeout", {
      ...common,
      alarmName: name("near-timeout"),
      alarmDescription: `${props.label}: a run took more than 80% of its timeout`,
      metric: fn.metricDuration({ period, statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: Math.floor(props.timeout.toMilliseconds() * 0.8),
    }),
  ];
  for (const alarm of alarms) alarm.addAlarmAction(new actions.SnsAction(props.topic));
  return alarms;
}
