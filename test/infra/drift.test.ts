// The drift Lambda: built like the reconciler, woken by the schedule (and by
// the GitHub App for "put it back"), failing into its own dead-letter queue and
// alarms, allowed to observe and to put environments back (part of the
// reconciler's writes, nothing more), and named to the GitHub App, which may
// invoke it and the reconciler only. Deployed the way `cdk deploy -c
// githubRepository=… -c githubInstallationId=… -c driftEntry=…` deploys it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK_DEFINITION_SPECS_KEY } from "../../reconciler/adapters/aws/object-store-task-definition-spec-cache.js";
import {
  PROVIDER_IAM_ACTIONS,
  REQUIRED_IAM_ACTIONS,
} from "../../reconciler/adapters/aws/required-iam-actions.js";
import { driftObjects } from "../../reconciler/core/drift/drift-objects.js";
import { DRIFT_OBJECT_PREFIXES, VERIFICATION_FAILURE_TERMS } from "../../infra/lib/drift.js";
import { snapshotObjects } from "../../reconciler/core/snapshots/manifest.js";
import { verificationObjects } from "../../reconciler/core/snapshots/verification.js";
import { DRIFT_STATEMENTS } from "../../infra/lib/drift-permissions.js";
import { MissingEntryFileError } from "../../infra/lib/entry-file.js";
import { DEFAULT_DRIFT_ENTRY, readSettings } from "../../infra/lib/labenv-settings.js";
import { LabenvStack, PROJECT_ROOT } from "../../infra/lib/labenv-stack.js";
import { CONTROL_PLANE_ACTIONS } from "../../infra/lib/reconciler-permissions.js";
import { ENV } from "../../infra/lib/runtime-environment.js";
import { labenvStackProps } from "../../infra/lib/stack-props.js";
import {
  FIXTURE_ENTRY,
  type SynthesizedLabenv,
  TEST_LABS,
  TEST_REGION,
  logicalId,
  newTestApp,
  synthLabenv,
} from "./labenv-test-app.js";

type Statement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
type Resource = { Properties: Record<string, any> };

const REPOSITORY = "octo-lab/labenv-environments";
const INSTALLATION = "12345";

// What a put-back calls besides observe (ebs-snapshot-driver.ts, jupyter-volume.ts, service-driver.ts).
const PUT_BACK_CALLS = [
  "ecs:ListTasks",
  "ecs:DescribeTasks",
  "ec2:DescribeVolumes",
  "ec2:CreateSnapshot",
  "ec2:CreateTags",
  "ecs:DescribeServices",
  "ecs:UpdateService",
  "ecs:CreateService",
  "ecs:TagResource",
  "iam:PassRole",
];
// What the scheduled verify calls (core/snapshots/verify.ts through aws-snapshot-sources.ts).
const VERIFY_CALLS = ["ec2:DescribeSnapshots", "backup:DescribeRecoveryPoint"];
// The reconciler's writes a put-back never makes.
const NOT_FOR_DRIFT = [
  "ecs:RegisterTaskDefinition",
  "ecs:DeregisterTaskDefinition",
  "ecs:DeleteService",
  "elasticfilesystem:CreateAccessPoint",
  "elasticfilesystem:DeleteAccessPoint",
  "elasticfilesystem:TagResource",
  "backup:StartBackupJob",
  "backup:TagResource",
  // A put-back captures no snapshot: it runs no home-inventory task. The scheduled verify reads
  // a recovery point by its ARN (DescribeRecoveryPoint), never a backup job by id.
  "backup:DescribeBackupJob",
  "ecs:RunTask",
  // Nor runs a restore drill (the reconciler's drill mode stops a stuck drill task).
  "ecs:StopTask",
  // Nor restores a home.
  "backup:StartRestoreJob",
  "backup:DescribeRestoreJob",
  // A put-back prunes no scheduled snapshot.
  "ec2:DeleteSnapshot",
  "backup:ListTags",
  "backup:DescribeBackupVault",
  "backup:DeleteRecoveryPoint",
  // A put-back moves no snapshot between storage tiers.
  "ec2:ModifySnapshotTier",
  "ec2:RestoreSnapshotTier",
  "backup:UpdateRecoveryPointLifecycle",
  // A put-back registers nothing new, so it builds no image.
  "ecr:DescribeImages",
  "codebuild:StartBuild",
  "codebuild:BatchGetBuilds",
  "codebuild:ListBuildsForProject",
  // A put-back replaces the task; the environment's routing stays as it is.
  "elasticloadbalancing:CreateTargetGroup",
  "elasticloadbalancing:ModifyTargetGroup",
  "elasticloadbalancing:DeleteTargetGroup",
  "elasticloadbalancing:CreateRule",
  "elasticloadbalancing:ModifyRule",
  "elasticloadbalancing:SetRulePriorities",
  "elasticloadbalancing:DeleteRule",
  "elasticloadbalancing:AddTags",
  // A put-back keeps the environment's task role as it is.
  "iam:GetRole",
  "iam:CreateRole",
  "iam:PutRolePolicy",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:ListRolePolicies",
  "iam:ListAttachedRolePolicies",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:TagRole",
  "iam:DeleteRole",
];

