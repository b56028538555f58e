// What a drill on AWS needs from the world in a test: a captured snapshot (its volume as a local
// directory of installed distributions, the observation the real agent made of it, the manifest
// and objects in the bucket, an EBS snapshot in moto) and the container runtime that runs a drill
// task exactly as ECS was told — the task definition's environment, the command and environment
// overrides — with the real agent, the volume from the snapshot standing as that directory
// (moto keeps no volumeConfigurations), the task role's credentials and metadata on 127.0.0.1.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateSnapshotCommand, CreateVolumeCommand } from "@aws-sdk/client-ec2";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";
import {
  contentRef,
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import { REGION } from "./aws-test-clients.js";
import { AGENT, playTasks, runProcess } from "./container-runtime.js";

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

/** A snapshot of `environment` captured with `packages` installed on its volume. */
export async function capturedSnapshot(
  clients: AwsClients,
  objects: ObjectStore,
  environment: string,
  image: string,
  packages: [string, string][],
): Promise<{ manifest: SnapshotManifest; volume: string }> {
  const [lab, env] = environment.split("/") as [string, string];
  const volume = mkdtempSync(join(tmpdir(), "labenv-opt-jupyter-"));
  for (const [name, version] of packages) {
    const info = join(volume, "site-packages", `${name}-${version}.dist-info`);
    mkdirSync(info, { recursive: true });
    writeFileSync(
      join(info, "METADATA"),
      `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    );
  }
  const out = join(volume, "at-capture.json");
  const captured = await runProcess(
    ["python3", AGENT, "--lab", lab, "--environment", env, "--output", out, ...imageLayout(volume)],
    { PATH: process.env.PATH ?? "" },
  );
  if (captured.status !== 0) throw new Error(captured.stderr);
  const observation = readFileSync(out, "utf8");
  const lock = `lock of ${environment}\n`;
  for (const b of [observation, lock]) await objects.put(contentRef(b).key, b);
  const v = await clients.ec2.send(
    new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 50 }),
  );
  const snap = (await clients.ec2.send(new CreateSnapshotCommand({ VolumeId: v.VolumeId })))
    .SnapshotId!;
  const manifest: SnapshotManifest = {
    apiVersion: "labenv.westtek.io/v1",
    kind: "SnapshotManifest",
    id: `${environment}/weekly`,
    request: {
      file: `environments/${environment}/snapshots/weekly.yaml`,
      requestedBy: "ana",
      reason: "weekly",
      include: { packages: true, home: false },
    },
    capturedAt: "2026-12-01T00:00:00Z",
    commit: "0".repeat(40),
    provider: "aws",
    lock: {
      ...contentRef(lock),
      file: `environments/${environment}/environment.lock.yaml`,
      digest: `sha256:${"1".repeat(64)}`,
      specDigest: `sha256:${"2".repeat(64)}`,
      domainPack: `${lab}@1.0.0`,
      image,
    },
    image,
    volume: { snapshotId: snap, path: "/opt/jupyter" },
    observation: {
      ...contentRef(observation),
      observedAt: "2026-12-01T00:00:00Z",
      packages: packages.length,
    },
  };
  await objects.put(snapshotObjects.manifest(manifest.id), manifestBytes(manifest).text);
  return { manifest, volume };
}

/** The container runtime: runs each live task of the cluster as ECS was told, then stops it. */
export async function playDrillTasks(
  clients: AwsClients,
  cluster: string,
  volume: string,
  endpoint: string,
): Promise<{ family: string; image: string; status: number | null; stderr: string }[]> {
  const servers: Server[] = [];
  try {
    const ran = await playTasks(clients, cluster, endpoint, servers, (_task, command) => ({
      command: [...command, ...imageLayout(volume)],
    }));
    return ran.map((r) => ({
      family: r.td.family!,
      image: r.container.image!,
      status: r.status,
      stderr: r.stderr,
    }));
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}
