// Where labenv's CloudWatch alarms go: one encrypted SNS topic, optionally
// subscribed by the engineer's e-mail address (`-c alarmEmail=…`).
import type * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

export interface AlarmTopicProps {
  readonly encryptionKey: kms.IKey;
  /**
   * Address that receives every alarm (AWS sends a confirmation mail first).
   * @default - no subscription; subscribe to the topic yourself
   */
  readonly email?: string;
}

export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, "Topic", {
      displayName: "labenv alarms",
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    if (props.email !== undefined)
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }
}
