// The reconciler may change only labenv-tagged data-plane resources, may pass
// only the roles made for it, can never build or break the control plane, may
// do everything the AWS provider calls (REQUIRED_IAM_ACTIONS) and nothing it
// does not, and never delete storage.
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ALL_REQUIRED_IAM_ACTIONS,
  PROVIDER_IAM_ACTIONS,
} from "../../reconciler/adapters/aws/required-iam-actions.js";
import { TASK_DEFINITION_SPECS_KEY } from "../../reconciler/adapters/aws/object-store-task-definition-spec-cache.js";
import { ONE_OFF_BOUNDS } from "../../reconciler/adapters/aws/one-off-task.js";
import { environmentRolesArn } from "../../infra/lib/reconciler-permissions.js";
import { type SynthesizedLabenv, TEST_LABS, logicalId, synthLabenv } from "./labenv-test-app.js";

type Statement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

// The frozen control plane, written out here on purpose (not imported), so a
// change to the policy cannot quietly change what this test checks.
const CONTROL_PLANE = [
  "iam:AttachRolePolicy",
  "iam:DeleteRolePermissionsBoundary",
  "iam:CreatePolicyVersion",
  "ec2:CreateVpc",
  "ec2:CreateSubnet",
  "ec2:CreateSecurityGroup",
  "ec2:AuthorizeSecurityGroupIngress",
  "ecs:CreateCluster",
  "ecs:DeleteCluster",
  "dynamodb:CreateTable",
  "dynamodb:DeleteTable",
  "s3:CreateBucket",
  "s3:DeleteBucket",
  "s3:PutBucketPolicy",
  "s3:DeleteObjectVersion",
  "elasticfilesystem:CreateFileSystem",
  "elasticfilesystem:DeleteFileSystem",
  "elasticfilesystem:PutFileSystemPolicy",
  "kms:ScheduleKeyDeletion",
  "backup:DeleteBackupVault",
];

// Deleting research data or its history, written out here on purpose too:
// labenv keeps access points, snapshots, volumes and backups forever. The
// exceptions, a share's access point (it stores nothing) and a scheduled
// snapshot a keep policy prunes, are checked on their own.
const STORAGE_DELETES = [
  "elasticfilesystem:DeleteFileSystem",
  "elasticfilesystem:DeleteMountTarget",
  "ec2:DeleteVolume",
  "backup:DeleteBackupVault",
  "backup:DeleteBackupPlan",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:DeleteBucket",
];

const LAB_TAG_VALUES = {
  request: "aws:RequestTag/labenv:lab",
  resource: "aws:ResourceTag/labenv:lab",
};

let labenv: SynthesizedLabenv;
let template: Template;
let statements: Statement[];
let dataPlane: Statement[];
let managedPolicyArns: unknown[];

beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
  const role = logicalId(labenv.stack, labenv.stack.reconciler.function.role);
  const attachedTo = (roles: unknown) =>
    (roles as { Ref: string }[] | undefined)?.some((r) => r.Ref === role) ?? false;
  const inline = Object.values(template.findResources("AWS::IAM::Policy")).filter((p) =>
    attachedTo(p.Properties.Roles),
  );
  managedPolicyArns = template.findResources("AWS::IAM::Role")[role]!.Properties.ManagedPolicyArns;
  const attached = new Set(managedPolicyArns.map((arn) => (arn as { Ref?: string }).Ref));
  const managedById = Object.entries(template.findResources("AWS::IAM::ManagedPolicy")).filter(
    ([id]) => attached.has(id),
  );
  const managed = managedById.map(([, p]) => p);
  statements = [...inline, ...managed].flatMap(
    (p) => p.Properties.PolicyDocument.Statement as Statement[],
  );
  dataPlane = managedById
    .filter(([id]) => id.includes("DataPlanePolicy"))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  expect(inline.length + managed.length).toBeGreaterThan(1);
  expect(dataPlane.length).toBeGreaterThan(1);
});

const actionsOf = (s: Statement) => [s.Action].flat();
const resourcesOf = (s: Statement) => [s.Resource].flat();
const allows = () => statements.filter((s) => s.Effect === "Allow");
// IAM action patterns are case-insensitive globs.
const matches = (pattern: string, action: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  ).test(action);

// The one IAM the reconciler writes: each environment's own task role, at its path and under
// infra/'s boundary. Written out here on purpose, like CONTROL_PLANE.
const ROLE_WRITES = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:TagRole",
];
const WIDENING = ["iam:CreateRole", "iam:PutRolePolicy", "iam:PutRolePermissionsBoundary"];

