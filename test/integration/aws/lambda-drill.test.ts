// The reconciler Lambda in drill mode (what infra/'s drill schedule sends) against moto: after a
// normal run applied the repository, `{source: "labenv.drill"}` starts the drill task of the
// environment's newest snapshot and, its time spent, says it is pending; the container runtime
// (played here: the task's command run with the real agent over a local directory standing for
// the volume from the snapshot, as in drill-aws.test.ts) runs it; the next drill run reads its
// report and records the drill. Nothing is applied in drill mode.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateSnapshotCommand, CreateVolumeCommand } from "@aws-sdk/client-ec2";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { latestDrill } from "../../../reconciler/core/snapshots/drill.js";
import {
  contentRef,
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import { handler } from "../../../reconciler/lambda/handler.js";
import { copyExampleRepo, repoRoot } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { createObjectBucket, createStateTable, enableDnsHostnames } from "./account-setup.js";
import { REGION, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
const servers: Server[] = [];
afterEach(async () => {
  process.env = { ...saved };
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const ENV = "ml-vision/segmentation";
const AGENT = join(repoRoot, "reconciler/agent/observe.py");
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/ml-vision@sha256:${"7".repeat(64)}`;

async function listen(body: unknown): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function run(command: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/** Where the image's interpreter finds what is on /opt/jupyter (the volume from the snapshot). */
const imageLayout = (volume: string) => [
  "--site-packages",
  join(volume, "site-packages"),
  "--kernel-dir",
  join(volume, "kernels"),
  "--labextensions-dir",
  join(volume, "labextensions"),
  "--config-dir",
  join(volume, "etc"),
];

describe("the reconciler Lambda in drill mode (moto)", () => {
  it("starts the drill of the newest snapshot, says it is pending, and records it once the task reported; applying nothing", async () => {
    const clients = testClients(moto.endpoint);
    const account = await createAccountFixtures(clients, moto.endpoint);
    await createStateTable(moto.endpoint);
    await createObjectBucket(moto.endpoint);
    await enableDnsHostnames(clients, account.subnets);
    const dir = copyExampleRepo();
    for (const p of [
      "environments/genomics-core",
      "environments/climate-dynamics",
      "environments/ml-vision/self-supervised",
      "environments/ml-vision/teaching",
    ])
      rmSync(join(dir, p), { recursive: true });
    Object.assign(process.env, {
      AWS_REGION: account.region,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      LABENV_AWS_ENDPOINT: moto.endpoint,
      LABENV_REPO_PATH: dir,
      LABENV_CLUSTER: account.cluster,
      LABENV_TASK_SUBNETS: account.subnets.join(","),
      LABENV_TASK_SECURITY_GROUPS: account.securityGroups.join(","),
      LABENV_FILE_SYSTEM_ID: account.fileSystemId,
      LABENV_STATE_TABLE: "labenv-state",
      LABENV_ECS_INFRASTRUCTURE_ROLE_ARN: account.ebsRoleArn!,
      LABENV_OBJECT_BUCKET: "labenv-objects",
    });
    expect(await handler({ source: "aws.events" }, { awsRequestId: "req-1" })).toMatchObject({
      outcome: "applied",
    });
    const services = async () =>
      (await clients.ecs.send(new ListServicesCommand({ cluster: account.cluster }))).serviceArns;
    const servicesBefore = await services();

    // A captured snapshot: its volume (what was installed) and the observation at capture.
    const volume = mkdtempSync(join(tmpdir(), "labenv-opt-jupyter-"));
    const info = join(volume, "site-packages/torch-2.3.1.dist-info");
    mkdirSync(info, { recursive: true });
    writeFileSync(join(info, "METADATA"), "Metadata-Version: 2.1\nName: torch\nVersion: 2.3.1\n");
    const out = join(volume, "at-capture.json");
    const captured = await run(
      [
        "python3",
        AGENT,
        "--lab",
        "ml-vision",
        "--environment",
        "segmentation",
        "--output",
        out,
        ...imageLayout(volume),
      ],
      { PATH: process.env.PATH ?? "" },
    );
    expect(captured.stderr).toBe("");
    const observation = readFileSync(out, "utf8");
    const lock = "lock\n";
    const objects = new S3ObjectStore({
      client: s3Client(moto.endpoint),
      bucket: "labenv-objects",
    });
    for (const b of [observation, lock]) await objects.put(contentRef(b).key, b);
    const v = await clients.ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 50 }),
    );
    const snap = (await clients.ec2.send(new CreateSnapshotCommand({ VolumeId: v.VolumeId })))
      .SnapshotId!;
    const manifest: SnapshotManifest = {
      apiVersion: "labenv.westtek.io/v1",
      kind: "SnapshotManifest",
      id: `${ENV}/weekly`,
      request: {
        file: `environments/${ENV}/snapshots/weekly.yaml`,
        requestedBy: "ana",
        reason: "weekly",
        include: { packages: true, home: false },
      },
      capturedAt: "2026-12-01T00:00:00Z",
      commit: "0".repeat(40),
      provider: "aws",
      lock: {
        ...contentRef(lock),
        file: `environments/${ENV}/environment.lock.yaml`,
        digest: `sha256:${"1".repeat(64)}`,
        specDigest: `sha256:${"2".repeat(64)}`,
        domainPack: "ml-vision@1.0.0",
        image: IMAGE,
      },
      image: IMAGE,
      volume: { snapshotId: snap, path: "/opt/jupyter" },
      observation: { ...contentRef(observation), observedAt: "2026-12-01T00:00:00Z", packages: 1 },
    };
    await objects.put(snapshotObjects.manifest(manifest.id), manifestBytes(manifest).text);

    const first = await handler(
      { source: "labenv.drill", maxPerRun: 1 },
      { awsRequestId: "drill-1", getRemainingTimeInMillis: () => 30_000 },
    );
    expect(first).toMatchObject({
      drilled: [],
      pending: [{ environment: ENV, snapshot: manifest.id }],
      left: [],
    });

    // The container runtime runs the drill task as ECS was told, then it exits.
    const credentials = await listen({
      AccessKeyId: "ASIATASKROLE",
      SecretAccessKey: "s",
      Token: "t",
      Expiration: "2099-01-01T00:00:00Z",
    });
    const listed = await clients.ecs.send(new ListTasksCommand({ cluster: account.cluster }));
    const tasks =
      (
        await clients.ecs.send(
          new DescribeTasksCommand({ cluster: account.cluster, tasks: listed.taskArns }),
        )
      ).tasks ?? [];
    expect(tasks).toHaveLength(1);
    const task = tasks[0]!;
    const td = (
      await clients.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
      )
    ).taskDefinition!;
    expect(td).toMatchObject({ family: "labenvdrill-ml-vision-segmentation" });
    const container = td.containerDefinitions!.find((c) => c.name === "jupyter")!;
    expect(container.image).toBe(IMAGE);
    const override = task.overrides!.containerOverrides!.find((c) => c.name === "jupyter")!;
    const ran = await run(
      [
        ...override.command!.map((a) => (a === "/opt/labenv/agent/observe.py" ? AGENT : a)),
        ...imageLayout(volume),
      ],
      {
        ...Object.fromEntries((container.environment ?? []).map((e) => [e.name!, e.value!])),
        ...Object.fromEntries((override.environment ?? []).map((e) => [e.name!, e.value!])),
        PATH: process.env.PATH ?? "",
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `${credentials}/v2/credentials/task`,
        ECS_CONTAINER_METADATA_URI_V4: await listen({ TaskARN: task.taskArn }),
        LABENV_S3_ENDPOINT: moto.endpoint,
      },
    );
    expect(ran).toEqual({ status: 0, stderr: "" });
    await clients.ecs.send(
      new StopTaskCommand({ cluster: account.cluster, task: task.taskArn, reason: "exited" }),
    );

    const second = await handler(
      { source: "labenv.drill", maxPerRun: 1 },
      { awsRequestId: "drill-2", getRemainingTimeInMillis: () => 30_000 },
    );
    expect(second).toMatchObject({
      drilled: [{ environment: ENV, snapshot: manifest.id, ok: true, complete: true }],
      pending: [],
    });
    expect(await latestDrill(objects, ENV)).toMatchObject({
      record: {
        ok: true,
        steps: [
          { step: "verify" },
          { step: "container" },
          { step: "packages", detail: "1/1 packages match the observation at capture" },
        ],
      },
    });
    expect(await services()).toEqual(servicesBefore);
  });
});