let labenv: SynthesizedLabenv;
let template: Template;
let fn: string;
let reconciler: string;
let app: string;
let functions: Record<string, Resource>;
let putBack: Statement[];
let reconcilerDataPlane: Statement[];
let inline: Statement[];

beforeAll(() => {
  const context: Record<string, string> = {
    labs: TEST_LABS.join(","),
    reconcilerEntry: FIXTURE_ENTRY,
    githubAppEntry: FIXTURE_ENTRY,
    driftEntry: FIXTURE_ENTRY,
    githubRepository: REPOSITORY,
    githubInstallationId: INSTALLATION,
  };
  labenv = synthLabenv(
    labenvStackProps(readSettings((key) => context[key], { CDK_DEFAULT_REGION: TEST_REGION })),
  );
  template = labenv.template;
  const { stack } = labenv;
  fn = logicalId(stack, stack.drift.function.function);
  reconciler = logicalId(stack, stack.reconciler.function.function);
  app = logicalId(stack, stack.githubApp.function.function);
  functions = template.findResources("AWS::Lambda::Function") as Record<string, Resource>;
  const managed = template.findResources("AWS::IAM::ManagedPolicy");
  putBack =
    managed[logicalId(stack, stack.drift.putBackPolicy)]!.Properties.PolicyDocument.Statement;
  reconcilerDataPlane =
    managed[logicalId(stack, stack.reconciler.dataPlanePolicy)]!.Properties.PolicyDocument
      .Statement;
  const role = logicalId(stack, stack.drift.function.role);
  inline = Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
});

const tmpRoots: string[] = [];
afterAll(() => {
  for (const dir of tmpRoots) rmSync(dir, { recursive: true, force: true });
});

const actionsOf = (s: Statement) => [s.Action].flat();
const resourcesOf = (s: Statement) => [s.Resource].flat();
const getAtt = (id: string) => ({ "Fn::GetAtt": [id, "Arn"] });

