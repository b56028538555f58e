// Where Jupyter runs: the cluster, one task role per lab, the execution and
// infrastructure roles, and the internal HTTP load balancer (no certificate).
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { type SynthesizedLabenv, TEST_LABS, logicalId, synthLabenv } from "./labenv-test-app.js";

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

let labenv: SynthesizedLabenv;
let template: Template;
beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
});

function inlineStatements(roleLogicalId: string): Statement[] {
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((policy) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleLogicalId),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe("cluster", () => {
  it("runs Fargate with Container Insights", () => {
    template.hasResourceProperties("AWS::ECS::Cluster", {
      ClusterSettings: [{ Name: "containerInsights", Value: "enabled" }],
    });
    template.hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", {
      CapacityProviders: Match.arrayWith(["FARGATE", "FARGATE_SPOT"]),
    });
  });
});

describe("lab task roles", () => {
  it("exist once per lab, trusted only by ECS tasks of this account", () => {
    expect([...labenv.stack.compute.taskRoles.byLab.keys()]).toEqual(TEST_LABS);
    for (const role of labenv.stack.compute.taskRoles.byLab.values()) {
      template.hasResourceProperties("AWS::IAM::Role", {
        RoleName: Match.absent(),
        AssumeRolePolicyDocument: {
          Statement: [
            Match.objectLike({
              Principal: { Service: "ecs-tasks.amazonaws.com" },
              Condition: {
                StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
                ArnLike: { "aws:SourceArn": Match.anyValue() },
              },
            }),
          ],
        },
        Description: Match.stringLikeRegexp(
          `lab ${[...labenv.stack.compute.taskRoles.byLab].find(([, r]) => r === role)![0]}$`,
        ),
      });
    }
  });

  it.each(TEST_LABS)(
    "let %s mount research data only through an access point, a mount target and TLS",
    (lab) => {
      const role = logicalId(labenv.stack, labenv.stack.compute.taskRoles.byLab.get(lab)!);
      const mount = inlineStatements(role).filter((s) =>
        JSON.stringify(s.Action).includes("elasticfilesystem:"),
      );
      expect(mount).toHaveLength(1);
      expect(mount[0]).toMatchObject({
        Effect: "Allow",
        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        Resource: {
          "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.research.fileSystem), "Arn"],
        },
        Condition: {
          Bool: {
            "elasticfilesystem:AccessedViaMountTarget": "true",
            "aws:SecureTransport": "true",
          },
          ArnLike: {
            "elasticfilesystem:AccessPointArn": {
              "Fn::Join": [
                "",
                [
                  "arn:aws:elasticfilesystem:eu-west-1:",
                  { Ref: "AWS::AccountId" },
                  ":access-point/*",
                ],
              ],
            },
          },
        },
      });
    },
  );

  it.each(TEST_LABS)(
    "let %s write observations under its own prefix and nothing else in the bucket",
    (lab) => {
      const role = logicalId(labenv.stack, labenv.stack.compute.taskRoles.byLab.get(lab)!);
      const s3 = inlineStatements(role).filter((s) => JSON.stringify(s.Action).includes("s3:"));
      expect(s3).toEqual([
        expect.objectContaining({
          Action: "s3:PutObject",
          Resource: {
            "Fn::Join": [
              "",
              [
                {
                  "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.objects.objectBucket), "Arn"],
                },
                `/observations/${lab}/*`,
              ],
            ],
          },
        }),
      ]);
    },
  );

  it("never hold root access, file-system administration or IAM", () => {
    for (const role of labenv.stack.compute.taskRoles.byLab.values()) {
      const actions = inlineStatements(logicalId(labenv.stack, role)).flatMap((s) =>
        [s.Action].flat(),
      );
      expect(
        actions.filter((a) =>
          /ClientRootAccess|elasticfilesystem:(Create|Delete|Put)|^iam:|\*$/.test(a),
        ),
      ).toEqual([]);
    }
  });
});

