// The reconciler, drift and GitHub App Lambdas, what wakes them, where
// failures go, and how secrets reach them (as ARNs, never as values). This
// stack is deployed without a repository (no -c githubRepository): the drift (and drill)
// schedule exists but is off. test/infra/drift.test.ts covers the drift
// Lambda with one.
import { APP_PROCESS_ENVIRONMENT } from "../../github-app/heap-tuning.js";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { UNFILLED_SECRET } from "../../infra/lib/github-app.js";
import { ENV } from "../../infra/lib/runtime-environment.js";
import { type SynthesizedLabenv, TEST_LABS, logicalId, synthLabenv } from "./labenv-test-app.js";

type Resource = { Properties: Record<string, any> };

let labenv: SynthesizedLabenv;
let template: Template;
let reconciler: string;
let drift: string;
let app: string;
let dashboard: string;
let functions: Record<string, Resource>;
beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
  reconciler = logicalId(labenv.stack, labenv.stack.reconciler.function.function);
  drift = logicalId(labenv.stack, labenv.stack.drift.function.function);
  app = logicalId(labenv.stack, labenv.stack.githubApp.function.function);
  dashboard = logicalId(labenv.stack, labenv.stack.dashboard.function.function);
  functions = template.findResources("AWS::Lambda::Function") as Record<string, Resource>;
});

describe("the four Lambdas", () => {
  it("run Node.js 22 on ARM64 with the exported handler, inside the VPC", () => {
    expect(Object.keys(functions).sort()).toEqual([app, drift, reconciler, dashboard].sort());
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
        VpcConfig: {
          SubnetIds: expect.any(Array),
          SecurityGroupIds: [
            {
              "Fn::GetAtt": [
                logicalId(labenv.stack, labenv.stack.network.functionSecurityGroup),
                "GroupId",
              ],
            },
          ],
        },
      });
    }
  });

  it("receive every name the contract lists, and only names: no secret value", () => {
    const reconcilerEnv = functions[reconciler]!.Properties.Environment.Variables as Record<
      string,
      unknown
    >;
    const driftEnv = functions[drift]!.Properties.Environment.Variables as Record<string, unknown>;
    const appEnv = functions[app]!.Properties.Environment.Variables as Record<string, unknown>;
    const appOnly: string[] = [ENV.reconcilerFunction, ENV.driftFunction];
    // Only with the settings that name them: the repository, and researcher access.
    const repository: string[] = [
      ENV.githubRepository,
      ENV.githubInstallationId,
      ENV.wakeTargetGroupArn,
    ];
    const shared = Object.values(ENV).filter(
      (name) => !appOnly.includes(name) && !repository.includes(name),
    );
    expect(Object.keys(reconcilerEnv).sort()).toEqual([...shared].sort());
    expect(driftEnv).toEqual(reconcilerEnv);
    // And the app's process settings (github-app/heap-tuning.ts), which name nothing.
    expect(Object.keys(appEnv).sort()).toEqual(
      [...shared, ...appOnly, ...Object.keys(APP_PROCESS_ENVIRONMENT)].sort(),
    );
    expect(appEnv).toMatchObject({
      NODE_OPTIONS: "--max-semi-space-size=8",
      MALLOC_ARENA_MAX: "2",
    });
    expect(reconcilerEnv[ENV.labs]).toBe(TEST_LABS.join(","));
    for (const name of [
      ENV.githubAppIdSecretArn,
      ENV.githubPrivateKeySecretArn,
      ENV.githubWebhookSecretArn,
    ]) {
      expect(reconcilerEnv[name]).toEqual({ Ref: expect.stringMatching(/^GithubAppSecrets/) });
    }
    const rendered = JSON.stringify([reconcilerEnv, driftEnv, appEnv]);
    expect(rendered).not.toContain(UNFILLED_SECRET);
    expect(rendered).not.toMatch(/BEGIN (RSA )?PRIVATE KEY|resolve:secretsmanager/);
  });

  it("map each lab to its task role in LABENV_TASK_ROLE_ARNS", () => {
    const value = JSON.stringify(
      functions[reconciler]!.Properties.Environment.Variables[ENV.taskRoleArns],
    );
    for (const [lab, role] of labenv.stack.compute.taskRoles.byLab) {
      expect(value).toContain(`\\"${lab}\\":\\"`);
      expect(value).toContain(logicalId(labenv.stack, role));
    }
  });
});