describe("the drift function", () => {
  it("runs Node.js 22 on ARM64 with the exported handler, in the reconciler's subnets and security group", () => {
    const drift = functions[fn]!.Properties;
    expect(drift).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      Timeout: 600,
      MemorySize: 1024,
    });
    expect(drift.VpcConfig).toEqual(functions[reconciler]!.Properties.VpcConfig);
    expect(drift.VpcConfig.SecurityGroupIds).toEqual([
      {
        "Fn::GetAtt": [
          logicalId(labenv.stack, labenv.stack.network.functionSecurityGroup),
          "GroupId",
        ],
      },
    ]);
  });

  it("bundles the entry -c driftEntry names, with esbuild into one ESM file", () => {
    const key = (functions[fn]!.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, "");
    const bundle = join(labenv.app.outdir, `asset.${key}`, "index.mjs");
    expect(existsSync(bundle)).toBe(true);
    expect(readFileSync(bundle, "utf8")).toContain("received");
  });

  it(`defaults to ${DEFAULT_DRIFT_ENTRY}, which exports handler`, () => {
    expect(readFileSync(join(PROJECT_ROOT, DEFAULT_DRIFT_ENTRY), "utf8")).toMatch(
      /^export const handler = /m,
    );
    const elsewhere = mkdtempSync(join(tmpdir(), "labenv-drift-entry-"));
    tmpRoots.push(elsewhere);
    const build = () =>
      new LabenvStack(newTestApp(), "Labenv", {
        env: { region: TEST_REGION },
        projectRoot: elsewhere,
        reconcilerEntry: FIXTURE_ENTRY,
        githubAppEntry: FIXTURE_ENTRY,
      });
    expect(build).toThrow(MissingEntryFileError);
    expect(build).toThrow(`the drift Lambda entry file ${DEFAULT_DRIFT_ENTRY} does not exist`);
  });

  it("is told the repository and installation to read main and open drift pull requests through, the same state table as the reconciler, and no secret value", () => {
    const env = functions[fn]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(env).toMatchObject({
      [ENV.githubRepository]: REPOSITORY,
      [ENV.githubInstallationId]: INSTALLATION,
    });
    expect(env).toEqual(functions[reconciler]!.Properties.Environment.Variables);
    expect(env[ENV.stateTable]).toEqual({ Ref: logicalId(labenv.stack, labenv.stack.state.state) });
    expect(env[ENV.objectBucket]).toEqual({
      Ref: logicalId(labenv.stack, labenv.stack.objects.objectBucket),
    });
    expect(env[ENV.githubAppIdSecretArn]).toEqual({
      Ref: expect.stringMatching(/^GithubAppSecretsAppId/),
    });
    expect(env[ENV.githubPrivateKeySecretArn]).toEqual({
      Ref: expect.stringMatching(/^GithubAppSecretsPrivateKey/),
    });
    expect(JSON.stringify(env)).not.toMatch(
      /BEGIN (RSA )?PRIVATE KEY|resolve:secretsmanager|UNSET/,
    );
  });

  it("is an output", () => {
    template.hasOutput("DriftFunctionName", { Value: { Ref: fn } });
  });
});

describe("its schedule", () => {
  it("runs it every 15 minutes, enabled once the repository is known, retrying twice into its dead-letter queue", () => {
    const schedules = Object.values(template.findResources("AWS::Events::Rule")).filter(
      (r) =>
        r.Properties.ScheduleExpression !== undefined &&
        JSON.stringify(r.Properties.Targets) ===
          JSON.stringify([{ ...r.Properties.Targets[0], Arn: getAtt(fn) }]),
    );
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.Properties).toMatchObject({
      ScheduleExpression: "rate(15 minutes)",
      State: "ENABLED",
      Targets: [
        {
          Arn: getAtt(fn),
          Id: expect.any(String),
          DeadLetterConfig: {
            Arn: getAtt(logicalId(labenv.stack, labenv.stack.drift.deadLetterQueue)),
          },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        },
      ],
    });
  });

  it("may invoke it, and nothing else may but the GitHub App's role", () => {
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      FunctionName: getAtt(fn),
      Principal: "events.amazonaws.com",
      SourceArn: getAtt(logicalId(labenv.stack, labenv.stack.drift.schedule)),
    });
    const permissions = Object.values(template.findResources("AWS::Lambda::Permission")).filter(
      (p) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify(getAtt(fn)),
    );
    expect(permissions.map((p) => p.Properties.Principal)).toEqual(["events.amazonaws.com"]);
  });
});

