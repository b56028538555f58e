import { paths } from "../desire/names.js";
import type { Observation, Repository } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { HomeRestorer, SnapshotSources, StoredFileSum } from "../../ports/snapshot-sources.js";
import {
  manifestBytes,
  parseManifest,
  snapshotObjects,
  type SnapshotManifest,
} from "./manifest.js";
import { decideRestore, type RestoreDecision, type RestorePin } from "./restore-decision.js";
import type { VerifyFinding } from "./verify.js";

/** What a restore did, measured: written once it is done, read by `labenv status`. */
export interface RestoreRecord {
  environment: string;
  snapshot: string;
  manifestDigest: string;
  image: string;
  volumeSnapshotId?: string;
  /**
   * From the start of the reconcile that applied the restore (on AWS: the run that started the
   * restore job, which later runs follow) to the last file checked.
   */
  startedAt: string;
  finishedAt: string;
  seconds: number;
  home?: {
    restoreDirectory: string;
    placed: "home" | "beside";
    path: string;
    /** Files left in the restore directory (on AWS; it is removed when none are). */
    left?: number;
    files: number;
    identical: number;
    findings: VerifyFinding[];
    /** With `restoreFrom.overwrite`: the home's files replaced, each kept aside (never lost). */
    replaced?: { path: string; keptAt: string }[];
    keptAside?: string;
  };
  /** The restored container against the snapshot's observation, package for package. */
  packages: { matched: number; total: number; differences: string[] };
  ok: boolean;
}

export type RestoreResult =
  | (Exclude<RestoreDecision, { outcome: "pin" }> & { record?: undefined })
  | {
      environment: string;
      snapshot: string;
      outcome: "restored";
      record: RestoreRecord;
      now: boolean;
    };

export const restoreObjects = {
  record: (environment: string, snapshot: string) =>
    `restores/${environment}/from/${snapshot}.json`,
};

/** The restores done, as `homeOverwrites` names them (`lab/env from lab/env/name`), from their records. */
export async function doneRestores(objects: ObjectStore): Promise<Set<string>> {
  const out = new Set<string>();
  for (const key of await objects.list("restores/")) {
    const m = /^restores\/([^/]+\/[^/]+)\/from\/([^/]+\/[^/]+\/[^/]+)\.json$/.exec(key);
    if (m) out.add(`${m[1]} from ${m[2]}`);
  }
  return out;
}

/** At most this many restore records of one environment are read for its latest. */
const MAX_RESTORE_RECORDS = 100;

/** The environment's newest restore record (by when it finished), for `labenv status`. */
export async function latestRestore(
  objects: ObjectStore,
  environment: string,
): Promise<RestoreRecord | undefined> {
  const prefix = `restores/${environment}/from/`;
  const keys = (await objects.list(prefix))
    .filter((k) => k.startsWith(prefix) && k.endsWith(".json"))
    .sort()
    .slice(0, MAX_RESTORE_RECORDS);
  let newest: RestoreRecord | undefined;
  for (const key of keys) {
    const bytes = await objects.get(key);
    try {
      const r = bytes
        ? (JSON.parse(Buffer.from(bytes).toString("utf8")) as RestoreRecord)
        : undefined;
      if (r?.environment === environment && typeof r.finishedAt === "string")
        if (!newest || r.finishedAt > newest.finishedAt) newest = r;
    } catch {
      // unreadable: not a restore status can report
    }
  }
  return newest;
}

/** The manifests the restores in `repository` name, read from the object store. */
export async function manifestsFor(
  repository: Repository,
  objects: ObjectStore,
): Promise<Map<string, { manifest: SnapshotManifest; digest: string }>> {
  const out = new Map<string, { manifest: SnapshotManifest; digest: string }>();
  for (const env of repository.environments.values()) {
    const id = env.doc.spec.restoreFrom?.snapshot;
    if (!id || out.has(id)) continue;
    const bytes = await objects.get(snapshotObjects.manifest(id));
    const parsed = bytes && parseManifest(bytes);
    if (parsed && "manifest" in parsed)
      out.set(id, { manifest: parsed.manifest, digest: manifestBytes(parsed.manifest).digest });
  }
  return out;
}

