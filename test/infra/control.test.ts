// The reconciler and GitHub App Lambdas, what wakes them, where failures go,
// and how secrets reach them (as ARNs, never as values).
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { UNFILLED_SECRET } from "../../infra/lib/github-app.js";
import { ENV } from "../../infra/lib/runtime-environment.js";
import { type SynthesizedLabenv, TEST_LABS, logicalId, synthLabenv } from "./labenv-test-app.js";

type Resource = { Properties: Record<string, any> };

let labenv: SynthesizedLabenv;
let template: Template;
let reconciler: string;
let app: string;
let functions: Record<string, Resource>;
beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
  reconciler = logicalId(labenv.stack, labenv.stack.reconciler.function.function);
  app = logicalId(labenv.stack, labenv.stack.githubApp.function.function);
  functions = template.findResources("AWS::Lambda::Function") as Record<string, Resource>;
});

describe("both Lambdas", () => {
  it("run Node.js 22 on ARM64 with the exported handler, inside the VPC", () => {
    expect(Object.keys(functions).sort()).toEqual([app, reconciler].sort());
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
        VpcConfig: { SubnetIds: expect.any(Array), SecurityGroupIds: [{ "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.network.functionSecurityGroup), "GroupId"] }] },
      });
    }
  });

  it("receive every name the contract lists, and only names: no secret value", () => {
    const reconcilerEnv = functions[reconciler]!.Properties.Environment.Variables as Record<string, unknown>;
    const appEnv = functions[app]!.Properties.Environment.Variables as Record<string, unknown>;
    const shared = Object.values(ENV).filter((name) => name !== ENV.reconcilerFunction);
    expect(Object.keys(reconcilerEnv).sort()).toEqual([...shared].sort());
    expect(Object.keys(appEnv).sort()).toEqual([...shared, ENV.reconcilerFunction].sort());
    expect(reconcilerEnv[ENV.labs]).toBe(TEST_LABS.join(","));
    for (const name of [ENV.githubAppIdSecretArn, ENV.githubPrivateKeySecretArn, ENV.githubWebhookSecretArn]) {
      expect(reconcilerEnv[name]).toEqual({ Ref: expect.stringMatching(/^GithubAppSecrets/) });
    }
    const rendered = JSON.stringify([reconcilerEnv, appEnv]);
    expect(rendered).not.toContain(UNFILLED_SECRET);
    expect(rendered).not.toMatch(/BEGIN (RSA )?PRIVATE KEY|resolve:secretsmanager/);
  });

  it("map each lab to its task role in LABENV_TASK_ROLE_ARNS", () => {
    const value = JSON.stringify(functions[reconciler]!.Properties.Environment.Variables[ENV.taskRoleArns]);
    for (const [lab, role] of labenv.stack.compute.taskRoles.byLab) {
      expect(value).toContain(`\\"${lab}\\":\\"`);
      expect(value).toContain(logicalId(labenv.stack, role));
    }
  });
});

describe("reconciler triggers", () => {
  it("looks for drift every 15 minutes", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(15 minutes)",
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [reconciler, "Arn"] } })],
    });
  });

  it("hears RUNNING and STOPPED task changes from the labenv cluster only", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.ecs"],
        "detail-type": ["ECS Task State Change"],
        detail: { clusterArn: [{ "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.compute.cluster), "Arn"] }], lastStatus: ["RUNNING", "STOPPED"] },
      },
    });
  });

  it("sends events that fail every retry to the dead-letter queue", () => {
    const queue = logicalId(labenv.stack, labenv.stack.reconciler.deadLetterQueue);
    for (const rule of Object.values(template.findResources("AWS::Events::Rule"))) {
      expect(rule.Properties.Targets).toEqual([
        expect.objectContaining({ DeadLetterConfig: { Arn: { "Fn::GetAtt": [queue, "Arn"] } }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 } }),
      ]);
    }
    expect(functions[reconciler]!.Properties.DeadLetterConfig).toEqual({ TargetArn: { "Fn::GetAtt": [queue, "Arn"] } });
  });
});

describe("dead-letter queue", () => {
  it("is encrypted and refuses requests without TLS", () => {
    const queue = logicalId(labenv.stack, labenv.stack.reconciler.deadLetterQueue);
    template.hasResourceProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    template.hasResourceProperties("AWS::SQS::QueuePolicy", {
      Queues: [{ Ref: queue }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });
});

describe("alarms", () => {
  const alarmOn = (metric: string) =>
    Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter((alarm) => alarm.Properties.MetricName === metric);

  it("fire on reconciler and app errors, dead letters, and runs near the timeout, into the alarm topic", () => {
    expect(alarmOn("Errors")).toHaveLength(2);
    expect(alarmOn("ApproximateNumberOfMessagesVisible")).toHaveLength(1);
    const duration = alarmOn("Duration");
    expect(duration).toHaveLength(1);
    expect(duration[0]!.Properties).toMatchObject({ Threshold: 480_000, Statistic: "Maximum", AlarmName: "Labenv-reconciler-near-timeout" });
    expect(functions[reconciler]!.Properties.Timeout).toBe(600);
    const topic = logicalId(labenv.stack, labenv.stack.node.findChild("Alarms").node.findChild("Topic") as never);
    for (const alarm of Object.values(template.findResources("AWS::CloudWatch::Alarm"))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    }
  });

  it("publish to a topic encrypted with the labenv key that refuses plain HTTP", () => {
    template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });
});

describe("GitHub App", () => {
  it("takes webhooks on a Function URL without AWS auth (the app checks GitHub's signature)", () => {
    template.hasResourceProperties("AWS::Lambda::Url", { AuthType: "NONE", TargetFunctionArn: { "Fn::GetAtt": [app, "Arn"] } });
    template.hasOutput("WebhookUrl", { Value: { "Fn::GetAtt": [Match.stringLikeRegexp("^GithubAppLambdaFunctionFunctionUrl"), "FunctionUrl"] } });
  });

  it("keeps its three credentials in Secrets Manager: id and key to fill in, webhook secret generated", () => {
    const secrets = Object.values(template.findResources("AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(3);
    expect(secrets.filter((s) => s.Properties.SecretString === UNFILLED_SECRET)).toHaveLength(2);
    expect(secrets.filter((s) => s.Properties.GenerateSecretString?.PasswordLength === 48)).toHaveLength(1);
  });

  it("may invoke the reconciler and nothing else", () => {
    const invokes = Object.values(template.findResources("AWS::IAM::Policy"))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
      .filter((s) => [s.Action].flat().some((a) => a.startsWith("lambda:")));
    expect(invokes).toEqual([expect.objectContaining({ Action: "lambda:InvokeFunction", Resource: { "Fn::GetAtt": [reconciler, "Arn"] } })]);
  });
});