describe("its dead-letter queue and alarms", () => {
  it("take failed invocations (the GitHub App's put-back requests) and schedule deliveries in an encrypted, TLS-only queue", () => {
    const queue = logicalId(labenv.stack, labenv.stack.drift.deadLetterQueue);
    expect(queue).not.toBe(logicalId(labenv.stack, labenv.stack.reconciler.deadLetterQueue));
    expect(functions[fn]!.Properties.DeadLetterConfig).toEqual({ TargetArn: getAtt(queue) });
    expect(template.findResources("AWS::SQS::Queue")[queue]!.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
    template.hasResourceProperties("AWS::SQS::QueuePolicy", {
      Queues: [{ Ref: queue }],
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

  it("alarm on errors, dead letters and runs near the timeout, into the alarm topic", () => {
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter((a) =>
      String(a.Properties.AlarmName).startsWith("Labenv-drift-"),
    );
    const byName = Object.fromEntries(
      alarms.map((a) => [a.Properties.AlarmName as string, a.Properties]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      "Labenv-drift-dead-letters",
      "Labenv-drift-errors",
      "Labenv-drift-near-timeout",
    ]);
    expect(byName["Labenv-drift-errors"]).toMatchObject({
      MetricName: "Errors",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: fn } }],
      Threshold: 1,
    });
    expect(byName["Labenv-drift-dead-letters"]).toMatchObject({
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [
        {
          Name: "QueueName",
          Value: {
            "Fn::GetAtt": [
              logicalId(labenv.stack, labenv.stack.drift.deadLetterQueue),
              "QueueName",
            ],
          },
        },
      ],
    });
    expect(byName["Labenv-drift-near-timeout"]).toMatchObject({
      MetricName: "Duration",
      Threshold: 480_000,
      Statistic: "Maximum",
    });
    const topic = logicalId(
      labenv.stack,
      labenv.stack.node.findChild("Alarms").node.findChild("Topic"),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
  });
});

describe("a snapshot that fails its scheduled verify", () => {
  it("alarms into the alarm topic from the drift function's log, on the lines the verify writes", async () => {
    const { renderDueVerifications } =
      await import("../../reconciler/core/snapshots/verify-due.js");
    const filters = Object.values(template.findResources("AWS::Logs::MetricFilter"));
    const filter = filters.find(
      (f) => f.Properties.MetricTransformations[0].MetricName === "SnapshotVerificationFailures",
    )!;
    expect(filter.Properties.FilterPattern).toBe(
      '?"FAILED verification" ?"snapshot verification stopped"',
    );
    const logGroup = logicalId(labenv.stack, labenv.stack.drift.function.logGroup);
    expect(filter.Properties.LogGroupName).toEqual({ Ref: logGroup });
    expect(functions[fn]!.Properties.LoggingConfig).toMatchObject({
      LogGroup: { Ref: logGroup },
    });
    // The terms are in what the verify logs for a failure and for a pass that stopped.
    const failed = renderDueVerifications({
      everyDays: 7,
      verified: [],
      failing: [{ id: "a/b/c", verifiedAt: "2026-12-07T12:00:00.000Z", findings: [] }],
      left: [],
      notDue: 0,
      error: "verifying a/b/d: AccessDenied",
    }).join("\n");
    for (const term of VERIFICATION_FAILURE_TERMS) expect(failed).toContain(term);
    const passing = renderDueVerifications({
      everyDays: 7,
      verified: [],
      failing: [],
      left: [],
      notDue: 1,
    }).join("\n");
    for (const term of VERIFICATION_FAILURE_TERMS) expect(passing).not.toContain(term);
    const alarm = Object.values(template.findResources("AWS::CloudWatch::Alarm")).find(
      (a) => a.Properties.AlarmName === "Labenv-snapshot-verification-failed",
    )!;
    expect(alarm.Properties).toMatchObject({
      MetricName: "SnapshotVerificationFailures",
      Namespace: "labenv",
      Threshold: 1,
      Statistic: "Sum",
    });
    const topic = logicalId(
      labenv.stack,
      labenv.stack.node.findChild("Alarms").node.findChild("Topic"),
    );
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
  });
});

describe("the GitHub App", () => {
  it('sends "put it back" to the drift function through LABENV_DRIFT_FUNCTION', () => {
    const env = functions[app]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(env[ENV.driftFunction]).toEqual({ Ref: fn });
    expect(env[ENV.reconcilerFunction]).toEqual({ Ref: reconciler });
  });

  it("may invoke the drift function and the reconciler, and no other function", () => {
    const invokes = Object.values(template.findResources("AWS::IAM::Policy"))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => actionsOf(s).some((a) => a.startsWith("lambda:") || a === "*"));
    expect(invokes).toEqual([
      expect.objectContaining({
        Effect: "Allow",
        Action: "lambda:InvokeFunction",
        Resource: [getAtt(reconciler), getAtt(fn)],
      }),
    ]);
  });
});

describe("what drift may do to AWS", () => {
  const allowed = () => new Set(putBack.filter((s) => s.Effect === "Allow").flatMap(actionsOf));

  it("observes like the reconciler and may call everything a put-back and the scheduled verify call", () => {
    for (const action of [...REQUIRED_IAM_ACTIONS.observe, ...PUT_BACK_CALLS, ...VERIFY_CALLS])
      expect(allowed(), action).toContain(action);
  });

  it("is the reconciler's data-plane policy without what a put-back never calls", () => {
    expect([...allowed()].every((action) => PROVIDER_IAM_ACTIONS.includes(action))).toBe(true);
    expect(PROVIDER_IAM_ACTIONS.filter((action) => !allowed().has(action)).sort()).toEqual(
      [...NOT_FOR_DRIFT].sort(),
    );
    expect([...allowed()].filter((a) => /:(Delete|Deregister|\*)/.test(a) || a === "*")).toEqual(
      [],
    );
  });

  it("reuses the reconciler's statements: same Sid, resources and lab-tag conditions, only fewer actions", () => {
    expect(putBack.map((s) => s.Sid)).toEqual(Object.keys(DRIFT_STATEMENTS));
    for (const statement of putBack) {
      const original = reconcilerDataPlane.find((s) => s.Sid === statement.Sid)!;
      expect(original, statement.Sid).toBeDefined();
      expect({ ...statement, Action: undefined }).toEqual({ ...original, Action: undefined });
      for (const action of actionsOf(statement)) expect(actionsOf(original)).toContain(action);
    }
  });

  it("passes only the ECS infrastructure role, to ECS", () => {
    const passes = putBack.filter(
      (s) => s.Effect === "Allow" && actionsOf(s).includes("iam:PassRole"),
    );
    expect(passes).toEqual([
      expect.objectContaining({
        Resource: getAtt(logicalId(labenv.stack, labenv.stack.compute.infrastructureRole)),
        Condition: { StringEquals: { "iam:PassedToService": "ecs.amazonaws.com" } },
      }),
    ]);
  });

  it("keeps the explicit deny of every control-plane action", () => {
    const deny = putBack.find((s) => s.Effect === "Deny")!;
    expect(actionsOf(deny).sort()).toEqual([...CONTROL_PLANE_ACTIONS].sort());
    expect(deny.Resource).toBe("*");
  });
});

describe("what drift may read and write", () => {
  const granting = (action: string) =>
    inline.filter((s) => s.Effect === "Allow" && actionsOf(s).includes(action));
  const objectPrefixes = (action: string) =>
    granting(action)
      .flatMap(resourcesOf)
      .map((r) => {
        const join = (r as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1];
        return String(join[1]).replace(/^\//, "").replace(/\*$/, "");
      });
  const bucketArn = () => getAtt(logicalId(labenv.stack, labenv.stack.objects.objectBucket));

  it("reads observations, drift reports and memory, and the task definition memo", () => {
    const prefixes = objectPrefixes("s3:GetObject");
    expect(prefixes.sort()).toEqual([...DRIFT_OBJECT_PREFIXES.read].sort());
    const keys = [
      driftObjects.observation("genomics-core/rnaseq"),
      driftObjects.report("genomics-core/rnaseq"),
      driftObjects.memory("genomics-core/rnaseq"),
      TASK_DEFINITION_SPECS_KEY,
      snapshotObjects.manifest("genomics-core/rnaseq/thesis"),
      snapshotObjects.content("0".repeat(64)),
      verificationObjects.latest("genomics-core/rnaseq/thesis"),
      "prunes/genomics-core/rnaseq/scheduled-20261201-0300.json",
    ];
    for (const key of keys)
      expect(
        prefixes.some((p) => key.startsWith(p)),
        key,
      ).toBe(true);
    for (const s of granting("s3:GetObject")) {
      for (const r of resourcesOf(s))
        expect((r as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1][0]).toEqual(bucketArn());
    }
    expect(granting("s3:ListBucket").flatMap(resourcesOf)).toEqual([bucketArn()]);
  });

  it("writes drift reports, memory and the task definition memo, never an observation, and deletes nothing", () => {
    const prefixes = objectPrefixes("s3:PutObject");
    expect(prefixes.sort()).toEqual([...DRIFT_OBJECT_PREFIXES.write].sort());
    for (const key of [
      driftObjects.report("a/b"),
      driftObjects.memory("a/b"),
      TASK_DEFINITION_SPECS_KEY,
    ])
      expect(
        prefixes.some((p) => key.startsWith(p)),
        key,
      ).toBe(true);
    expect(prefixes.some((p) => driftObjects.observation("a/b").startsWith(p))).toBe(false);
    // The scheduled verify keeps its record and never writes a snapshot's manifest or objects.
    expect(prefixes.some((p) => verificationObjects.latest("a/b/c").startsWith(p))).toBe(true);
    expect(prefixes.some((p) => snapshotObjects.manifest("a/b/c").startsWith(p))).toBe(false);
    expect(prefixes.some((p) => snapshotObjects.content("0".repeat(64)).startsWith(p))).toBe(false);
    expect(
      inline
        .filter((s) => s.Effect === "Allow")
        .flatMap(actionsOf)
        .filter((a) => /^s3:(Delete|\*)/.test(a)),
    ).toEqual([]);
  });

  it("reads and writes items of the state table only: the lease, applied records and runs it shares with the reconciler", () => {
    const tables = new Set(
      granting("dynamodb:PutItem")
        .flatMap(resourcesOf)
        .map((r) => JSON.stringify(r)),
    );
    expect([...tables]).toEqual([
      JSON.stringify(getAtt(logicalId(labenv.stack, labenv.stack.state.state))),
    ]);
    for (const action of REQUIRED_IAM_ACTIONS.stateStore)
      expect(granting(action), action).not.toEqual([]);
  });

  it("reads the GitHub App's id and private key, never the webhook secret", () => {
    const secrets = granting("secretsmanager:GetSecretValue").flatMap(resourcesOf);
    expect(secrets).toEqual([
      {
        Ref: logicalId(
          labenv.stack,
          labenv.stack.node.findChild("GithubAppSecrets").node.findChild("AppId") as never,
        ),
      },
      {
        Ref: logicalId(
          labenv.stack,
          labenv.stack.node.findChild("GithubAppSecrets").node.findChild("PrivateKey") as never,
        ),
      },
    ]);
  });
});

describe("AwsSolutions checks with the drift function", () => {
  it("leave no unacknowledged finding", () => {
    const report = new AwsSolutionsChecks().validateScope(labenv.app);
    const findings = report.violations.map(
      (v) =>
        `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(", ")}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });
});