describe("environment task roles", () => {
  const environmentRoles = () => labenv.stack.resolve(environmentRolesArn(labenv.stack));
  const boundary = () => ({
    Ref: logicalId(labenv.stack, labenv.stack.compute.taskRoles.environmentBoundary),
  });

  it.each(ROLE_WRITES)("%s is allowed only on roles under /labenv/environments/", (action) => {
    const granting = allows().filter((s) =>
      actionsOf(s).some((pattern) => matches(pattern, action)),
    );
    expect(granting.length).toBeGreaterThan(0);
    for (const s of granting) expect(resourcesOf(s)).toEqual([environmentRoles()]);
  });

  it.each(WIDENING)("%s is allowed only with infra/'s boundary on the role", (action) => {
    const granting = allows().filter((s) =>
      actionsOf(s).some((pattern) => matches(pattern, action)),
    );
    for (const s of granting)
      expect(s.Condition).toEqual({ StringEquals: { "iam:PermissionsBoundary": boundary() } });
  });

  it("is guarded by explicit Denies: of any role write elsewhere, and of a widening write without the boundary", () => {
    const elsewhere = statements.find((s) => s.Effect === "Deny" && s.NotResource !== undefined);
    expect(elsewhere).toBeDefined();
    expect([...actionsOf(elsewhere!)].sort()).toEqual([...ROLE_WRITES].sort());
    expect([elsewhere!.NotResource].flat()).toEqual([environmentRoles()]);
    const unbounded = statements.find(
      (s) => s.Effect === "Deny" && s.Condition?.StringNotEquals?.["iam:PermissionsBoundary"],
    );
    expect([...actionsOf(unbounded!)].sort()).toEqual([...WIDENING].sort());
    expect(unbounded!.Resource).toBe("*");
    expect(unbounded!.Condition).toEqual({
      StringNotEquals: { "iam:PermissionsBoundary": boundary() },
    });
  });

  it("the boundary allows no more than a lab role: mount through access points, write observations", () => {
    const policies = template.findResources("AWS::IAM::ManagedPolicy");
    const doc = policies[boundary().Ref]!.Properties.PolicyDocument as { Statement: Statement[] };
    expect(doc.Statement.flatMap(actionsOf).sort()).toEqual(
      [
        "elasticfilesystem:ClientMount",
        "elasticfilesystem:ClientWrite",
        "kms:Decrypt",
        "kms:GenerateDataKey",
        "s3:PutObject",
      ].sort(),
    );
    const put = doc.Statement.find((st) => actionsOf(st).includes("s3:PutObject"))!;
    expect(JSON.stringify(put.Resource)).toMatch(/\/observations\/\*"/);
    expect(doc.Statement.every((st) => st.Effect === "Allow")).toBe(true);
  });
});

describe("the frozen control plane", () => {
  it.each(CONTROL_PLANE)("is out of reach: no Allow grants %s", (action) => {
    const granting = allows().filter((s) =>
      actionsOf(s).some((pattern) => matches(pattern, action)),
    );
    expect(granting).toEqual([]);
  });

  it.each(CONTROL_PLANE)("is guarded by an explicit Deny of %s on every resource", (action) => {
    const deny = statements.find(
      (s) => s.Effect === "Deny" && actionsOf(s).some((pattern) => matches(pattern, action)),
    );
    expect(deny).toBeDefined();
    expect(deny!.Resource).toBe("*");
    expect(deny!.Condition).toBeUndefined();
  });

  it("is not reachable through service-wide wildcards", () => {
    const wildcards = allows()
      .flatMap(actionsOf)
      .filter(
        (a) => a === "*" || /:\*$/.test(a) || /^(iam|ec2|ecs|dynamodb|s3|kms):[A-Za-z]*\*/.test(a),
      );
    expect(wildcards).toEqual([]);
  });

  it("is not handed over by an AWS managed policy beyond Lambda's VPC access", () => {
    expect(
      managedPolicyArns
        .map((arn) => JSON.stringify(arn))
        .filter((arn) => !arn.startsWith('{"Ref"')),
    ).toEqual([expect.stringContaining("service-role/AWSLambdaVPCAccessExecutionRole")]);
  });
});

describe("data-plane writes", () => {
  const createActions = [
    "ecs:RegisterTaskDefinition",
    "ecs:CreateService",
    "ecs:TagResource",
    "elasticfilesystem:CreateAccessPoint",
    "elasticfilesystem:TagResource",
    "ec2:CreateTags",
    "backup:TagResource",
  ];
  const changeActions = ["ecs:UpdateService", "ecs:DeleteService"];

  it.each(createActions)("%s can only set labenv:lab to a configured lab", (action) => {
    const granting = allows().filter((s) => actionsOf(s).includes(action));
    expect(granting.length).toBeGreaterThan(0);
    for (const s of granting) {
      const requested =
        s.Condition?.StringEquals?.[LAB_TAG_VALUES.request] ??
        s.Condition?.StringEqualsIfExists?.[LAB_TAG_VALUES.request];
      expect(requested).toEqual(TEST_LABS);
    }
  });

  it.each(changeActions)(
    "%s requires a labenv:lab resource tag naming a configured lab",
    (action) => {
      const granting = allows().filter((s) => actionsOf(s).includes(action));
      expect(granting.length).toBeGreaterThan(0);
      for (const s of granting)
        expect(s.Condition?.StringEquals?.[LAB_TAG_VALUES.resource]).toEqual(TEST_LABS);
    },
  );

  it("snapshots only labenv-tagged volumes into labenv-tagged snapshots", () => {
    const snapshots = allows().filter((s) => actionsOf(s).includes("ec2:CreateSnapshot"));
    expect(snapshots.map((s) => Object.keys(s.Condition!.StringEquals!)).sort()).toEqual([
      [LAB_TAG_VALUES.request],
      [LAB_TAG_VALUES.resource],
    ]);
  });

  it("tags a new resource only while creating it, and an existing one only if it already belongs to a configured lab", () => {
    for (const action of ["ecs:TagResource", "elasticfilesystem:TagResource", "ec2:CreateTags"]) {
      for (const s of allows().filter((st) => actionsOf(st).includes(action))) {
        const onCreate = Object.keys(s.Condition!.StringEquals!).some((key) =>
          key.endsWith(":CreateAction"),
        );
        const owned =
          s.Condition!.StringEquals![LAB_TAG_VALUES.resource] !== undefined &&
          s.Condition!.StringEqualsIfExists?.[LAB_TAG_VALUES.request] !== undefined;
        expect(onCreate || owned, `${s.Sid}`).toBe(true);
      }
    }
    expect(
      allows().filter((s) => actionsOf(s).some((a) => /Untag|RemoveTags|DeleteTags/.test(a))),
    ).toEqual([]);
  });

  it("leaves no write on every resource without a tag condition, except retiring task definition revisions", () => {
    const untagged = allows().filter((s) => {
      const writes = actionsOf(s).filter(
        (a) => !/:(Describe|List|Get)/.test(a) && a !== "tag:GetResources",
      );
      const onEverything = resourcesOf(s).includes("*");
      const tagged = JSON.stringify(s.Condition ?? {}).includes("labenv:lab");
      return writes.length > 0 && onEverything && !tagged;
    });
    expect(untagged.flatMap(actionsOf)).toEqual(["ecs:DeregisterTaskDefinition"]);
  });

  it("creates and changes services only in the labenv cluster", () => {
    const cluster = logicalId(labenv.stack, labenv.stack.compute.cluster);
    for (const s of allows().filter((st) =>
      actionsOf(st).some((a) => /^ecs:(Create|Update|Delete)Service$/.test(a)),
    )) {
      expect(s.Condition!.ArnEquals).toEqual({ "ecs:cluster": { "Fn::GetAtt": [cluster, "Arn"] } });
      expect(JSON.stringify(s.Resource)).toContain(`:service/",{"Ref":"${cluster}"},"/*"`);
    }
  });

  it("stops only labenv's one-off tasks (home inventory, restore move, drill) of a configured lab, in the labenv cluster (never a service's task)", () => {
    const cluster = logicalId(labenv.stack, labenv.stack.compute.cluster);
    const stops = allows().filter((st) => actionsOf(st).some((a) => matches(a, "ecs:StopTask")));
    expect(stops).toHaveLength(1);
    const [s] = stops;
    expect(actionsOf(s!)).toEqual(["ecs:StopTask"]);
    expect(s!.Condition).toEqual({
      StringEquals: {
        "aws:ResourceTag/labenv:lab": [...TEST_LABS],
        // Written out here on purpose: the purposes one-off-task.ts tags its tasks with.
        "aws:ResourceTag/labenv:purpose": [
          "home-inventory",
          "restore-move",
          "restore-check",
          "drill",
        ],
      },
      ArnEquals: { "ecs:cluster": { "Fn::GetAtt": [cluster, "Arn"] } },
    });
    expect(JSON.stringify(s!.Resource)).toContain(`:task/",{"Ref":"${cluster}"},"/*"`);
  });

  it("every one-off purpose the reconciler tags a task with is one it may stop", () => {
    const s = allows().find((st) => actionsOf(st).some((a) => matches(a, "ecs:StopTask")))!;
    const granted = s.Condition!.StringEquals!["aws:ResourceTag/labenv:purpose"];
    expect([...(granted as string[])].sort()).toEqual(Object.keys(ONE_OFF_BOUNDS).sort());
  });

  it("denies, whatever else is attached, giving an ECS task or service a purpose after it was created", () => {
    const deny = statements.find((st) => st.Sid === "DenyChangingEcsPurposes");
    expect(deny).toMatchObject({
      Effect: "Deny",
      Action: "ecs:TagResource",
      Resource: "*",
      Condition: {
        "ForAnyValue:StringEquals": { "aws:TagKeys": ["labenv:purpose"] },
        Null: { "ecs:CreateAction": "true" },
      },
    });
  });
});

describe("what the AWS provider calls", () => {
  it.each(ALL_REQUIRED_IAM_ACTIONS)("%s is allowed", (action) => {
    expect(
      allows().filter((s) => actionsOf(s).some((pattern) => matches(pattern, action))),
    ).not.toEqual([]);
  });

  it("is exactly what the data-plane policy allows: nothing the provider does not call", () => {
    const granted = [
      ...new Set(dataPlane.filter((s) => s.Effect === "Allow").flatMap(actionsOf)),
    ].sort();
    expect(granted).toEqual([...PROVIDER_IAM_ACTIONS].sort());
  });

  it.each(STORAGE_DELETES)("never deletes storage: no Allow grants %s", (action) => {
    expect(
      allows().filter((s) => actionsOf(s).some((pattern) => matches(pattern, action))),
    ).toEqual([]);
  });

  it("never deletes storage: no Allow names any delete of EFS, EBS, AWS Backup or S3 but a share's or restore move's access point and a pruned scheduled snapshot", () => {
    const deletes = allows()
      .flatMap(actionsOf)
      .filter((a) => /^(elasticfilesystem|ec2|backup|s3):(Delete|\*)/i.test(a));
    expect(deletes.sort()).toEqual([
      "backup:DeleteRecoveryPoint",
      "ec2:DeleteSnapshot",
      "elasticfilesystem:DeleteAccessPoint",
      "elasticfilesystem:DeleteAccessPoint",
    ]);
  });

  it.each([
    ["ec2:DeleteSnapshot", ":snapshot/*"],
    ["backup:DeleteRecoveryPoint", ":recovery-point:*"],
  ])(
    "grants %s only on a configured lab's scheduled snapshot without a legal hold",
    (action, resource) => {
      const grants = allows().filter((s) =>
        actionsOf(s).some((pattern) => matches(pattern, action)),
      );
      expect(grants).toHaveLength(1);
      expect(actionsOf(grants[0]!)).toEqual([action]);
      expect(grants[0]!.Condition).toEqual({
        StringEquals: {
          [LAB_TAG_VALUES.resource]: [...TEST_LABS],
          "aws:ResourceTag/labenv:trigger": "schedule",
        },
        StringEqualsIfExists: { "aws:ResourceTag/labenv:legal-hold": "false" },
      });
      expect(JSON.stringify(grants[0]!.Resource)).toContain(resource);
    },
  );

  it("denies, whatever else is attached, deleting a snapshot or recovery point no schedule took or one under legal hold", () => {
    const denies = statements.filter(
      (s) =>
        s.Effect === "Deny" &&
        actionsOf(s).includes("ec2:DeleteSnapshot") &&
        actionsOf(s).includes("backup:DeleteRecoveryPoint"),
    );
    expect(denies.map((d) => [d.Resource, d.Condition])).toEqual([
      ["*", { StringNotEquals: { "aws:ResourceTag/labenv:trigger": "schedule" } }],
      [
        "*",
        {
          Null: { "aws:ResourceTag/labenv:legal-hold": "false" },
          StringNotEquals: { "aws:ResourceTag/labenv:legal-hold": "false" },
        },
      ],
    ]);
  });

  it("deletes an access point only when it is a share's (tagged labenv:share) or a restore move's, of a configured lab", () => {
    const grants = allows().filter((s) =>
      actionsOf(s).some((pattern) => matches(pattern, "elasticfilesystem:DeleteAccessPoint")),
    );
    expect(grants).toHaveLength(2);
    for (const g of grants) {
      expect(actionsOf(g)).toEqual(["elasticfilesystem:DeleteAccessPoint"]);
      expect(JSON.stringify(g.Resource)).toContain(":access-point/*");
    }
    expect(grants.map((g) => g.Condition)).toEqual([
      {
        StringEquals: { [LAB_TAG_VALUES.resource]: [...TEST_LABS] },
        Null: { "aws:ResourceTag/labenv:share": "false" },
      },
      {
        StringEquals: {
          [LAB_TAG_VALUES.resource]: [...TEST_LABS],
          "aws:ResourceTag/labenv:purpose": "restore-move",
        },
      },
    ]);
  });

  it("denies, whatever else is attached, changing an access point's purpose after it was created", () => {
    const denies = statements.filter(
      (s) => s.Effect === "Deny" && actionsOf(s).includes("elasticfilesystem:TagResource"),
    );
    expect(denies.map((d) => [d.Resource, d.Condition])).toEqual([
      [
        "*",
        {
          "ForAnyValue:StringEquals": { "aws:TagKeys": ["labenv:purpose"] },
          Null: { "elasticfilesystem:CreateAction": "true" },
        },
      ],
    ]);
  });

  it(`reads and writes the task definition memo (${TASK_DEFINITION_SPECS_KEY}) in the object bucket`, () => {
    const bucket = logicalId(labenv.stack, labenv.stack.objects.objectBucket);
    const onObjects = (action: string) =>
      allows().filter(
        (s) =>
          actionsOf(s).includes(action) &&
          resourcesOf(s).some((r) => {
            const json = JSON.stringify(r);
            return json.includes(`"${bucket}"`) && /"\/(\*|task-definitions\/\*)"/.test(json);
          }),
      );
    expect(onObjects("s3:GetObject")).not.toEqual([]);
    expect(onObjects("s3:PutObject")).not.toEqual([]);
  });
});

describe("iam:PassRole", () => {
  it("passes only the lab task roles, the execution role and the restore move's role to ECS tasks, the infrastructure role to ECS, the backup role to AWS Backup", () => {
    const passes = allows().filter((s) => actionsOf(s).includes("iam:PassRole"));
    const arn = (construct: Parameters<typeof logicalId>[1]) => ({
      "Fn::GetAtt": [logicalId(labenv.stack, construct), "Arn"],
    });
    const compute = labenv.stack.compute;
    expect(passes).toEqual([
      expect.objectContaining({
        Resource: [...[...compute.taskRoles.byLab.values()].map(arn), arn(compute.executionRole)],
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      }),
      expect.objectContaining({
        Resource: labenv.stack.resolve(environmentRolesArn(labenv.stack)),
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      }),
      expect.objectContaining({
        Resource: arn(compute.infrastructureRole),
        Condition: { StringEquals: { "iam:PassedToService": "ecs.amazonaws.com" } },
      }),
      expect.objectContaining({
        Resource: arn(labenv.stack.research.backupRole),
        Condition: { StringEquals: { "iam:PassedToService": "backup.amazonaws.com" } },
      }),
      expect.objectContaining({
        Resource: arn(compute.restoreMoveRole),
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      }),
    ]);
  });

  it("never passes its own role or the GitHub App's", () => {
    const passed = JSON.stringify(
      allows()
        .filter((s) => actionsOf(s).includes("iam:PassRole"))
        .map((s) => s.Resource),
    );
    expect(passed).not.toContain(logicalId(labenv.stack, labenv.stack.reconciler.function.role));
    expect(passed).not.toContain(logicalId(labenv.stack, labenv.stack.githubApp.function.role));
  });
});

describe("tags", () => {
  it("no control-plane resource carries labenv:lab, so the reconciler's tag conditions never match one", () => {
    const tagged = Object.entries(
      template.toJSON().Resources as Record<string, { Properties?: Record<string, unknown> }>,
    ).filter(([, r]) =>
      JSON.stringify(
        r.Properties?.Tags ?? r.Properties?.FileSystemTags ?? r.Properties?.BackupVaultTags ?? [],
      ).includes('"labenv:lab"'),
    );
    expect(tagged.map(([id]) => id)).toEqual([]);
  });
});