/** Each restoring environment's decision (by environment key), from its lock and the stored manifest. */
export function restoreDecisions(
  repository: Repository,
  manifests: ReadonlyMap<string, { manifest: SnapshotManifest; digest: string }>,
): Map<string, RestoreDecision> {
  const out = new Map<string, RestoreDecision>();
  for (const [key, env] of repository.environments) {
    const id = env.doc.spec.restoreFrom?.snapshot;
    const d = id
      ? decideRestore(env, repository.locks.get(key), manifests.get(id)?.manifest)
      : undefined;
    if (d) out.set(key, d);
  }
  return out;
}

/** The image and volume each restoring environment runs: what desire pins for it. */
export function restorePinsFor(
  repository: Repository,
  manifests: ReadonlyMap<string, { manifest: SnapshotManifest; digest: string }>,
): Map<string, RestorePin> {
  const pins = new Map<string, RestorePin>();
  for (const [key, d] of restoreDecisions(repository, manifests))
    if (d.outcome === "pin") pins.set(key, d.pin);
  return pins;
}

/**
 * What a plan says of the restores it cannot start (the snapshot not captured yet, or a lock
 * that is not the snapshot's): a plan applies nothing, so a restore it can start is shown by its
 * resource changes, and what it finds is reported by the reconcile that applies it.
 */
export function unstartableRestores(
  repository: Repository,
  manifests: ReadonlyMap<string, { manifest: SnapshotManifest; digest: string }>,
): RestoreResult[] {
  return [...restoreDecisions(repository, manifests).values()].flatMap((d) =>
    d.outcome === "pin" ? [] : [d],
  );
}

/**
 * Completes each restore once its environment runs the snapshot's image: the home is restored
 * from the recovery point (beside existing files, never over them) and every file is checked
 * against the manifest where it landed; the container is compared with the snapshot's
 * observation package for package; the measured record is written. A restore done is not redone.
 */
export async function completeRestores(
  input: {
    repository: Repository;
    manifests: ReadonlyMap<string, { manifest: SnapshotManifest; digest: string }>;
    startedAt: Date;
  },
  deps: { objects: ObjectStore; sources: SnapshotSources; restorer: HomeRestorer; now: () => Date },
): Promise<RestoreResult[]> {
  const out: RestoreResult[] = [];
  for (const [key, env] of [...input.repository.environments].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const found =
      env.doc.spec.restoreFrom && input.manifests.get(env.doc.spec.restoreFrom.snapshot);
    const decision = decideRestore(env, input.repository.locks.get(key), found?.manifest);
    if (!decision) continue;
    if (decision.outcome !== "pin") {
      out.push(decision);
      continue;
    }
    const { snapshot, pin } = decision;
    const recordKey = restoreObjects.record(key, snapshot);
    const previous = await deps.objects.get(recordKey);
    if (previous) {
      const record = JSON.parse(Buffer.from(previous).toString("utf8")) as RestoreRecord;
      out.push({ environment: key, snapshot, outcome: "restored", record, now: false });
      continue;
    }
    if ((await deps.sources.runningImage(key)) !== pin.image) {
      out.push({
        environment: key,
        snapshot,
        outcome: "waiting",
        reason: `${key}'s task does not run the snapshot's image yet`,
      });
      continue;
    }
    const m = found!.manifest;
    const overwrite = env.doc.spec.restoreFrom?.overwrite === true;
    if (overwrite && m.home && !deps.restorer.overwrites) {
      out.push({
        environment: key,
        snapshot,
        outcome: "failed",
        reason: `restoreFrom.overwrite is not available here yet (the one-off move that would replace the home's files is not built on this provider): nothing of ${key}'s home was restored or changed — drop overwrite to restore the snapshot's files beside the home's, or restore into a new environment (labenv restore ${snapshot} --as <name>)`,
      });
      continue;
    }
    let home: RestoreRecord["home"];
    let startedAt = input.startedAt;
    if (m.home) {
      const { lab, name } = env.doc.metadata;
      const step = overwrite
        ? {
            state: "done" as const,
            home: await deps.restorer.restoreHome(
              m.home.recoveryPointArn,
              m.home.path,
              paths.home(lab, name),
              { overwrite: true },
            ),
          }
        : deps.restorer.restoreHomeStep
          ? await deps.restorer.restoreHomeStep(
              m.home.recoveryPointArn,
              m.home.path,
              paths.home(lab, name),
              { environment: key, snapshot, image: pin.image, files: m.home.files },
            )
          : {
              state: "done" as const,
              home: await deps.restorer.restoreHome(
                m.home.recoveryPointArn,
                m.home.path,
                paths.home(lab, name),
              ),
            };
      if (step.state !== "done") {
        out.push({
          environment: key,
          snapshot,
          outcome: step.state === "pending" ? "waiting" : "failed",
          reason: step.reason,
        });
        continue;
      }
      const landed = step.home;
      if (step.startedAt !== undefined && Date.parse(step.startedAt) < startedAt.getTime())
        startedAt = new Date(step.startedAt);
      const findings = compareFiles(m.home.files, landed.files, landed.path);
      home = {
        restoreDirectory: landed.restoreDirectory,
        placed: landed.placed,
        path: landed.path,
        ...(landed.left !== undefined ? { left: landed.left } : {}),
        files: m.home.files.length,
        identical: m.home.files.length - findings.filter((f) => f.problem !== "unexpected").length,
        findings,
        ...(landed.replaced ? { replaced: landed.replaced } : {}),
        ...(landed.keptAside ? { keptAside: landed.keptAside } : {}),
      };
    }
    const packages = comparePackages(
      await snapshotObservation(m, deps.objects),
      await deps.sources.observation(key),
    );
    const finished = deps.now();
    const record: RestoreRecord = {
      environment: key,
      snapshot,
      manifestDigest: found!.digest,
      image: pin.image,
      ...(pin.volumeSnapshotId ? { volumeSnapshotId: pin.volumeSnapshotId } : {}),
      startedAt: startedAt.toISOString(),
      finishedAt: finished.toISOString(),
      seconds: Math.max(0, (finished.getTime() - startedAt.getTime()) / 1000),
      ...(home ? { home } : {}),
      packages,
      ok: packages.differences.length === 0 && (home?.findings.length ?? 0) === 0,
    };
    await deps.objects.put(recordKey, `${JSON.stringify(record, null, 2)}\n`, "application/json");
    out.push({ environment: key, snapshot, outcome: "restored", record, now: true });
  }
  return out;
}

