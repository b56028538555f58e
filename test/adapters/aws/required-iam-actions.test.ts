// REQUIRED_IAM_ACTIONS is the one list of what the AWS adapters may call: every
// SDK command they send is on it, nothing on it is unused, and
// docs/aws-provider.md lists exactly it (test/infra checks the policy grants it).
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ALL_REQUIRED_IAM_ACTIONS,
  AUTHORIZED_WITH_ANOTHER_CALL,
} from "../../../reconciler/adapters/aws/required-iam-actions.js";

const ADAPTERS = new URL("../../../reconciler/adapters/aws/", import.meta.url);
const DOCS = new URL("../../../docs/aws-provider.md", import.meta.url);

/** The IAM prefix of each SDK package the adapters import. */
const IAM_PREFIX: Record<string, string> = {
  ecs: "ecs",
  efs: "elasticfilesystem",
  ec2: "ec2",
  backup: "backup",
  "resource-groups-tagging-api": "tag",
  dynamodb: "dynamodb",
  s3: "s3",
  ecr: "ecr",
  codebuild: "codebuild",
  "elastic-load-balancing-v2": "elasticloadbalancing",
  iam: "iam",
};
/** Calls whose IAM action has another name. */
const ACTION_OF_CALL: Record<string, string> = {
  "s3:ListObjectsV2": "s3:ListBucket",
  "s3:GetObjectLockConfiguration": "s3:GetBucketObjectLockConfiguration",
  "s3:HeadObject": "s3:GetObject",
};

/** `service:Action` for every command or paginator the adapters import from an SDK package. */
function calledActions(): string[] {
  const actions = new Set<string>();
  for (const file of readdirSync(ADAPTERS).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(new URL(file, ADAPTERS), "utf8");
    for (const [, names, pkg] of source.matchAll(
      /import\s*\{([^}]*)\}\s*from\s*"@aws-sdk\/client-([a-z0-9-]+)"/g,
    )) {
      const prefix = IAM_PREFIX[pkg!];
      if (prefix === undefined)
        throw new Error(`${file} imports @aws-sdk/client-${pkg}, which has no IAM prefix here`);
      for (const name of names!.split(",").map((n) => n.trim())) {
        const call = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (call === undefined) continue;
        const action = `${prefix}:${call}`;
        actions.add(ACTION_OF_CALL[action] ?? action);
      }
    }
  }
  return [...actions].sort();
}

function documentedActions(): string[] {
  const docs = readFileSync(DOCS, "utf8");
  const start = docs.indexOf("## IAM actions the reconciler needs");
  expect(start).toBeGreaterThan(0);
  const next = docs.slice(start + 3).search(/^#/m);
  const section = next < 0 ? docs.slice(start) : docs.slice(start, start + 3 + next);
  const prefixes = Object.values(IAM_PREFIX).concat("iam").join("|");
  return [
    ...new Set(
      [...section.matchAll(new RegExp("`((?:" + prefixes + "):[A-Z]\\w*)`", "g"))].map(
        (m) => m[1]!,
      ),
    ),
  ].sort();
}

describe("REQUIRED_IAM_ACTIONS", () => {
  it("holds every action the adapters call", () => {
    expect(calledActions().filter((a) => !ALL_REQUIRED_IAM_ACTIONS.includes(a))).toEqual([]);
  });

  it("holds nothing they neither call nor need for another call", () => {
    const called = new Set(calledActions());
    expect(
      ALL_REQUIRED_IAM_ACTIONS.filter(
        (a) => !called.has(a) && AUTHORIZED_WITH_ANOTHER_CALL[a] === undefined,
      ),
    ).toEqual([]);
  });

  it("is exactly what docs/aws-provider.md lists as needed", () => {
    expect(documentedActions()).toEqual([...ALL_REQUIRED_IAM_ACTIONS].sort());
  });

  it("grants no delete of storage: volumes, file systems and objects are kept; only a share's access point and a pruned scheduled snapshot's parts go", () => {
    expect(
      ALL_REQUIRED_IAM_ACTIONS.filter((a) => /^(elasticfilesystem|ec2|backup|s3):Delete/.test(a)),
    ).toEqual([
      "elasticfilesystem:DeleteAccessPoint",
      "ec2:DeleteSnapshot",
      "backup:DeleteRecoveryPoint",
    ]);
  });
});