describe("the restore move's task role", () => {
  const bucketObjects = (suffix: string) => ({
    "Fn::Join": [
      "",
      [
        { "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.objects.objectBucket), "Arn"] },
        suffix,
      ],
    ],
  });
  const statements = () =>
    inlineStatements(logicalId(labenv.stack, labenv.stack.compute.restoreMoveRole));

  it("is trusted only by ECS tasks of this account", () => {
    template.hasResourceProperties("AWS::IAM::Role", {
      Description: "labenv: the one-off task that moves a restored home into place",
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: "ecs-tasks.amazonaws.com" },
            Condition: {
              StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
              ArnLike: { "aws:SourceArn": Match.anyValue() },
            },
          }),
        ],
      },
    });
  });

  it("mounts the file system only through an access point, a mount target and TLS, never as root", () => {
    const efs = statements().filter((s) => JSON.stringify(s.Action).includes("elasticfilesystem:"));
    expect(efs).toEqual([
      expect.objectContaining({
        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        Condition: expect.objectContaining({
          Bool: {
            "elasticfilesystem:AccessedViaMountTarget": "true",
            "aws:SecureTransport": "true",
          },
          ArnLike: { "elasticfilesystem:AccessPointArn": expect.anything() },
        }),
      }),
    ]);
  });

  it("reads only the expected inventories and writes only its reports in the bucket, and never deletes", () => {
    const s3 = statements().filter((s) => JSON.stringify(s.Action).includes("s3:"));
    expect(s3.map((s) => [s.Action, s.Resource])).toEqual([
      ["s3:GetObject", bucketObjects("/restore-moves/expected/*")],
      ["s3:PutObject", bucketObjects("/restore-moves/reports/*")],
    ]);
    const actions = statements().flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => /Delete|ClientRootAccess|^iam:|\*$/.test(a))).toEqual([]);
  });
});

describe("execution and infrastructure roles", () => {
  it("let ECS pull images of this account and write only the task log group", () => {
    const role = logicalId(labenv.stack, labenv.stack.compute.executionRole);
    const statements = inlineStatements(role);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:GetDownloadUrlForLayer",
          "ecr:BatchGetImage",
        ],
      }),
    );
    const logs = statements.filter((s) => JSON.stringify(s.Action).includes("logs:"));
    expect(logs).toEqual([
      expect.objectContaining({
        Resource: {
          "Fn::GetAtt": [logicalId(labenv.stack, labenv.stack.compute.taskLogGroup), "Arn"],
        },
      }),
    ]);
  });

  it("let ECS create task volumes with the labenv key", () => {
    template.hasResourceProperties("AWS::IAM::Role", {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: "ecs.amazonaws.com" } })],
      },
      ManagedPolicyArns: [
        {
          "Fn::Join": [
            "",
            [
              "arn:",
              { Ref: "AWS::Partition" },
              ":iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes",
            ],
          ],
        },
      ],
    });
  });

  it("keep the task log group for a year, and keep it with the stack gone", () => {
    template.hasResource("AWS::Logs::LogGroup", {
      Properties: { RetentionInDays: 365 },
      DeletionPolicy: "Retain",
    });
  });
});

describe("load balancer without a certificate", () => {
  it("is internal, drops invalid headers and logs access to the log bucket", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", {
      Scheme: "internal",
      LoadBalancerAttributes: Match.arrayWith([
        { Key: "routing.http.drop_invalid_header_fields.enabled", Value: "true" },
        { Key: "access_logs.s3.enabled", Value: "true" },
        {
          Key: "access_logs.s3.bucket",
          Value: { Ref: logicalId(labenv.stack, labenv.stack.objects.logBucket) },
        },
        { Key: "access_logs.s3.prefix", Value: "alb" },
      ]),
    });
  });

  it("listens on HTTP 80 and answers 404 until the reconciler adds an environment", () => {
    template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      Protocol: "HTTP",
      DefaultActions: [
        Match.objectLike({
          Type: "fixed-response",
          FixedResponseConfig: Match.objectLike({ StatusCode: "404" }),
        }),
      ],
    });
  });

  it("says so in a synth warning", () => {
    const warnings = labenv.app
      .synth()
      .getStackArtifact(labenv.stack.artifactId)
      .messages.filter((m) => m.level === "warning");
    expect(warnings.map((w) => String(w.entry.data))).toContainEqual(
      expect.stringContaining("internal and listens on plain HTTP port 80"),
    );
  });
});
