import { paths } from "../desire/names.js";
import { emptyHomeSentence } from "./home-inventory.js";
import { LabenvError } from "../errors.js";
import type { Observation, Repository } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type {
  HomeRestorer,
  HomeRestoreStep,
  SnapshotSources,
  StoredFileSum,
} from "../../ports/snapshot-sources.js";
import {
  manifestBytes,
  parseManifest,
  snapshotObjects,
  type SnapshotManifest,
} from "./manifest.js";
import { decideRestore, type RestoreDecision, type RestorePin } from "./restore-decision.js";
import { restoreAttempt } from "./restore-attempt.js";
import type { VerifyFinding } from "./verify.js";

/** What a restore did, measured: written once it is done, read by `labenv status`. */
export interface RestoreRecord {
  environment: string;
  snapshot: string;
  /** Which attempt (`restoreFrom.attempt`); absent in records written before attempts: 1. */
  attempt?: number;
  /**
   * The attempt failed for good (nothing was checked): why, and whether a raised
   * `restoreFrom.attempt` can mend it. A failed attempt is recorded so it is not run again.
   */
  failure?: { reason: string; mendable: boolean };
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
  /** One per attempt: the first keeps the key records always had, so they stay valid. */
  record: (environment: string, snapshot: string, attempt = 1) =>
    `restores/${environment}/from/${snapshot}${attempt > 1 ? `.attempt-${attempt}` : ""}.json`,
};

const RECORD_KEY =
  /^restores\/([^/]+\/[^/]+)\/from\/([^/]+\/[^/]+\/[^/.]+)(?:\.attempt-(\d+))?\.json$/;

/**
 * The restores done, as `homeOverwrites` names them (`lab/env from lab/env/name`), from their
 * records: with `repository`, only a record of the attempt each environment asks for counts
 * (a raised `restoreFrom.attempt` is not done until its own record is written).
 */
export async function doneRestores(
  objects: ObjectStore,
  repository?: Repository,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const key of await objects.list("restores/")) {
    const m = RECORD_KEY.exec(key);
    if (!m) continue;
    const env = repository?.environments.get(m[1]!);
    if (repository && (!env || restoreAttempt(env) !== Number(m[3] ?? 1))) continue;
    out.add(`${m[1]} from ${m[2]}`);
  }
  return out;
}

/**
 * What the attempt before each raised `restoreFrom.attempt` left, from its record, as the plan
 * says it (an attempt with no record may still be under way, or was never run).
 */
export async function previousAttempts(
  objects: ObjectStore,
  repository: Repository,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [key, env] of repository.environments) {
    const from = env.doc.spec.restoreFrom;
    const attempt = restoreAttempt(env);
    if (!from || attempt < 2) continue;
    const before = attempt - 1;
    const r = await readRecord(objects, restoreObjects.record(key, from.snapshot, before));
    out.set(
      key,
      r
        ? attemptLeft(r, before)
        : `attempt ${before} has no record (never run, or still under way: whatever it restores stays where AWS Backup puts it)`,
    );
  }
  return out;
}

function attemptLeft(r: RestoreRecord, attempt: number): string {
  if (r.failure) return `attempt ${attempt} failed at ${r.finishedAt} (${r.failure.reason})`;
  const h = r.home;
  const where = !h
    ? ""
    : `, ${h.identical}/${h.files} files identical ${h.placed === "home" ? "in the home" : `beside the home's files, in ${h.path}`}${(h.left ?? 0) > 0 ? `, ${h.left} left in ${h.restoreDirectory}` : ""}`;
  return `attempt ${attempt} finished ${r.ok ? "✓" : "✖"} at ${r.finishedAt}: ${r.packages.matched}/${r.packages.total} packages match${where}`;
}

async function readRecord(objects: ObjectStore, key: string): Promise<RestoreRecord | undefined> {
  const bytes = await objects.get(key);
  if (!bytes) return undefined;
  try {
    const r = JSON.parse(Buffer.from(bytes).toString("utf8")) as RestoreRecord;
    return typeof r?.finishedAt === "string" ? r : undefined;
  } catch {
    return undefined;
  }
}

