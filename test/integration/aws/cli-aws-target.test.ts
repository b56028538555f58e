// `labenv apply` from a workstation with `target: aws`, against moto: labenv.yaml names the
// control plane (as infra/'s LabenvYamlAws output gives it), including the ECS infrastructure
// role that managed EBS volumes need, and the CLI creates the services. moto never starts tasks,
// so the example's snapshot requests are left out (the sandbox tests cover them).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListBuildsForProjectCommand } from "@aws-sdk/client-codebuild";
import { PutImageCommand } from "@aws-sdk/client-ecr";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { openContext } from "../../../reconciler/cli/context.js";
import { runDrift } from "../../../reconciler/core/drift/run-drift.js";
import type { EnvironmentLock } from "../../../reconciler/core/model/documents.js";
import { repoRoot } from "../../helpers/example-repo.js";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { s3Client, testClients, testSettings, warmUpMoto } from "./aws-test-clients.js";
import {
  CONTEXT_BUCKET,
  IMAGE_MANIFEST,
  createImageBuildInfrastructure,
} from "./image-build-fixtures.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});
const AGENT = join(repoRoot, "reconciler/agent/observe.py");

/** The ECS container credentials endpoint, standing in on 127.0.0.1: the task role's credentials. */
async function containerCredentials(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        AccessKeyId: "ASIATASKROLE",
        SecretAccessKey: "task-role-secret",
        Token: "session-token",
        Expiration: "2099-01-01T00:00:00Z",
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/credentials/task`;
}

/**
 * What the built image holds, as the agent's directory arguments: every locked package, kernel
 * and extension, the Jupyter settings from the build context, and `extra` packages someone
 * installed by hand.
 */
function builtContainer(lock: EnvironmentLock, context: string, extra: [string, string][]) {
  const root = mkdtempSync(join(tmpdir(), "labenv-container-"));
  const site = join(root, "site-packages");
  for (const [name, version] of [
    ...lock.spec.packages.map((p) => [p.name, p.version] as [string, string]),
    ...extra,
  ]) {
    const d = join(site, `${name}-${version}.dist-info`);
    mkdirSync(d, { recursive: true });
    writeFileSync(
      join(d, "METADATA"),
      `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    );
  }
  for (const k of lock.spec.kernels) {
    mkdirSync(join(root, "kernels", k.name), { recursive: true });
    writeFileSync(
      join(root, "kernels", k.name, "kernel.json"),
      JSON.stringify({ display_name: k.displayName, language: k.language, argv: ["python"] }),
    );
  }
  for (const e of lock.spec.extensions ?? []) {
    mkdirSync(join(root, "labextensions", e.name), { recursive: true });
    writeFileSync(
      join(root, "labextensions", e.name, "package.json"),
      JSON.stringify({ name: e.name, version: e.version }),
    );
  }
  return [
    ["--site-packages", site],
    ["--kernel-dir", join(root, "kernels")],
    ["--labextensions-dir", join(root, "labextensions")],
    ["--config-dir", join(context, "etc/jupyter")],
    ["--python-version", lock.spec.python],
    ["--output", join(root, "observation.json")],
  ].flat();
}