describe("reconciler triggers", () => {
  const rulesTargeting = (fn: string) =>
    Object.values(template.findResources("AWS::Events::Rule")).filter((rule) =>
      (rule.Properties.Targets as { Arn: unknown }[]).some(
        (t) => JSON.stringify(t.Arn) === JSON.stringify({ "Fn::GetAtt": [fn, "Arn"] }),
      ),
    );

  it("is scheduled only for restore drills (weekly, in drill mode): looking for drift is the drift Lambda's", () => {
    const schedules = rulesTargeting(reconciler).filter(
      (rule) => rule.Properties.ScheduleExpression !== undefined,
    );
    expect(schedules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(["rate(7 days)"]);
    expect(schedules[0]!.Properties.Targets[0].Input).toBe(
      JSON.stringify({ source: "labenv.drill", maxPerRun: 2 }),
    );
    expect(rulesTargeting(drift).map((rule) => rule.Properties.ScheduleExpression)).toEqual([
      "rate(15 minutes)",
    ]);
  });

  it("hears RUNNING and STOPPED task changes from the labenv cluster only", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.ecs"],
        "detail-type": ["ECS Task State Change"],
        detail: {
          clusterArn: [
            { "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.compute.cluster), "Arn"] },
          ],
          lastStatus: ["RUNNING", "STOPPED"],
        },
      },
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [reconciler, "Arn"] } })],
    });
    expect(
      rulesTargeting(reconciler).filter((rule) => rule.Properties.EventPattern !== undefined),
    ).toHaveLength(1);
  });

  it("sends events that fail every retry to the dead-letter queue of the function they were for", () => {
    const queueOf = {
      [reconciler]: labenv.stack.reconciler.deadLetterQueue,
      [drift]: labenv.stack.drift.deadLetterQueue,
    };
    const rules = Object.values(template.findResources("AWS::Events::Rule"));
    expect(rules).toHaveLength(3);
    for (const [fn, queue] of Object.entries(queueOf)) {
      const arn = { "Fn::GetAtt": [logicalId(labenv.stack, queue), "Arn"] };
      for (const rule of rulesTargeting(fn)) {
        expect(rule.Properties.Targets).toEqual([
          expect.objectContaining({
            DeadLetterConfig: { Arn: arn },
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          }),
        ]);
      }
      expect(functions[fn]!.Properties.DeadLetterConfig).toEqual({ TargetArn: arn });
    }
  });
});

describe("without a repository (no -c githubRepository)", () => {
  it("creates the drift and drill schedules disabled: a run could not read the repository", () => {
    const schedule = Object.values(template.findResources("AWS::Events::Rule")).filter(
      (rule) => rule.Properties.ScheduleExpression !== undefined,
    );
    expect(schedule.map((rule) => rule.Properties.State)).toEqual(["DISABLED", "DISABLED"]);
  });

  it("says so in a synth warning", () => {
    const warnings = labenv.app
      .synth()
      .getStackArtifact(labenv.stack.artifactId)
      .messages.filter((m) => m.level === "warning");
    expect(warnings.map((w) => String(w.entry.data))).toContainEqual(
      expect.stringContaining("the drift schedule is created disabled"),
    );
  });
});