/** What a restore record says when read back: a failed attempt stays failed, with what mends it. */
export function failedAttemptReason(r: RestoreRecord): string | undefined {
  if (!r.failure) return undefined;
  const attempt = r.attempt ?? 1;
  return `attempt ${attempt} failed at ${r.finishedAt}: ${r.failure.reason} — ${
    r.failure.mendable
      ? `not run again by itself: raise restoreFrom.attempt to ${attempt + 1} in a pull request for a fresh restore (what this attempt left is kept)`
      : "a retry cannot mend this, so it is not retried"
  }`;
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
 * from the recovery point (beside existing files, never over them — unless
 * `restoreFrom.overwrite`, and only by a restorer that `overwrites`: then each replaced file is
 * kept aside first) and every file is checked against the manifest where it landed; the container is compared with the snapshot's
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
    const attempt = restoreAttempt(env);
    const recordKey = restoreObjects.record(key, snapshot, attempt);
    const previous = await deps.objects.get(recordKey);
    if (previous) {
      const record = JSON.parse(Buffer.from(previous).toString("utf8")) as RestoreRecord;
      const failed = failedAttemptReason(record);
      out.push(
        failed
          ? { environment: key, snapshot, outcome: "failed", reason: failed }
          : { environment: key, snapshot, outcome: "restored", record, now: false },
      );
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
        reason: `restoreFrom.overwrite is not available here (this provider's restorer cannot restore over a home's files): nothing of ${key}'s home was restored or changed — drop overwrite to restore the snapshot's files beside the home's, or restore into a new environment (labenv restore ${snapshot} --as <name>)`,
      });
      continue;
    }
    let home: RestoreRecord["home"];
    let startedAt = input.startedAt;
    if (m.home) {
      const { lab, name } = env.doc.metadata;
      const to = paths.home(lab, name);
      const { recoveryPointArn, path } = m.home;
      const step = await homeStep(() =>
        deps.restorer.restoreHomeStep
          ? deps.restorer.restoreHomeStep(recoveryPointArn, path, to, {
              environment: key,
              snapshot,
              image: pin.image,
              files: m.home!.files,
              ...(attempt > 1 ? { attempt } : {}),
              ...(overwrite ? { overwrite: true } : {}),
            })
          : deps.restorer.restoreHome(
              recoveryPointArn,
              path,
              to,
              ...(overwrite ? ([{ overwrite: true }] as const) : ([] as const)),
            ),
      );
      if (step.state === "failed" && step.final) {
        // Over for good: recorded, so no later run starts it again; only a raised attempt does.
        const finished = deps.now();
        const record: RestoreRecord = {
          environment: key,
          snapshot,
          attempt,
          failure: { reason: step.reason, mendable: step.mendable !== false },
          manifestDigest: found!.digest,
          image: pin.image,
          startedAt: startedAt.toISOString(),
          finishedAt: finished.toISOString(),
          seconds: Math.max(0, (finished.getTime() - startedAt.getTime()) / 1000),
          packages: { matched: 0, total: 0, differences: [] },
          ok: false,
        };
        await deps.objects.put(
          recordKey,
          `${JSON.stringify(record, null, 2)}\n`,
          "application/json",
        );
        out.push({
          environment: key,
          snapshot,
          outcome: "failed",
          reason: failedAttemptReason(record)!,
        });
        continue;
      }
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
      ...(attempt > 1 ? { attempt } : {}),
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

/**
 * A home restore's next step; a restore the provider refuses outright (the recovery point, or a
 * file's bytes in it, are gone) is a failure no retry mends, said as such, never a crash.
 */
async function homeStep(
  run: () => Promise<HomeRestoreStep | Awaited<ReturnType<HomeRestorer["restoreHome"]>>>,
): Promise<HomeRestoreStep> {
  try {
    const r = await run();
    return "state" in r ? r : { state: "done", home: r };
  } catch (e) {
    if (!(e instanceof LabenvError) || e.code !== "provider") throw e;
    return { state: "failed", reason: e.message, final: true, mendable: false };
  }
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

/**
 * What a restore record says of the home, after its packages: how many files came back identical
 * and where (with the restore directory's path when `path`), or that the snapshot's home held none.
 */
export function restoredHomePhrase(
  home: Pick<NonNullable<RestoreRecord["home"]>, "files" | "identical" | "placed" | "path">,
  options: { path?: boolean } = {},
): string {
  if (home.files === 0) return `; ${emptyHomeSentence("none was restored into its home")}`;
  const where =
    home.placed === "home"
      ? "in its home"
      : `beside its files${options.path ? `, in ${home.path}` : ""}`;
  return `, ${home.identical}/${home.files} files identical ${where}`;
}
