// The customer-managed KMS key that encrypts labenv's data at rest: the
// research file system, its backups, the object bucket, the state tables, the
// alarm topic, and the EBS volumes ECS attaches to Jupyter tasks. Rotated
// yearly by KMS, and kept when the stack is deleted: without it, retained
// backups and snapshots could never be read again.
import { RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

export class LabenvDataKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, "Key", {
      description: "labenv: research data, backups, state tables and object storage",
      alias: `alias/${Stack.of(this).stackName.toLowerCase()}/data`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.key.grant(
      new iam.ServicePrincipal("cloudwatch.amazonaws.com"),
      "kms:Decrypt",
      "kms:GenerateDataKey*",
    );
  }
}