/** The agent as the container's server extension starts it, with the task definition's environment. */
function runAgent(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn("python3", [AGENT, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env },
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

async function workstation(withRole: boolean, extra: string[] = [], objectBucket?: string) {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  const dir = copyExampleRepo();
  for (const p of [
    "environments/genomics-core",
    "environments/climate-dynamics",
    "environments/ml-vision/self-supervised",
    "environments/ml-vision/teaching",
  ])
    rmSync(join(dir, p), { recursive: true });
  const file = join(dir, "labenv.yaml");
  const aws = [
    "  aws:",
    `    region: ${account.region}`,
    `    cluster: ${account.cluster}`,
    `    endpoint: ${moto.endpoint}`,
    `    fileSystemId: ${account.fileSystemId}`,
    `    subnets: [${account.subnets.join(", ")}]`,
    `    securityGroups: [${account.securityGroups.join(", ")}]`,
    ...(withRole ? [`    infrastructureRoleArn: ${account.ebsRoleArn}`] : []),
    ...extra,
  ].join("\n");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace("  target: sandbox", "  target: aws")
      .replace(/ {2}aws:\n {4}region: eu-west-1\n {4}cluster: labenv/, aws)
      .replace(
        "  objects:\n    store: directory",
        objectBucket ? `  objects:\n    store: s3\n    bucket: ${objectBucket}` : "$&",
      ),
  );
  Object.assign(process.env, {
    AWS_REGION: account.region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
  });
  return { clients, account, dir };
}

describe("labenv apply with target: aws from the CLI (moto)", () => {
  it("creates the services once labenv.yaml names the ECS infrastructure role", async () => {
    const { clients, account, dir } = await workstation(true);
    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stderr).toContain(`labenv apply: aws ${account.region} / cluster ${account.cluster}`);
    const services =
      (await clients.ecs.send(new ListServicesCommand({ cluster: account.cluster }))).serviceArns ??
      [];
    expect(services.map((a) => a.split("/").pop())).toEqual(["labenv-ml-vision-segmentation"]);
    const families =
      (await clients.ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns ?? [];
    expect(families.some((a) => a.includes("labenv-ml-vision-segmentation"))).toBe(true);
    const again = await runCli(["apply", "--repo", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("no changes");
  }, 120_000);

  it("with infra/'s boundary, the environment's task wears its own role, and a second apply changes nothing", async () => {
    const boundary = "arn:aws:iam::123456789012:policy/labenv-environment-task-boundary";
    const { clients, dir } = await workstation(
      true,
      [`    taskRoleBoundaryArn: ${boundary}`],
      CONTEXT_BUCKET,
    );
    await clients.s3.send(
      new CreateBucketCommand({
        Bucket: CONTEXT_BUCKET,
        CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
      }),
    );
    const plan = await runCli(["plan", "--repo", dir]);
    expect(plan.stdout).toContain(
      "create the task role of ml-vision/segmentation (it may write only its own observations)",
    );
    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    const iam = new IAMClient(testSettings(moto.endpoint));
    const role = (await iam.send(new GetRoleCommand({ RoleName: "labenv-ml-vision-segmentation" })))
      .Role!;
    expect(role.Path).toBe("/labenv/environments/");
    expect(role.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
    const policy = await iam.send(
      new GetRolePolicyCommand({
        RoleName: "labenv-ml-vision-segmentation",
        PolicyName: "labenv-environment",
      }),
    );
    expect(decodeURIComponent(policy.PolicyDocument!)).toContain(
      `arn:aws:s3:::${CONTEXT_BUCKET}/observations/ml-vision/segmentation/*`,
    );
    const td = await clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "labenv-ml-vision-segmentation" }),
    );
    expect(td.taskDefinition?.taskRoleArn).toBe(role.Arn);
    const again = await runCli(["apply", "--repo", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("no changes");
  }, 120_000);

  it("without it, the service is refused by name, saying which labenv.yaml field to set", async () => {
    const { dir } = await workstation(false);
    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/needs the ECS infrastructure role/);
    expect(`${r.stdout}${r.stderr}`).toMatch(/aws\.infrastructureRoleArn in labenv\.yaml/);
  }, 120_000);

  it("with the image build project, registers the task definition running the environment's image by digest", async () => {
    const extra = [
      "    imageBuildProject: labenv-image-build",
      "    buildContextBucket: labenv-objects",
    ];
    const { clients, dir } = await workstation(true, extra);
    await createImageBuildInfrastructure(clients, "ml-vision");
    const shown = await runCli(["build", "ml-vision/segmentation", "--repo", dir, "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const [row] = (JSON.parse(shown.stdout) as { builds: { tag: string; status: string }[] })
      .builds;
    expect(row!.status).toBe("to build");
    // What the build would push (moto runs no build): the image under the context's immutable tag.
    const pushed = await clients.ecr.send(
      new PutImageCommand({
        repositoryName: "labenv/ml-vision",
        imageManifest: IMAGE_MANIFEST,
        imageTag: `segmentation-${row!.tag}`,
      }),
    );
    const digest = pushed.image!.imageId!.imageDigest!;

    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    const td = await clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "labenv-ml-vision-segmentation" }),
    );
    expect(td.taskDefinition?.containerDefinitions?.[0]?.image).toMatch(
      new RegExp(`/labenv/ml-vision@${digest}$`),
    );
    const builds = await clients.codebuild.send(
      new ListBuildsForProjectCommand({ projectName: "labenv-image-build" }),
    );
    expect(builds.ids ?? []).toEqual([]);
    const again = await runCli(["apply", "--repo", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("no changes");
  }, 120_000);

  it("the task runs the built image by digest and tells its agent where to report; the report reaches S3 and drift judges it", async () => {
    const extra = [
      "    imageBuildProject: labenv-image-build",
      `    buildContextBucket: ${CONTEXT_BUCKET}`,
    ];
    const { clients, account, dir } = await workstation(true, extra, CONTEXT_BUCKET);
    await createImageBuildInfrastructure(clients, "ml-vision");
    const context = mkdtempSync(join(tmpdir(), "labenv-context-"));
    const shown = await runCli(["build", "ml-vision/segmentation", "--repo", dir, "--json"]);
    const [row] = (JSON.parse(shown.stdout) as { builds: { tag: string }[] }).builds;
    const written = await runCli([
      "build",
      "ml-vision/segmentation",
      "--repo",
      dir,
      "--out",
      context,
    ]);
    expect(written.code, written.stderr).toBe(0);
    const pushed = await clients.ecr.send(
      new PutImageCommand({
        repositoryName: "labenv/ml-vision",
        imageManifest: IMAGE_MANIFEST,
        imageTag: `segmentation-${row!.tag}`,
      }),
    );
    const digest = pushed.image!.imageId!.imageDigest!;
    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);

    const td = await clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "labenv-ml-vision-segmentation" }),
    );
    const container = td.taskDefinition!.containerDefinitions![0]!;
    const env = Object.fromEntries(
      (container.environment ?? []).map((e) => [e.name ?? "", e.value ?? ""]),
    );
    expect(container.image).toMatch(new RegExp(`/labenv/ml-vision@${digest}$`));
    expect(env).toMatchObject({
      LABENV_IMAGE: container.image,
      LABENV_OBSERVATION_BUCKET: CONTEXT_BUCKET,
      AWS_REGION: account.region,
      LABENV_LAB: "ml-vision",
      LABENV_ENVIRONMENT: "segmentation",
      LABENV_LOCK_DIGEST: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    // LABENV_IMAGE maps back to the build like the image does: nothing to change the second time.
    const again = await runCli(["apply", "--repo", dir]);
    expect(again.stdout).toContain("no changes");

    // The container's agent, with only what the task definition and ECS give it.
    const lock = parse(
      readFileSync(join(dir, "environments/ml-vision/segmentation/environment.lock.yaml"), "utf8"),
    ) as EnvironmentLock;
    const agent = await runAgent(builtContainer(lock, context, [["requests", "2.32.3"]]), {
      ...env,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: await containerCredentials(),
      LABENV_S3_ENDPOINT: moto.endpoint,
    });
    expect(agent.status, agent.stderr).toBe(0);

    // Drift reads the observation from S3, as the drift Lambda does.
    const ctx = openContext(dir, () => new Date());
    const result = await runDrift(
      {
        repository: ctx.repository,
        index: ctx.index,
        commit: ctx.commit,
        baseBranch: "main",
        mode: "report",
        where: ctx.provider.label,
        maxOpenPerLab: 5,
      },
      {
        provider: ctx.provider,
        state: ctx.state,
        objects: new S3ObjectStore({ client: s3Client(moto.endpoint), bucket: CONTEXT_BUCKET }),
        now: () => new Date(),
        runId: "drift-test",
        owner: "drift-test",
        check: ctx.check,
      },
    );
    const report = result.environments.find((e) => e.environment === "ml-vision/segmentation");
    expect(report?.report?.observation).toBe("present");
    expect(report?.report?.items.map((i) => `${i.item} ${i.name} ${i.change}`)).toEqual([
      "package requests added",
    ]);
    expect(report?.report?.status).toBe("MINOR_DRIFT");

    // labenv drift on the workstation reads the same bucket (labenv.yaml objects: store: s3),
    // not .labenv/objects: it sees the agent's report too.
    const cli = await runCli(["drift", "--repo", dir, "--json"]);
    expect(cli.stdout + cli.stderr).toContain("requests");
    expect(cli.stdout).toContain("MINOR_DRIFT");
    expect(existsSync(join(dir, ".labenv/objects/observations"))).toBe(false);
  }, 180_000);
});
