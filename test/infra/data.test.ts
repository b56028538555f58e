// Research storage, object storage and state tables: encrypted with the
// labenv key, backed up, kept when the stack goes, never public.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { type SynthesizedLabenv, logicalId, resourcesOf, synthLabenv } from "./labenv-test-app.js";

let labenv: SynthesizedLabenv;
let template: Template;
let keyId: string;
beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
  keyId = Object.keys(template.findResources("AWS::KMS::Key"))[0]!;
});

const retained = { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" };

describe("the labenv key", () => {
  it("is the only key, rotates yearly and outlives the stack", () => {
    template.resourceCountIs("AWS::KMS::Key", 1);
    template.hasResource("AWS::KMS::Key", {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      ...retained,
    });
  });
});

describe("research file system", () => {
  it("is encrypted with the labenv key, backed up automatically, tiered to IA and retained", () => {
    template.resourceCountIs("AWS::EFS::FileSystem", 1);
    template.hasResource("AWS::EFS::FileSystem", {
      Properties: Match.objectLike({
        Encrypted: true,
        KmsKeyId: { "Fn::GetAtt": [keyId, "Arn"] },
        BackupPolicy: { Status: "ENABLED" },
        LifecyclePolicies: [
          { TransitionToIA: "AFTER_30_DAYS" },
          { TransitionToPrimaryStorageClass: "AFTER_1_ACCESS" },
        ],
      }),
      ...retained,
    });
  });

  it("denies NFS without TLS, without an access point, and as root", () => {
    const statements = Object.values(template.findResources("AWS::EFS::FileSystem"))[0]!.Properties
      .FileSystemPolicy.Statement as Record<string, unknown>[];
    const denies = statements.filter((s) => s.Effect === "Deny");
    expect(denies).toContainEqual(
      expect.objectContaining({
        Action: "*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    );
    expect(denies).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining([
          "elasticfilesystem:ClientMount",
          "elasticfilesystem:ClientWrite",
        ]),
        Condition: { Null: { "elasticfilesystem:AccessPointArn": "true" } },
      }),
    );
    expect(
      denies.find(
        (s) => s.Action === "elasticfilesystem:ClientRootAccess" && s.Condition === undefined,
      ),
    ).toBeDefined();
    const anonymousMount = statements.filter(
      (s) => s.Effect === "Allow" && JSON.stringify(s.Action).includes("ClientMount"),
    );
    expect(anonymousMount).toEqual([]);
  });

  it("has mount targets only in the task subnets, behind the file-system security group", () => {
    const fsGroup = logicalId(labenv.stack, labenv.stack.network.fileSystemSecurityGroup);
    const targets = Object.values(template.findResources("AWS::EFS::MountTarget"));
    expect(targets).toHaveLength(2);
    for (const target of targets)
      expect(target.Properties.SecurityGroups).toEqual([{ "Fn::GetAtt": [fsGroup, "GroupId"] }]);
  });
});

describe("AWS Backup", () => {
  it("keeps copies in a vault encrypted with the labenv key, retained with the stack gone", () => {
    template.hasResource("AWS::Backup::BackupVault", {
      Properties: Match.objectLike({ EncryptionKeyArn: { "Fn::GetAtt": [keyId, "Arn"] } }),
      ...retained,
    });
  });

  it("backs the file system up daily for 35 days and monthly for ten years in cold storage", () => {
    template.hasResourceProperties("AWS::Backup::BackupPlan", {
      BackupPlan: {
        BackupPlanRule: Match.arrayWith([
          Match.objectLike({
            RuleName: "daily",
            ScheduleExpression: "cron(0 3 * * ? *)",
            Lifecycle: { DeleteAfterDays: 35 },
          }),
          Match.objectLike({
            RuleName: "monthly",
            ScheduleExpression: "cron(0 4 1 * ? *)",
            Lifecycle: { DeleteAfterDays: 3650, MoveToColdStorageAfterDays: 90 },
          }),
        ]),
      },
    });
    const fs = logicalId(labenv.stack, labenv.stack.research.fileSystem);
    template.hasResourceProperties("AWS::Backup::BackupSelection", {
      BackupSelection: Match.objectLike({
        Resources: Match.arrayWith([
          Match.objectLike({ "Fn::Join": Match.arrayWith([Match.arrayWith([{ Ref: fs }])]) }),
        ]),
      }),
    });
  });
});

describe("object bucket", () => {
  const objectBucket = () => logicalId(labenv.stack, labenv.stack.objects.objectBucket);

  it("is versioned, KMS-encrypted, private, logged and retained", () => {
    const logBucket = logicalId(labenv.stack, labenv.stack.objects.logBucket);
    template.hasResource("AWS::S3::Bucket", {
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: "Enabled" },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: "aws:kms",
                KMSMasterKeyID: { "Fn::GetAtt": [keyId, "Arn"] },
              },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: {
          DestinationBucketName: { Ref: logBucket },
          LogFilePrefix: "s3/objects/",
        },
      }),
      ...retained,
    });
    expect(resourcesOf(template)[objectBucket()]).toMatchObject(retained);
  });

  it("has S3 Object Lock, with no default retention (only what labenv locks is locked)", () => {
    const props = resourcesOf(template)[objectBucket()]!.Properties!;
    expect(props.ObjectLockEnabled).toBe(true);
    expect(props.ObjectLockConfiguration).toBeUndefined();
  });

  it("lets the reconciler lock snapshot manifests, and never bypass a retention", () => {
    const policies = JSON.stringify(template.findResources("AWS::IAM::Policy"));
    const managed = template.findResources("AWS::IAM::ManagedPolicy");
    expect(policies).toContain("s3:PutObjectRetention");
    expect(policies).toContain("s3:PutObjectLegalHold");
    const statements = [
      ...Object.values(template.findResources("AWS::IAM::Policy")),
      ...Object.values(managed),
    ].flatMap(
      (p) =>
        (
          p as {
            Properties: { PolicyDocument: { Statement: { Effect: string; Action: unknown }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const bypass = statements.filter((st) =>
      [st.Action].flat().includes("s3:BypassGovernanceRetention"),
    );
    expect(bypass.length).toBeGreaterThan(0);
    expect(bypass.every((st) => st.Effect === "Deny")).toBe(true);
  });

  it("moves archive/ to Standard-IA at 30 days and Glacier Deep Archive at 365", () => {
    const rules = (
      resourcesOf(template)[objectBucket()]!.Properties!.LifecycleConfiguration as {
        Rules: Record<string, unknown>[];
      }
    ).Rules;
    expect(rules).toContainEqual({
      Id: "archive-to-deep-archive",
      Prefix: "archive/",
      Status: "Enabled",
      Transitions: [
        { StorageClass: "STANDARD_IA", TransitionInDays: 30 },
        { StorageClass: "DEEP_ARCHIVE", TransitionInDays: 365 },
      ],
    });
    expect(rules.some((rule) => "ExpirationInDays" in rule)).toBe(false);
  });

  it.each([["objects"], ["logs"]])("refuses requests without TLS (%s bucket)", (which) => {
    const bucket =
      which === "objects"
        ? objectBucket()
        : logicalId(labenv.stack, labenv.stack.objects.logBucket);
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: { Ref: bucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Action: "s3:*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });

  it("sends access logs to a private, S3-encrypted, retained log bucket", () => {
    template.hasResource("AWS::S3::Bucket", {
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
      }),
      ...retained,
    });
  });
});

describe("state tables", () => {
  it("are four on-demand, point-in-time-recoverable, KMS-encrypted, protected, retained tables", () => {
    const tables = template.findResources("AWS::DynamoDB::Table");
    expect(Object.keys(tables)).toHaveLength(4);
    for (const table of Object.values(tables)) {
      expect(table).toMatchObject({
        ...retained,
        Properties: {
          BillingMode: "PAY_PER_REQUEST",
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: {
            SSEEnabled: true,
            SSEType: "KMS",
            KMSMasterKeyId: { "Fn::GetAtt": [keyId, "Arn"] },
          },
          DeletionProtectionEnabled: true,
          KeySchema: [
            { AttributeName: "pk", KeyType: "HASH" },
            { AttributeName: "sk", KeyType: "RANGE" },
          ],
        },
      });
    }
  });

  it("expires leases through the expiresAt TTL attribute, and only leases", () => {
    const leases = logicalId(labenv.stack, labenv.stack.state.leases);
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
    const withTtl = Object.entries(template.findResources("AWS::DynamoDB::Table")).filter(
      ([, t]) => t.Properties.TimeToLiveSpecification,
    );
    expect(withTtl.map(([id]) => id)).toEqual([leases]);
  });
});
