import { createHash } from "node:crypto";
import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/** An IAM policy document as labenv writes it (every value in one form, so a read-back compares equal). */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  /** Absent in a trust policy. */
  Resource?: string[];
  Principal?: { Service: string };
  Condition?: Record<string, Record<string, string>>;
}

/**
 * One environment's own task role: what its Jupyter task may do on AWS, and nothing another
 * environment of its lab may. Created by the reconciler under the permissions boundary infra/
 * deploys (`aws.taskRoleBoundaryArn`), at the path the reconciler may create roles in.
 */
export interface TaskRoleSpec {
  /** The role's name: `labenv-<lab>-<env>` when it fits IAM's 64 characters, else by hash. */
  name: string;
  /** Where labenv's environment roles live (the reconciler may create and pass roles only there). */
  path: string;
  /** The managed policy that caps whatever the role's own policy says (from infra/). */
  permissionsBoundary: string;
  /** Who may wear it: ECS tasks of this account. */
  assumeRolePolicy: PolicyDocument;
  /** The role's one inline policy (`labenv-environment`). */
  policy: PolicyDocument;
  /** Observed only: inline policies someone added by hand (an update removes them). */
  otherPolicies?: string[];
  /** Observed only: managed policies someone attached by hand (an update detaches them). */
  attachedPolicies?: string[];
}

export const TASK_ROLE_PATH = "/labenv/environments/";
export const TASK_ROLE_POLICY_NAME = "labenv-environment";
const ROLE_NAME_MAX = 64;

/** `labenv-<lab>-<env>`, or `labenv-<24 hex of lab/env>` when that is longer than IAM allows. */
export function taskRoleName(lab: string, env: string): string {
  const plain = `labenv-${lab}-${env}`;
  if (plain.length <= ROLE_NAME_MAX) return plain;
  return `labenv-${createHash("sha256").update(`${lab}/${env}`).digest("hex").slice(0, 24)}`;
}

/** The account id and partition a boundary policy ARN names (`arn:aws:iam::123456789012:policy/…`). */
export function accountOfPolicyArn(arn: string): { partition: string; account: string } {
  const m = /^arn:(aws[a-z-]*):iam::([0-9]{12}):policy\/.+$/.exec(arn);
  if (!m) throw new Error(`not an IAM policy ARN: ${arn}`);
  return { partition: m[1]!, account: m[2]! };
}

export function taskRoleArn(boundaryArn: string, name: string): string {
  const { partition, account } = accountOfPolicyArn(boundaryArn);
  return `arn:${partition}:iam::${account}:role${TASK_ROLE_PATH}${name}`;
}

/** Where an environment's task may write in the object bucket: its own observations, and nothing else. */
export function observationPrefixOf(lab: string, env: string): string {
  return `observations/${lab}/${env}/`;
}

/**
 * The role one environment's task wears: mount the research file system only through an access
 * point over TLS (which access points is bound by the task definition, as for the lab roles), and
 * write objects only under `observations/<lab>/<env>/`. Pure: the same documents on every run.
 */
export function taskRoleSpec(input: {
  lab: string;
  env: string;
  boundaryArn: string;
  region: string;
  fileSystemId?: string | undefined;
  observationBucket?: string | undefined;
}): TaskRoleSpec {
  const { partition, account } = accountOfPolicyArn(input.boundaryArn);
  const statements: PolicyStatement[] = [];
  if (input.fileSystemId)
    statements.push({
      Sid: "MountResearchDataThroughAccessPoints",
      Effect: "Allow",
      Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
      Resource: [
        `arn:${partition}:elasticfilesystem:${input.region}:${account}:file-system/${input.fileSystemId}`,
      ],
      Condition: {
        Bool: {
          "aws:SecureTransport": "true",
          "elasticfilesystem:AccessedViaMountTarget": "true",
        },
        ArnLike: {
          "elasticfilesystem:AccessPointArn": `arn:${partition}:elasticfilesystem:${input.region}:${account}:access-point/*`,
        },
      },
    });
  if (input.observationBucket)
    statements.push({
      // The bucket is encrypted with infra/'s key: usable only through S3 here, and the
      // boundary names the one key.
      Sid: "EncryptThroughS3",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: [`arn:${partition}:kms:${input.region}:${account}:key/*`],
      Condition: { StringEquals: { "kms:ViaService": `s3.${input.region}.amazonaws.com` } },
    });
  if (input.observationBucket)
    statements.push({
      Sid: "WriteOwnObservations",
      Effect: "Allow",
      Action: ["s3:PutObject"],
      Resource: [
        `arn:${partition}:s3:::${input.observationBucket}/${observationPrefixOf(input.lab, input.env)}*`,
      ],
    });
  return {
    name: taskRoleName(input.lab, input.env),
    path: TASK_ROLE_PATH,
    permissionsBoundary: input.boundaryArn,
    assumeRolePolicy: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "EcsTasksOfThisAccount",
          Effect: "Allow",
          Principal: { Service: "ecs-tasks.amazonaws.com" },
          Action: ["sts:AssumeRole"],
          Condition: { StringEquals: { "aws:SourceAccount": account } },
        },
      ],
    },
    policy: { Version: "2012-10-17", Statement: statements },
  };
}

/** Its own role per environment; the policy is replaced in place, the role deleted when the environment goes. */
export const taskRole: KindModule<"task-role"> = {
  ...KIND_DEFAULTS,
  kind: "task-role",
  stage: "task-definitions",
  dependsOnKinds: [],
  lifecycle: "disposable",
  onChange: "update",
  dependencies: () => [],
  createReason: (d) =>
    `create the task role of ${d.environment} (it may write only its own observations)`,
  changeReason: (d, what) => `update the task role of ${d.environment}: ${what}`,
  deleteReason: (o) => `${o.environment} was removed from git; its task role is deleted`,
};
