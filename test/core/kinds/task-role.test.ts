// Each environment's own task role: with infra/'s permissions boundary named in labenv.yaml,
// the reconciler gives every environment a role that may write only its own observations, and
// the task definition wears it. Checked pure, and through the sandbox's IAM, whose judgement of
// the agent's upload is IAM's (an explicit Deny wins, then an Allow on the action and key).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { roleAllows } from "../../../reconciler/adapters/sandbox/drivers/task-role.js";
import { taskRoleDriver as awsTaskRoleDriver } from "../../../reconciler/adapters/aws/task-role-driver.js";
import type { ObserveContext } from "../../../reconciler/adapters/aws/resource-driver.js";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import { saveAccount } from "../../../reconciler/adapters/sandbox/sandbox-account.js";
import { SandboxContainers } from "../../../reconciler/adapters/sandbox/sandbox-observation.js";
import {
  TASK_ROLE_PATH,
  taskRoleArn,
  taskRoleName,
  taskRoleSpec,
} from "../../../reconciler/core/kinds/task-role.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { check, run, sandbox } from "../../helpers/sandbox.js";
import type { ReconcileResult } from "../../../reconciler/core/reconcile/reconcile.js";

// The sandbox account is 000000000000: IAM takes a boundary only from the role's own account.
const BOUNDARY = "arn:aws:iam::000000000000:policy/labenv-environment-task-boundary";
const BUCKET = "labenv-objects-000000000000";

