// The reconciler Lambda reads `restoreFrom` from the snapshot's manifest in the object bucket,
// as `labenv reconcile` does: the restored environment's task definition runs the snapshot's
// image by digest and its service's /opt/jupyter volume is created from the snapshot's EBS
// snapshot (moto keeps that in the service's labenv:from-snapshot tag). Without the manifest, the
// environment runs as its lock says. The run ends with the restore step (it waits for the task,
// which moto never starts).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
} from "@aws-sdk/client-ecs";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sha256Hex } from "../../../reconciler/core/lock/canonical.js";
import type { EnvironmentLock } from "../../../reconciler/core/model/documents.js";
import {
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import { lockSpecDigest } from "../../../reconciler/core/snapshots/restore-decision.js";
import { handler } from "../../../reconciler/lambda/handler.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { dynamoClient, s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import { lambdaEnvironment } from "./account-setup.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));
const BUCKET = "labenv-objects";
const SNAPSHOT = "ml-vision/segmentation/paper";
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/ml-vision@sha256:${"c".repeat(64)}`;
const SNAP_ID = "snap-0feedfacecafe0001";

async function prepare() {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  await dynamoClient(moto.endpoint).send(
    new CreateTableCommand({
      TableName: "labenv-state",
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
  await s3Client(moto.endpoint).send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
    }),
  );
  const dir = copyExampleRepo();
  for (const p of [
    "environments/genomics-core",
    "environments/climate-dynamics",
    "environments/ml-vision/self-supervised",
    "environments/ml-vision/teaching",
  ])
    rmSync(join(dir, p), { recursive: true });
  // Restored in place from its own snapshot (the lock is the snapshot's lock).
  const envFile = join(dir, "environments/ml-vision/segmentation/environment.yaml");
  writeFileSync(
    envFile,
    readFileSync(envFile, "utf8").replace(
      "  state: running\n",
      `  state: running\n  restoreFrom: { snapshot: ${SNAPSHOT} }\n`,
    ),
  );
  Object.assign(process.env, lambdaEnvironment(account, moto.endpoint, dir), {
    LABENV_OBJECT_BUCKET: BUCKET,
  });
  return { clients, account, dir };
}

/** The manifest an earlier capture of the segmentation environment wrote (its lock, image, volume snapshot). */
async function putManifest(dir: string) {
  const lockText = readFileSync(
    join(dir, "environments/ml-vision/segmentation/environment.lock.yaml"),
    "utf8",
  );
  const lock = parse(lockText) as EnvironmentLock;
  const manifest: SnapshotManifest = {
    apiVersion: "labenv.westtek.io/v1",
    kind: "SnapshotManifest",
    id: SNAPSHOT,
    request: {
      file: "environments/ml-vision/segmentation/snapshots/paper.yaml",
      requestedBy: "epetrov",
      reason: "Figures of the paper",
      include: { packages: true, home: false },
    },
    capturedAt: "2026-12-01T10:00:00.000Z",
    commit: "a".repeat(40),
    provider: "aws eu-west-1 / cluster labenv",
    lock: {
      key: snapshotObjects.content(sha256Hex(lockText)),
      size: Buffer.byteLength(lockText),
      sha256: sha256Hex(lockText),
      file: "environments/ml-vision/segmentation/environment.lock.yaml",
      digest: `sha256:${"d".repeat(64)}`,
      specDigest: lockSpecDigest(lock),
      domainPack: `${lock.spec.domainPack.name}@${lock.spec.domainPack.version}`,
      image: lock.spec.image,
    },
    image: IMAGE,
    volume: { snapshotId: SNAP_ID, path: "/opt/jupyter" },
  };
  await s3Client(moto.endpoint).send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: snapshotObjects.manifest(SNAPSHOT),
      Body: manifestBytes(manifest).text,
    }),
  );
}

async function running(clients: ReturnType<typeof testClients>, cluster: string) {
  const arns = (await clients.ecs.send(new ListServicesCommand({ cluster }))).serviceArns ?? [];
  const [service] =
    (
      await clients.ecs.send(
        new DescribeServicesCommand({ cluster, services: arns, include: ["TAGS"] }),
      )
    ).services ?? [];
  const td = await clients.ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: service!.taskDefinition }),
  );
  return {
    image: td.taskDefinition?.containerDefinitions?.find((c) => c.name === "jupyter")?.image,
    fromSnapshot: service!.tags?.find((t) => t.key === "labenv:from-snapshot")?.value,
  };
}

describe("the reconciler Lambda restores from a snapshot's manifest (moto)", () => {
  it("runs the snapshot's image by digest with /opt/jupyter from its EBS snapshot", async () => {
    const { clients, account, dir } = await prepare();
    await putManifest(dir);
    const r = await handler({ source: "aws.events" }, { awsRequestId: "req-1" });
    expect(r).toMatchObject({ outcome: "applied" });
    expect(await running(clients, account.cluster)).toEqual({
      image: IMAGE,
      fromSnapshot: SNAP_ID,
    });
    // The run ends with the restore step, as `labenv reconcile` does: it waits for the task.
    expect(r).toMatchObject({
      restores: [
        {
          environment: "ml-vision/segmentation",
          snapshot: SNAPSHOT,
          outcome: "waiting",
          reason: "ml-vision/segmentation's task does not run the snapshot's image yet",
        },
      ],
    });
  });

  it("without the manifest the environment runs as its lock says, and no volume comes from a snapshot", async () => {
    const { clients, account } = await prepare();
    const r = await handler({ source: "aws.events" }, { awsRequestId: "req-1" });
    expect(r).toMatchObject({ outcome: "applied" });
    const now = await running(clients, account.cluster);
    expect(now.image).not.toBe(IMAGE);
    expect(now.fromSnapshot ?? "").toBe("");
  });
});
