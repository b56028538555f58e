// Each environment's own task role against a moto that enforces IAM: the reconciler's driver
// creates the roles from the desired state, observes them back unchanged, and the credentials
// of one environment's role may put that environment's observation in S3 and no other's —
// what per-lab roles could not promise. moto has no ECS to assume a task role; the test's own
// user stands in for ecs-tasks.amazonaws.com in the trust policy (moto cannot evaluate a
// service principal), and takes the role's credentials from STS as ECS's agent would.
import { GetAccountAuthorizationDetailsCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskRoleDriver } from "../../../reconciler/adapters/aws/task-role-driver.js";
import { desire } from "../../../reconciler/core/desire/desire.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { sameSpec } from "../../../reconciler/adapters/aws/same-spec.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type {
  DriverContext,
  ObserveContext,
} from "../../../reconciler/adapters/aws/resource-driver.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { startMoto, type MotoServer } from "../moto.js";
import { REGION } from "./aws-test-clients.js";

const ACCOUNT = "123456789012";
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/labenv-environment-task-boundary`;
const BUCKET = "labenv-objects-tasks";

let moto: MotoServer;
let admin: { accessKeyId: string; secretAccessKey: string };
beforeAll(async () => {
  // The first 4 calls go unchecked (to make an administrator); every call after is judged.
  moto = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: "4" });
  const bootstrap = new IAMClient({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: { accessKeyId: "bootstrap", secretAccessKey: "bootstrap" },
  });
  await bootstrap.send(new CreateUserCommand({ UserName: "reconciler" }));
  await bootstrap.send(
    new PutUserPolicyCommand({
      UserName: "reconciler",
      PolicyName: "everything",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
      }),
    }),
  );
  const key = (await bootstrap.send(new CreateAccessKeyCommand({ UserName: "reconciler" })))
    .AccessKey!;
  admin = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}, 60_000);
afterAll(async () => moto?.stop());

const settings = () => ({ region: REGION, endpoint: moto.endpoint, credentials: admin });

function desiredRoles(): DesiredResource<"task-role">[] {
  const files = exampleFiles().map((f) =>
    f.path === "labenv.yaml"
      ? {
          ...f,
          content: String(f.content)
            .replace(
              "    cluster: labenv\n",
              `    cluster: labenv\n    fileSystemId: fs-0123456789abcdef0\n    taskRoleBoundaryArn: ${BOUNDARY}\n`,
            )
            .replace("    store: directory\n", `    store: s3\n    bucket: ${BUCKET}\n`),
        }
      : f,
  );
  const repo = loadRepository(files, createSchemaValidator()).repository;
  return desire(repo).state.resources.filter(
    (r): r is DesiredResource<"task-role"> => r.kind === "task-role",
  );
}

const actionFor = (d: DesiredResource<"task-role">): Action => ({
  outcome: "create",
  kind: "task-role",
  key: d.key,
  environment: d.environment,
  reason: "",
  changes: [],
  desired: d,
});

describe("environment task roles under IAM (moto enforcing it)", () => {
  it("one environment's role may put its own observation and not its neighbour's", async () => {
    const iam = new IAMClient(settings());
    const ctx = {
      config: { taskRoleBoundaryArn: BOUNDARY },
      clients: { iam } as unknown as AwsClients,
    } as DriverContext;
    const roles = desiredRoles();
    const rnaseq = roles.find((r) => r.environment === "genomics-core/rnaseq")!;
    const variants = roles.find((r) => r.environment === "genomics-core/variant-calling")!;
    for (const d of [rnaseq, variants]) {
      const action = actionFor(d);
      await taskRoleDriver.apply(action, () => undefined, ctx);
      // Applying again changes nothing and makes no second role.
      await taskRoleDriver.apply({ ...action, outcome: "update" }, () => undefined, ctx);
    }

    // Observed back exactly as desired: documents, boundary, path, tags.
    const observed = await taskRoleDriver.observe(ctx as ObserveContext);
    expect(observed.map((o) => o.key).sort()).toEqual([rnaseq.key, variants.key].sort());
    for (const o of observed) {
      const d = o.key === rnaseq.key ? rnaseq : variants;
      expect(sameSpec(o.spec, d.spec)).toBe(true);
      expect(o.tags["labenv:resource"]).toBe(d.key);
    }
    // A policy added by hand is seen, and the next update takes it off again.
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: rnaseq.spec.name,
        PolicyName: "added-by-hand",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
        }),
      }),
    );
    const edited = (await taskRoleDriver.observe(ctx as ObserveContext)).find(
      (o) => o.key === rnaseq.key,
    )!;
    expect(edited.spec.otherPolicies).toEqual(["added-by-hand"]);
    expect(sameSpec(edited.spec, rnaseq.spec)).toBe(false);
    await taskRoleDriver.apply(
      { ...actionFor(rnaseq), outcome: "update", observed: edited },
      () => undefined,
      ctx,
    );
    expect(
      (await iam.send(new ListRolePoliciesCommand({ RoleName: rnaseq.spec.name }))).PolicyNames,
    ).toEqual(["labenv-environment"]);

    const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Role"] }));
    expect(
      details.RoleDetailList?.find((r) => r.RoleName === rnaseq.spec.name)?.PermissionsBoundary
        ?.PermissionsBoundaryArn,
    ).toBe(BOUNDARY);

    const s3Admin = new S3Client({ ...settings(), forcePathStyle: true });
    await s3Admin.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    // ECS's part: wear the role (the stand-in principal, as in the file's header).
    const trust = structuredClone(rnaseq.spec.assumeRolePolicy) as unknown as {
      Statement: { Principal: Record<string, string> }[];
    };
    trust.Statement[0]!.Principal.AWS = `arn:aws:iam::${ACCOUNT}:user/reconciler`;
    await iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: rnaseq.spec.name,
        PolicyDocument: JSON.stringify(trust),
      }),
    );
    const creds = (
      await new STSClient(settings()).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/labenv/environments/${rnaseq.spec.name}`,
          RoleSessionName: "rnaseq-task",
        }),
      )
    ).Credentials!;
    const task = new S3Client({
      region: REGION,
      endpoint: moto.endpoint,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: {
        accessKeyId: creds.AccessKeyId!,
        secretAccessKey: creds.SecretAccessKey!,
        sessionToken: creds.SessionToken!,
      },
    });
    const put = (env: string) =>
      task.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `observations/${env}/latest.json`,
          Body: "{}",
        }),
      );
    await expect(put("genomics-core/rnaseq")).resolves.toBeDefined();
    await expect(put("genomics-core/variant-calling")).rejects.toThrow(/Access ?Denied/i);
    await expect(put("genomics-core")).rejects.toThrow(/Access ?Denied/i);
  }, 120_000);
});