/** The example repository with the boundary (and a bucket the agents report to) in labenv.yaml. */
function withOwnRoles(files: readonly RepoFile[] = exampleFiles()): RepoFile[] {
  return files.map((f) =>
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
}

const actionsOf = (r: ReconcileResult) => (r.plan?.stages ?? []).flatMap((st) => st.actions);

describe("environment task roles (pure)", () => {
  it("names the role after the environment, by hash when IAM's 64 characters are too few", () => {
    expect(taskRoleName("genomics-core", "rnaseq")).toBe("labenv-genomics-core-rnaseq");
    const long = taskRoleName("a".repeat(40), "b".repeat(40));
    expect(long).toMatch(/^labenv-[0-9a-f]{24}$/);
    expect(long).not.toBe(taskRoleName("a".repeat(40), "b".repeat(39)));
    expect(taskRoleArn(BOUNDARY, "labenv-x-y")).toBe(
      `arn:aws:iam::000000000000:role${TASK_ROLE_PATH}labenv-x-y`,
    );
  });

  it("lets one environment put objects only under its own observations, and mount only through access points", () => {
    const spec = taskRoleSpec({
      lab: "genomics-core",
      env: "rnaseq",
      boundaryArn: BOUNDARY,
      region: "eu-west-1",
      fileSystemId: "fs-1",
      observationBucket: BUCKET,
    });
    const role = {
      arn: "",
      name: spec.name,
      path: spec.path,
      permissionsBoundary: spec.permissionsBoundary,
      assumeRolePolicy: JSON.stringify(spec.assumeRolePolicy),
      policies: [{ name: "labenv-environment", document: JSON.stringify(spec.policy) }],
      tags: {},
    };
    const key = (env: string) => `arn:aws:s3:::${BUCKET}/observations/${env}/latest.json`;
    expect(roleAllows(role, "s3:PutObject", key("genomics-core/rnaseq"))).toBe(true);
    expect(roleAllows(role, "s3:PutObject", key("genomics-core/variant-calling"))).toBe(false);
    expect(roleAllows(role, "s3:PutObject", key("genomics-core/rnaseq-2"))).toBe(false);
    expect(roleAllows(role, "s3:DeleteObject", key("genomics-core/rnaseq"))).toBe(false);
    // The mount statement has conditions (TLS, through an access point): never a plain allow.
    expect(spec.policy.Statement[0]!.Condition).toBeDefined();
    expect(spec.assumeRolePolicy.Statement[0]!.Condition).toEqual({
      StringEquals: { "aws:SourceAccount": "000000000000" },
    });
  });
});

describe("environment task roles on AWS without the boundary", () => {
  it("are not observed, so credentials without IAM read keep working", async () => {
    const iam = {
      send: () => Promise.reject(new Error("AccessDenied: iam:GetAccountAuthorizationDetails")),
    };
    const ctx = { config: {}, clients: { iam } } as unknown as ObserveContext;
    await expect(awsTaskRoleDriver.observe(ctx)).resolves.toEqual([]);
    const withBoundary = { ...ctx, config: { taskRoleBoundaryArn: BOUNDARY } } as ObserveContext;
    await expect(awsTaskRoleDriver.observe(withBoundary)).rejects.toThrow(/AccessDenied/);
  });
});

describe("environment task roles in the sandbox", () => {
  it("creates one per environment, the task definition wears it, and a second run changes nothing", async () => {
    const s = sandbox();
    const first = await run(withOwnRoles(), s);
    expect(first.outcome).toBe("applied");
    const account = s.provider.account();
    const roles = account.roles ?? [];
    const repo = loadRepository(withOwnRoles(), check).repository;
    expect(roles.map((r) => r.name).sort()).toEqual(
      [...repo.environments.keys()].map((k) => `labenv-${k.replace("/", "-")}`).sort(),
    );
    const rnaseq = account.taskDefinitions.find(
      (t) => t.family === "labenv-genomics-core-rnaseq" && t.status === "ACTIVE",
    );
    expect((rnaseq?.body as { taskRoleArn?: string }).taskRoleArn).toBe(
      taskRoleArn(BOUNDARY, "labenv-genomics-core-rnaseq"),
    );
    const again = await run(withOwnRoles(), s);
    expect(actionsOf(again).filter((a) => a.outcome !== "unchanged")).toEqual([]);
  });

  it("the agent's report lands only with a role that allows it: a role that lost it, or is gone, is refused", async () => {
    const s = sandbox();
    await run(withOwnRoles(), s);
    const repo = loadRepository(withOwnRoles(), check).repository;
    const containers = new SandboxContainers({
      stateDir: s.dir,
      account: () => s.provider.account(),
      repository: repo,
      objects: new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-"))),
      now: s.now,
    });
    const task = containers.runningTask("genomics-core/rnaseq")!;
    expect(task).toBeDefined();
    expect(containers.reportRefusal(task, "genomics-core/rnaseq")).toBeUndefined();
    // The same task reporting as its neighbour is what per-lab roles allowed; its own role does not.
    expect(containers.reportRefusal(task, "genomics-core/variant-calling")).toMatch(
      /may not put s3:\/\/labenv-objects-000000000000\/observations\/genomics-core\/variant-calling\/latest\.json/,
    );
    expect(await containers.observeAll()).toContain("genomics-core/rnaseq");

    const account = s.provider.account();
    account.roles = (account.roles ?? []).filter((r) => r.name !== "labenv-genomics-core-rnaseq");
    saveAccount(join(s.dir, "sandbox", "account.json"), account);
    expect(containers.reportRefusal(task, "genomics-core/rnaseq")).toMatch(/does not exist/);
    expect(await containers.observeAll()).not.toContain("genomics-core/rnaseq");

    // The next reconcile sees the role missing and makes it again.
    const mended = await run(withOwnRoles(), s);
    expect(
      actionsOf(mended).filter((a) => a.kind === "task-role" && a.outcome !== "unchanged"),
    ).toMatchObject([{ key: "task-role:genomics-core/rnaseq", outcome: "create" }]);
    expect(containers.reportRefusal(task, "genomics-core/rnaseq")).toBeUndefined();
  });

  it("an environment that leaves git takes its role with it, after its task definition", async () => {
    const s = sandbox();
    await run(withOwnRoles(), s);
    const without = withOwnRoles().filter(
      (f) => !f.path.startsWith("environments/climate-dynamics/ocean-heat/"),
    );
    const result = await run(without, s, { mode: "plan" });
    const deletes = actionsOf(result).filter(
      (a) => a.outcome === "delete" && a.environment === "climate-dynamics/ocean-heat",
    );
    expect(deletes.map((a) => a.kind)).toContain("task-role");
    expect(deletes.findIndex((a) => a.kind === "task-role")).toBeGreaterThan(
      deletes.findIndex((a) => a.kind === "task-definition"),
    );
  });
});