describe("dead-letter queues", () => {
  it("are encrypted, keep messages 14 days and refuse requests without TLS", () => {
    template.resourceCountIs("AWS::SQS::Queue", 2);
    for (const queue of [
      labenv.stack.reconciler.deadLetterQueue,
      labenv.stack.drift.deadLetterQueue,
    ]) {
      const id = logicalId(labenv.stack, queue);
      expect(template.findResources("AWS::SQS::Queue")[id]!.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      });
      template.hasResourceProperties("AWS::SQS::QueuePolicy", {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: "Deny",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
          ]),
        },
      });
    }
  });
});

describe("alarms", () => {
  const alarmOn = (metric: string) =>
    Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter(
      (alarm) => alarm.Properties.MetricName === metric,
    );

  it("fire on reconciler, drift and app errors, dead letters, and runs near the timeout, into the alarm topic", () => {
    expect(
      alarmOn("Errors")
        .map((a) => a.Properties.AlarmName)
        .sort(),
    ).toEqual(["Labenv-drift-errors", "Labenv-github-app-errors", "Labenv-reconciler-errors"]);
    expect(
      alarmOn("ApproximateNumberOfMessagesVisible")
        .map((a) => a.Properties.AlarmName)
        .sort(),
    ).toEqual(["Labenv-drift-dead-letters", "Labenv-reconciler-dead-letters"]);
    const duration = alarmOn("Duration");
    expect(duration.map((a) => a.Properties.AlarmName).sort()).toEqual([
      "Labenv-drift-near-timeout",
      "Labenv-reconciler-near-timeout",
    ]);
    for (const alarm of duration)
      expect(alarm.Properties).toMatchObject({ Threshold: 480_000, Statistic: "Maximum" });
    expect(functions[reconciler]!.Properties.Timeout).toBe(600);
    expect(functions[drift]!.Properties.Timeout).toBe(600);
    const topic = logicalId(
      labenv.stack,
      labenv.stack.node.findChild("Alarms").node.findChild("Topic"),
    );
    for (const alarm of Object.values(template.findResources("AWS::CloudWatch::Alarm"))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    }
  });

  it("publish to a topic encrypted with the labenv key that refuses plain HTTP", () => {
    template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });
});

describe("GitHub App", () => {
  it("takes webhooks on a Function URL without AWS auth (the app checks GitHub's signature)", () => {
    template.hasResourceProperties("AWS::Lambda::Url", {
      AuthType: "NONE",
      TargetFunctionArn: { "Fn::GetAtt": [app, "Arn"] },
    });
    template.hasOutput("WebhookUrl", {
      Value: {
        "Fn::GetAtt": [
          Match.stringLikeRegexp("^GithubAppLambdaFunctionFunctionUrl"),
          "FunctionUrl",
        ],
      },
    });
  });

  it("keeps its three credentials in Secrets Manager: id and key to fill in, webhook secret generated", () => {
    const secrets = Object.values(template.findResources("AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(3);
    expect(secrets.filter((s) => s.Properties.SecretString === UNFILLED_SECRET)).toHaveLength(2);
    expect(
      secrets.filter((s) => s.Properties.GenerateSecretString?.PasswordLength === 48),
    ).toHaveLength(1);
  });

  it("may invoke the reconciler and the drift function and nothing else", () => {
    const invokes = Object.values(template.findResources("AWS::IAM::Policy"))
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as {
            Action: string | string[];
            Resource: unknown;
          }[],
      )
      .filter((s) => [s.Action].flat().some((a) => a.startsWith("lambda:")));
    expect(invokes).toEqual([
      expect.objectContaining({
        Action: "lambda:InvokeFunction",
        Resource: [{ "Fn::GetAtt": [reconciler, "Arn"] }, { "Fn::GetAtt": [drift, "Arn"] }],
      }),
    ]);
  });

  it('names both functions: merges to LABENV_RECONCILER_FUNCTION, "put it back" to LABENV_DRIFT_FUNCTION', () => {
    const appEnv = functions[app]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(appEnv[ENV.reconcilerFunction]).toEqual({ Ref: reconciler });
    expect(appEnv[ENV.driftFunction]).toEqual({ Ref: drift });
  });
});
