import { sha256Hex } from "../../../reconciler/core/lock/canonical.js";
import {
  contentRef,
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../../reconciler/core/snapshots/manifest.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";
import type { SnapshotSources } from "../../../reconciler/ports/snapshot-sources.js";

/**
 * A snapshot as a capture on AWS stores it: the lock and the home's inventory under their sums,
 * then the manifest naming them (its volume snapshot and recovery point are the stand-in's).
 */
export async function storeSnapshot(
  objects: ObjectStore,
  id: string,
  capturedAt = "2026-11-01T03:00:00.000Z",
): Promise<SnapshotManifest> {
  const [lab, env, name] = id.split("/") as [string, string, string];
  const lock = `kind: EnvironmentLock\nmetadata: { name: ${env}, lab: ${lab} }\n# ${name}\n`;
  const notebook = '{"cells": [], "nbformat": 4}';
  const files = [
    { path: "analysis.ipynb", size: Buffer.byteLength(notebook), sha256: sha256Hex(notebook) },
  ];
  const inventory = JSON.stringify({ kind: "HomeInventory", spec: { files } });
  const lockRef = contentRef(lock);
  const invRef = contentRef(inventory);
  await objects.put(lockRef.key, lock);
  await objects.put(invRef.key, inventory);
  const m: SnapshotManifest = {
    apiVersion: "labenv.westtek.io/v1",
    kind: "SnapshotManifest",
    id,
    request: {
      file: `environments/${lab}/${env}/snapshots/${name}.yaml`,
      requestedBy: "rpatel",
      reason: "thesis",
      include: { packages: true, home: true },
    },
    capturedAt,
    commit: "c".repeat(40),
    provider: "aws eu-west-1 / cluster labenv",
    lock: {
      ...lockRef,
      file: `environments/${lab}/${env}/environment.lock.yaml`,
      digest: `sha256:${"1".repeat(64)}`,
      specDigest: `sha256:${"2".repeat(64)}`,
      domainPack: "genomics@1.2.0",
      image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/${lab}@sha256:${"a".repeat(64)}`,
    },
    volume: { snapshotId: "snap-0123456789abcdef0", path: "/opt/jupyter" },
    home: {
      backupJobId: "job-1",
      recoveryPointArn: "arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-1",
      path: `/labs/${lab}/environments/${env}`,
      fileCount: files.length,
      totalBytes: files[0]!.size,
      files,
      inventory: {
        ...invRef,
        takenAt: capturedAt,
        task: "arn:aws:ecs:eu-west-1:123456789012:task/labenv/1",
        backupStartedAt: capturedAt,
      },
    },
  };
  await objects.put(snapshotObjects.manifest(id), manifestBytes(m).text, "application/json");
  return m;
}

/** AWS as verify reads it: every volume snapshot completed, every recovery point COMPLETED; nothing else is asked. */
export function completedSources(calls: string[] = []): SnapshotSources {
  const no = (what: string) => async () => {
    throw new Error(`verify does not ${what}`);
  };
  return {
    async volumeSnapshot(id) {
      calls.push(`volume ${id}`);
      return { state: "completed" };
    },
    async backupJob(id) {
      calls.push(`recovery point ${id}`);
      return { state: "COMPLETED", recoveryPointArn: id };
    },
    recoveryPointFiles: no("read a recovery point's files on AWS"),
    captureHome: no("capture"),
    observation: no("observe"),
    runningImage: no("read what runs"),
  };
}
