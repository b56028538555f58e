import { lockDigest } from "../lock/build-lock.js";
import { envKey, type Loaded, type Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import { paths } from "../desire/names.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SnapshotSources } from "../../ports/snapshot-sources.js";
import { decideCapture, type CaptureDecision } from "./capture-decision.js";
import { lockSpecDigest } from "./restore-decision.js";
import { contentRef, manifestBytes, snapshotObjects, type SnapshotManifest } from "./manifest.js";

export interface CaptureInput {
  repository: Repository;
  commit: string;
  /** The provider's label, recorded in the manifest. */
  provider: string;
  observed: readonly ObservedResource[];
  /** Only these snapshots (`lab/env/name`); all when absent. */
  only?: readonly string[];
}

export interface CaptureDeps {
  objects: ObjectStore;
  sources: SnapshotSources;
  now: () => Date;
}

/** One snapshot after a capture pass: the decision, and for one captured now its manifest's digest. */
export type CaptureResult = CaptureDecision & {
  capturedNow?: boolean;
  digest?: string;
  /** Home files modified after the backup began: the recovery point may hold an earlier version. */
  changedSinceBackup?: string[];
};

/**
 * Captures every Snapshot document whose parts are taken: the lock's bytes and the observation
 * at this moment are stored first (by content), the home's files are read back from the
 * recovery point and summed, and only then is the manifest written — objects before manifest,
 * so a manifest never names what is not stored. A snapshot already captured is left alone.
 */
export async function captureSnapshots(
  input: CaptureInput,
  deps: CaptureDeps,
): Promise<CaptureResult[]> {
  const byKey = new Map(input.observed.map((o) => [o.key, o]));
  const written = new Set(await deps.objects.list(snapshotObjects.prefix));
  const out: CaptureResult[] = [];
  for (const [id, snapshot] of [...input.repository.snapshots].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (input.only && !input.only.includes(id)) continue;
    const { lab, environment } = snapshot.doc.metadata;
    const env = input.repository.environments.get(envKey(lab, environment));
    const manifestKey = snapshotObjects.manifest(id);
    const decision = decideCapture({
      snapshot,
      environment: !env ? "absent" : (env.doc.spec.state ?? "running"),
      observed: byKey,
      ...(written.has(manifestKey) ? { manifestKey } : {}),
    });
    if (decision.outcome !== "capture") {
      out.push(decision);
      continue;
    }
    out.push(await captureOne(snapshot, decision, input, deps));
  }
  return out;
}

async function captureOne(
  snapshot: Loaded<"Snapshot">,
  decision: Extract<CaptureDecision, { outcome: "capture" }>,
  input: CaptureInput,
  deps: CaptureDeps,
): Promise<CaptureResult> {
  const { id } = decision;
  const { lab, environment } = snapshot.doc.metadata;
  const env = envKey(lab, environment);
  const fail = (reason: string): CaptureResult => ({ id, outcome: "failed", reason });
  const lock = input.repository.locks.get(env);
  if (!lock) return fail(`${env} has no lock in git`);
  const spec = snapshot.doc.spec;
  const put = async (bytes: string) => {
    const ref = contentRef(bytes);
    await deps.objects.put(ref.key, bytes);
    return ref;
  };
  const lockRef = await put(lock.text);
  const observation = await deps.sources.observation(env);
  if (!observation) return fail(`${env}'s container did not report an observation`);
  const observationRef = await put(`${JSON.stringify(observation, null, 2)}\n`);
  let home: SnapshotManifest["home"];
  if (decision.backupId) {
    const job = await deps.sources.backupJob(decision.backupId);
    if (!job?.recoveryPointArn) return fail(`backup ${decision.backupId} has no recovery point`);
    if (job.state !== "COMPLETED")
      return {
        id,
        outcome: "requested",
        reason: `waiting for backup ${decision.backupId} (${job.state})`,
      };
    const path = paths.home(lab, environment);
    const captured = await deps.sources.captureHome({
      id,
      environment: env,
      path,
      recoveryPointArn: job.recoveryPointArn,
      ...(decision.volumeSnapshotId ? { volumeSnapshotId: decision.volumeSnapshotId } : {}),
    });
    if (captured.state === "pending") return { id, outcome: "requested", reason: captured.reason };
    if (captured.state === "failed") return fail(captured.reason);
    const { files, inventory } = captured;
    home = {
      backupJobId: decision.backupId,
      recoveryPointArn: job.recoveryPointArn,
      path,
      fileCount: files.length,
      totalBytes: files.reduce((n, f) => n + f.size, 0),
      files,
      ...(inventory
        ? {
            inventory: {
              ...(await put(inventory.bytes)),
              takenAt: inventory.takenAt,
              task: inventory.task,
              backupStartedAt: inventory.backupStartedAt,
            },
            ...(inventory.changedSinceBackup.length > 0
              ? { changedSinceBackup: inventory.changedSinceBackup }
              : {}),
          }
        : {}),
    };
  }
  const image = await deps.sources.runningImage(env);
  const manifest: SnapshotManifest = {
    apiVersion: "labenv.westtek.io/v1",
    kind: "SnapshotManifest",
    id,
    request: {
      file: snapshot.file,
      requestedBy: spec.requestedBy,
      reason: spec.reason,
      ...(spec.experiment ? { experiment: spec.experiment } : {}),
      include: { packages: spec.include?.packages !== false, home: spec.include?.home === true },
      ...(spec.retention ? { retention: { ...spec.retention } } : {}),
    },
    capturedAt: deps.now().toISOString(),
    commit: input.commit,
    provider: input.provider,
    lock: {
      ...lockRef,
      file: lock.file,
      digest: lockDigest(lock.doc),
      specDigest: lockSpecDigest(lock.doc),
      domainPack: `${lock.doc.spec.domainPack.name}@${lock.doc.spec.domainPack.version}`,
      image: lock.doc.spec.image,
    },
    ...(image ? { image } : {}),
    ...(decision.volumeSnapshotId
      ? { volume: { snapshotId: decision.volumeSnapshotId, path: "/opt/jupyter" as const } }
      : {}),
    observation: {
      ...observationRef,
      observedAt: observation.metadata.observedAt,
      ...(observation.metadata.task ? { task: observation.metadata.task } : {}),
      packages: observation.spec.packages.length,
    },
    ...(home ? { home } : {}),
  };
  const { text, digest } = manifestBytes(manifest);
  await deps.objects.put(snapshotObjects.manifest(id), text, "application/json");
  return {
    id,
    outcome: "captured",
    manifestKey: snapshotObjects.manifest(id),
    capturedNow: true,
    digest,
    ...(home?.changedSinceBackup ? { changedSinceBackup: home.changedSinceBackup } : {}),
  };
}