async function snapshotObservation(
  m: SnapshotManifest,
  objects: ObjectStore,
): Promise<Observation | undefined> {
  if (!m.observation) return undefined;
  const bytes = await objects.get(m.observation.key);
  return bytes ? (JSON.parse(Buffer.from(bytes).toString("utf8")) as Observation) : undefined;
}

/** Each file of the manifest against the file where it landed. */
export function compareFiles(
  wanted: readonly StoredFileSum[],
  landed: readonly StoredFileSum[],
  where: string,
): VerifyFinding[] {
  const byPath = new Map(landed.map((f) => [f.path, f]));
  const findings: VerifyFinding[] = [];
  for (const f of wanted) {
    const l = byPath.get(f.path);
    byPath.delete(f.path);
    const object = `${where}/${f.path}`;
    if (!l) findings.push({ object, problem: "missing", expected: f.sha256 });
    else if (l.sha256 !== f.sha256)
      findings.push({ object, problem: "checksum", expected: f.sha256, actual: l.sha256 });
  }
  for (const extra of byPath.values())
    findings.push({
      object: `${where}/${extra.path}`,
      problem: "unexpected",
      actual: extra.sha256,
    });
  return findings;
}

/** The snapshot's packages against the restored container's, by name and version. Pure. */
export function comparePackages(
  then: Observation | undefined,
  now: Observation | undefined,
): RestoreRecord["packages"] {
  if (!then || !now)
    return {
      matched: 0,
      total: then?.spec.packages.length ?? 0,
      differences: [
        !then ? "the snapshot's observation is missing" : "the restored container did not report",
      ],
    };
  const was = new Map(then.spec.packages.map((p) => [p.name, p.version]));
  const is = new Map(now.spec.packages.map((p) => [p.name, p.version]));
  const differences: string[] = [];
  let matched = 0;
  for (const [name, version] of [...was].sort()) {
    const v = is.get(name);
    if (v === version) matched += 1;
    else
      differences.push(
        v === undefined ? `${name} ${version} is missing` : `${name} ${version} → ${v}`,
      );
  }
  for (const [name, version] of [...is].sort())
    if (!was.has(name)) differences.push(`${name} ${version} was not in the snapshot`);
  return { matched, total: was.size, differences };
}
