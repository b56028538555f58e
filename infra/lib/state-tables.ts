// StateTables: where the reconciler records what it applied, its run history,
// the lease that keeps two reconcilers from applying at once, and drift
// history. Every table: on-demand, point-in-time recovery, the labenv key,
// deletion protection, and kept when the stack is deleted.
import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

/** TTL attribute of the leases table: epoch seconds after which a lease is void. */
export const LEASE_EXPIRY_ATTRIBUTE = "expiresAt";

const READ_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
];
const WRITE_ACTIONS = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
];

export interface StateTablesProps {
  readonly encryptionKey: kms.IKey;
}

export class StateTables extends Construct {
  /** Applied state, keyed `pk` (string) + `sk` (string). */
  readonly state: dynamodb.Table;
  /** Reconcile runs, keyed `pk` + `sk`. */
  readonly runs: dynamodb.Table;
  /** Leases, keyed `pk` + `sk`, expiring through the `expiresAt` TTL attribute (epoch seconds). */
  readonly leases: dynamodb.Table;
  /** Drift reports over time, keyed `pk` + `sk`. */
  readonly drift: dynamodb.Table;

  private readonly encryptionKey: kms.IKey;

  constructor(scope: Construct, id: string, props: StateTablesProps) {
    super(scope, id);
    this.encryptionKey = props.encryptionKey;
    this.state = this.table("State", props.encryptionKey);
    this.runs = this.table("Runs", props.encryptionKey);
    this.leases = this.table("Leases", props.encryptionKey, LEASE_EXPIRY_ATTRIBUTE);
    this.drift = this.table("Drift", props.encryptionKey);
  }

  get all(): readonly dynamodb.Table[] {
    return [this.state, this.runs, this.leases, this.drift];
  }

  /** Read items of every table (no Scan: labenv reads by key). */
  grantRead(role: iam.IGrantable): void {
    for (const table of this.all) table.grant(role, ...READ_ACTIONS);
    this.encryptionKey.grant(role, "kms:Decrypt", "kms:DescribeKey");
  }

  /** Read and write items of every table (or only of `tables`), conditional writes and transactions included. */
  grantReadWrite(role: iam.IGrantable, tables: readonly dynamodb.Table[] = this.all): void {
    for (const table of tables) table.grant(role, ...READ_ACTIONS, ...WRITE_ACTIONS);
    this.encryptionKey.grant(
      role,
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey",
    );
  }

  // Every table has the same key shape (string `pk`, string `sk`), the one
  // reconciler/adapters/aws/dynamodb-state-store.ts writes.
  private table(id: string, encryptionKey: kms.IKey, timeToLiveAttribute?: string): dynamodb.Table {
    return new dynamodb.Table(this, id, {
      partitionKey: { name: "pk", type: dynamodb.AttributeType.STRING },
      sortKey: { name: "sk", type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(timeToLiveAttribute !== undefined && { timeToLiveAttribute }),
    });
  }
}
