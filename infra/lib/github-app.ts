// The GitHub App: its credentials in Secrets Manager and the Lambda that
// receives its webhooks through a Function URL.
//
// The three secrets are created by the deploy and filled by the engineer
// (docs/deploy-aws.md): the app id and private key start as a placeholder
// that fails loudly, the webhook secret is generated here and pasted into the
// GitHub App settings. Lambdas receive only the secrets' ARNs.
import { Duration, SecretValue, Stack, Validations } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import { APP_PROCESS_ENVIRONMENT } from "../../github-app/heap-tuning.js";
import { LabenvFunction } from "./labenv-function.js";

/** What the app id and private key secrets hold until the engineer fills them in. */
export const UNFILLED_SECRET = "UNSET: fill in as described in docs/deploy-aws.md";

const ROTATION_REASON =
  "GitHub issues this credential; it is rotated in the GitHub App settings and written here by the engineer, so Secrets Manager has nothing to rotate it with.";

export class GithubAppSecrets extends Construct {
  readonly appId: secretsmanager.Secret;
  readonly privateKey: secretsmanager.Secret;
  readonly webhookSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.appId = new secretsmanager.Secret(this, "AppId", {
      description: "labenv GitHub App: the app id (a number)",
      secretStringValue: SecretValue.unsafePlainText(UNFILLED_SECRET),
    });
    this.privateKey = new secretsmanager.Secret(this, "PrivateKey", {
      description: "labenv GitHub App: the private key (PEM)",
      secretStringValue: SecretValue.unsafePlainText(UNFILLED_SECRET),
    });
    this.webhookSecret = new secretsmanager.Secret(this, "WebhookSecret", {
      description: "labenv GitHub App: the webhook secret; paste it into the app's settings",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    for (const secret of this.all)
      Validations.of(secret).acknowledge({ id: "AwsSolutions-SMG4", reason: ROTATION_REASON });
  }

  get all(): readonly secretsmanager.Secret[] {
    return [this.appId, this.privateKey, this.webhookSecret];
  }
}

export interface GithubAppProps {
  /** Absolute path of the entry file exporting `handler`. */
  readonly entry: string;
  readonly projectRoot: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly secrets: GithubAppSecrets;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  /** The app starts a reconcile after a merge. */
  readonly reconciler: lambda.IFunction;
  /** The app asks the drift function to put an environment back when its drift pull request is closed unmerged. */
  readonly drift: lambda.IFunction;
  readonly alarmTopic: sns.ITopic;
  /**
   * Longest a webhook may take (GitHub itself waits 10 seconds for the answer).
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
}

export class GithubApp extends Construct {
  readonly function: LabenvFunction;
  readonly webhookUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: GithubAppProps) {
    super(scope, id);
    this.function = new LabenvFunction(this, "Lambda", {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: "labenv GitHub App: checks pull requests, posts plans, gates approvals",
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: 1024,
      // A smaller young generation and two malloc arenas: a review across 20 labs peaks under 200 MB.
      environment: { ...APP_PROCESS_ENVIRONMENT, ...props.environment },
      vpc: props.vpc,
      subnets: props.subnets,
      securityGroup: props.securityGroup,
    });
    for (const secret of props.secrets.all) secret.grantRead(this.function.role);
    // Only these two: merges go to the reconciler, "put it back" to drift
    // (github-app/lambda-reconcile-trigger.ts).
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "StartReconcileOrPutBack",
        actions: ["lambda:InvokeFunction"],
        resources: [props.reconciler.functionArn, props.drift.functionArn],
      }),
    );

    // Authentication NONE is what GitHub webhooks need: GitHub cannot sign AWS
    // requests. Every delivery is authenticated by the app itself, which checks
    // the X-Hub-Signature-256 HMAC against the webhook secret before reading
    // the payload, and the URL does nothing else.
    this.webhookUrl = this.function.function.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
    });

    new cloudwatch.Alarm(this, "Errors", {
      alarmName: `${Stack.of(this).stackName}-github-app-errors`,
      alarmDescription: "labenv GitHub App: a webhook delivery failed",
      metric: this.function.function.metricErrors({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new actions.SnsAction(props.alarmTopic));
  }
}
