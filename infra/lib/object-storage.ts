// Object storage: one versioned, KMS-encrypted bucket for snapshot manifests,
// in-container observations and hand-over packages (labenv.yaml
// `spec.objects.bucket`), and the bucket that receives S3 server access logs,
// load balancer access logs and VPC flow logs.
import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";

/** Snapshot manifests (and the objects they name) live under this prefix. */
export const MANIFEST_PREFIX = "snapshots/";

/** Objects under this prefix move to cheaper storage classes as they age. */
export const ARCHIVE_PREFIX = "archive/";

export interface ObjectStorageProps {
  /** Key for the object bucket (log buckets use S3-managed keys: log delivery cannot use KMS). */
  readonly encryptionKey: kms.IKey;
  /**
   * Days before archived objects move to Standard-IA.
   * @default 30
   */
  readonly infrequentAccessAfterDays?: number;
  /**
   * Days before archived objects move to Glacier Deep Archive.
   * @default 365
   */
  readonly deepArchiveAfterDays?: number;
  /**
   * Days access logs are kept.
   * @default 730
   */
  readonly logRetentionDays?: number;
}

export class ObjectStorage extends Construct {
  readonly objectBucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  private readonly encryptionKey: kms.IKey;

  constructor(scope: Construct, id: string, props: ObjectStorageProps) {
    super(scope, id);
    this.encryptionKey = props.encryptionKey;

    this.logBucket = new s3.Bucket(this, "AccessLogs", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: "expire-logs",
          expiration: Duration.days(props.logRetentionDays ?? 730),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    Validations.of(this.logBucket).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the access-log bucket itself; logging it into itself would loop.",
    });

    this.objectBucket = new s3.Bucket(this, "Objects", {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      // S3 Object Lock, so the reconciler can retain snapshot manifests (GOVERNANCE, through
      // their keep-until) and set legal holds. No default retention: only what labenv locks is
      // locked. Enabling it is a one-way change: it can never be turned off on this bucket.
      objectLockEnabled: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: "s3/objects/",
      lifecycleRules: [
        {
          id: "archive-to-deep-archive",
          prefix: ARCHIVE_PREFIX,
          transitions: [
            {
              storageClass: s3.StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(props.infrequentAccessAfterDays ?? 30),
            },
            {
              storageClass: s3.StorageClass.DEEP_ARCHIVE,
              transitionAfter: Duration.days(props.deepArchiveAfterDays ?? 365),
            },
          ],
        },
        { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
  }

  /**
   * Lets `role` list the bucket and read every object version, or only those
   * under `prefixes`. Listing stays whole-bucket: without s3:ListBucket a
   * missing object reads as AccessDenied instead of NoSuchKey.
   */
  grantReadObjects(role: iam.IRole, prefixes: readonly string[] = [""]): void {
    const objects = prefixes.map((prefix) => this.objectBucket.arnForObjects(`${prefix}*`));
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "ListLabenvObjects",
        actions: ["s3:ListBucket"],
        resources: [this.objectBucket.bucketArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "ReadLabenvObjects",
        actions: ["s3:GetObject", "s3:GetObjectVersion"],
        resources: objects,
      }),
    );
    this.encryptionKey.grant(role, "kms:Decrypt");
    acknowledgeWildcardResources(
      role,
      objects.map((arn, i) => ({
        arn,
        reason: `Objects under "${prefixes[i] || "/"}" (snapshot manifests, observations, drift reports, the task definition memo) are named at run time; reading them is the role's job.`,
      })),
    );
  }

  /**
   * Lets `role` read the bucket's Object Lock configuration and read and set the retention and
   * legal hold of snapshot manifests (`snapshots/`). Never `s3:BypassGovernanceRetention`: a
   * retention it set binds it too.
   */
  grantLockManifests(role: iam.IRole): void {
    const manifests = this.objectBucket.arnForObjects(`${MANIFEST_PREFIX}*`);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "ReadObjectLockConfiguration",
        actions: ["s3:GetBucketObjectLockConfiguration"],
        resources: [this.objectBucket.bucketArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "LockSnapshotManifests",
        actions: [
          "s3:GetObjectRetention",
          "s3:PutObjectRetention",
          "s3:GetObjectLegalHold",
          "s3:PutObjectLegalHold",
        ],
        resources: [manifests],
      }),
    );
    acknowledgeWildcardResources(role, [
      {
        arn: manifests,
        reason: `Snapshot manifests under "${MANIFEST_PREFIX}" are named at run time; locking them as their retention asks is the role's job.`,
      },
    ]);
  }

  /** Lets `role` write new objects (or versions) under `prefix` (or each of several prefixes); never delete. */
  /** What writing objects under `prefix` needs, as statements for a policy of its own (a permissions boundary). */
  writeObjectsStatements(prefix: string): iam.PolicyStatement[] {
    return [
      new iam.PolicyStatement({
        sid: "WriteLabenvObjects",
        actions: ["s3:PutObject"],
        resources: [this.objectBucket.arnForObjects(`${prefix}*`)],
      }),
      new iam.PolicyStatement({
        sid: "EncryptLabenvObjects",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [this.encryptionKey.keyArn],
      }),
    ];
  }

  grantWriteObjects(role: iam.IRole, prefix: string | readonly string[] = ""): void {
    const prefixes = typeof prefix === "string" ? [prefix] : prefix;
    const objects = prefixes.map((p) => this.objectBucket.arnForObjects(`${p}*`));
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "WriteLabenvObjects",
        actions: ["s3:PutObject"],
        resources: objects,
      }),
    );
    this.encryptionKey.grant(role, "kms:GenerateDataKey", "kms:Decrypt");
    acknowledgeWildcardResources(
      role,
      objects.map((arn, i) => ({
        arn,
        reason: `Objects under "${prefixes[i] || "/"}" are named at run time; the bucket is versioned, so a write never destroys an earlier version.`,
      })),
    );
  }
}
