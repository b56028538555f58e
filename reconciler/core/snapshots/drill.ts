import type { Observation } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SnapshotSources, StoredFileSum } from "../../ports/snapshot-sources.js";
import { emptyHomeSentence } from "./home-inventory.js";
import type { SnapshotManifest } from "./manifest.js";
import { verifySnapshot } from "./verify.js";

/**
 * Where a drill brings a snapshot back, away from everything that runs: a throw-away container
 * started from the snapshot's image with a volume made from its EBS snapshot, and the home's
 * files restored from the recovery point into a scratch directory. Both are removed afterwards.
 */
export interface DrillRunner {
  /**
   * What the agent of a throw-away container of `image` (volume from `volumeSnapshotId`) reports;
   * removed after. `startedAt` when the container was started by an earlier call (the drill's
   * time counts from there) and `stoppedAt` when it stopped (a later run that reads its report
   * does not add the wait between runs), `reported` when both are the provider's (not labenv's
   * clock); `pending` while it runs and a later call follows it.
   */
  scratchContainer(
    environment: string,
    image: string,
    volumeSnapshotId: string | undefined,
  ): Promise<
    | { observation: Observation; startedAt?: Date; stoppedAt?: Date; reported?: boolean }
    | { problem: string }
    | { pending: string }
  >;
  /**
   * The files of `path` restored from the recovery point into a scratch directory, summed from
   * what landed there; removed after. `notDrilled` when this provider cannot drill a home yet;
   * `pending` while a restore job or check task runs and a later call follows it; `time`: what
   * the restore took, part by part, when it spanned runs (a restore job, a check task).
   */
  scratchHome(
    recoveryPointArn: string,
    path: string,
    request: DrillHomeRequest,
  ): Promise<
    | { files: StoredFileSum[]; directory: string; time?: DrillTimePart[] }
    | { problem: string }
    | { notDrilled: string }
    | { pending: string }
  >;
  /** The drill was recorded: what the runner remembered between runs about it is forgotten. */
  finished?(environment: string): Promise<void>;
}

/** What a home's drill checks against: the snapshot, its image and the manifest's files. */
export interface DrillHomeRequest {
  environment: string;
  snapshot: string;
  image: string;
  files: readonly StoredFileSum[];
}

export interface DrillStep {
  step: "verify" | "container" | "packages" | "home";
  ok: boolean;
  /** The step was not carried out (the provider cannot yet): never a pass, never a failure. */
  notDrilled?: true;
  detail: string;
  /** What differs, one line each (at most 50 kept). */
  differences?: string[];
}

/**
 * A part of a drill's time: the throw-away container's task, the home's restore job and its check
 * task (from when the provider says each began to when it says each ended: `reported`; else by
 * labenv's clock, from when it started it to when a run found it over), and labenv's own checks.
 */
export interface DrillTimePart {
  part: "task" | "restore job" | "check task" | "checks";
  seconds: number;
  reported: boolean;
}

/** A drill as kept: what was brought back, how long it took, each step's result. */
export interface DrillRecord {
  environment: string;
  snapshot: string;
  startedAt: string;
  finishedAt: string;
  /** The restore's time: the sum of `time` when the drill spanned runs (never the waits between them). */
  seconds: number;
  /** What `seconds` is made of, when the drill spanned runs. */
  time?: DrillTimePart[];
  /** No step failed. */
  ok: boolean;
  /** Every step was carried out (false when one was not drilled: a partial drill, never a full pass). */
  complete: boolean;
  steps: DrillStep[];
}

/** A drill whose throw-away container still runs: nothing is recorded yet, a later run goes on. */
export interface DrillPending {
  environment: string;
  snapshot: string;
  pending: string;
}

export const drillObjects = {
  run: (environment: string, at: string) => `drills/${environment}/${at.replaceAll(":", "")}.json`,
  latest: (environment: string) => `drills/${environment}/latest.json`,
};

const MAX_DIFFERENCES = 50;

/**
 * A restore drill of one snapshot: prove its manifest and objects (verify), start its image in a
 * throw-away container with its volume and compare what that container reports, package for
 * package, with what the environment reported at capture and with its lock, restore its home
 * into a scratch directory and compare every file with the manifest. The record is kept.
 */
export async function runDrill(
  manifest: SnapshotManifest,
  deps: {
    objects: ObjectStore;
    sources: SnapshotSources;
    runner: DrillRunner;
    now: () => Date;
  },
): Promise<DrillRecord | DrillPending> {
  let started = deps.now();
  const environment = manifest.id.split("/").slice(0, 2).join("/");
  const image = manifest.image ?? manifest.lock.image;
  const container = await deps.runner.scratchContainer(
    environment,
    image,
    manifest.volume?.snapshotId,
  );
  if ("pending" in container)
    return { environment, snapshot: manifest.id, pending: container.pending };
  // When the drill spanned runs, its time is made of parts as AWS reports them.
  const time: DrillTimePart[] = [];
  if ("observation" in container && container.startedAt) {
    const to = container.stoppedAt ?? deps.now();
    time.push({
      part: "task",
      seconds: secondsBetween(container.startedAt, to),
      reported: container.reported === true,
    });
  }
  let checksMs = 0;
  const checking = async <T>(f: () => Promise<T> | T): Promise<T> => {
    const from = deps.now().getTime();
    const out = await f();
    checksMs += deps.now().getTime() - from;
    return out;
  };
  // The drill's time: its container's run (from an earlier call's start to its stop), then the
  // checks — not the wait between runs before a later one read the container's report.
  let idleMs = 0;
  if ("observation" in container && container.startedAt && container.startedAt < started) {
    const stop = container.stoppedAt;
    if (stop && stop >= container.startedAt && stop < started)
      idleMs = started.getTime() - stop.getTime();
    started = container.startedAt;
  }
  const steps: DrillStep[] = [];
  const proof = await checking(() => verifySnapshot(manifest.id, deps));
  steps.push({
    step: "verify",
    ok: proof.ok,
    detail: proof.ok
      ? `${proof.checked.objects} objects and ${proof.checked.files} files match their checksums`
      : `${proof.findings.length} findings`,
    ...(proof.ok
      ? {}
      : {
          differences: proof.findings
            .map((f) => `${f.object}: ${f.problem}`)
            .slice(0, MAX_DIFFERENCES),
        }),
  });
  if ("problem" in container) {
    steps.push({ step: "container", ok: false, detail: container.problem });
  } else {
    steps.push({
      step: "container",
      ok: true,
      detail: `${image} started${manifest.volume ? ` with /opt/jupyter from ${manifest.volume.snapshotId}` : ""}`,
    });
    steps.push(
      await checking(() => comparePackages(manifest, container.observation, deps.objects)),
    );
  }
  if (manifest.home) {
    const home = await deps.runner.scratchHome(manifest.home.recoveryPointArn, manifest.home.path, {
      environment,
      snapshot: manifest.id,
      image,
      files: manifest.home.files,
    });
    if ("pending" in home) return { environment, snapshot: manifest.id, pending: home.pending };
    if ("problem" in home) steps.push({ step: "home", ok: false, detail: home.problem });
    else if ("notDrilled" in home)
      steps.push({ step: "home", ok: false, notDrilled: true, detail: home.notDrilled });
    else {
      time.push(...(home.time ?? []));
      steps.push(
        await checking(() => compareHome(manifest.home!.files, home.files, home.directory)),
      );
    }
  }
  const finished = deps.now();
  if (time.length > 0) time.push({ part: "checks", seconds: checksMs / 1000, reported: false });
  const parts = time.map((p) => ({ ...p, seconds: tenths(p.seconds) }));
  const record: DrillRecord = {
    environment,
    snapshot: manifest.id,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds:
      parts.length > 0
        ? tenths(parts.reduce((n, p) => n + p.seconds, 0))
        : tenths((finished.getTime() - started.getTime() - idleMs) / 1000),
    ...(parts.length > 0 && { time: parts }),
    ok: steps.every((s) => s.ok || s.notDrilled),
    complete: steps.every((s) => !s.notDrilled),
    steps,
  };
  const body = `${JSON.stringify(record, null, 2)}\n`;
  await deps.objects.put(drillObjects.run(environment, record.startedAt), body, "application/json");
  await deps.objects.put(drillObjects.latest(environment), body, "application/json");
  await deps.runner.finished?.(environment);
  return record;
}

/** Package for package: the throw-away container against the observation at capture and the lock. */
async function comparePackages(
  manifest: SnapshotManifest,
  now: Observation,
  objects: ObjectStore,
): Promise<DrillStep> {
  const differences: string[] = [];
  const have = new Map(now.spec.packages.map((p) => [p.name, p.version]));
  let compared = 0;
  if (manifest.observation) {
    const bytes = await objects.get(manifest.observation.key);
    let then: Observation | undefined;
    try {
      then = bytes && (JSON.parse(Buffer.from(bytes).toString("utf8")) as Observation);
    } catch {
      then = undefined;
    }
    if (!then?.spec?.packages)
      return { step: "packages", ok: false, detail: "the observation at capture cannot be read" };
    const was = new Map(then.spec.packages.map((p) => [p.name, p.version]));
    for (const [name, version] of was) {
      compared += 1;
      const v = have.get(name);
      if (v !== version) differences.push(`${name}: ${version} at capture, ${v ?? "missing"} now`);
    }
    for (const [name, v] of have)
      if (!was.has(name)) differences.push(`${name}: not there at capture, ${v} now`);
    if (then.spec.python !== now.spec.python)
      differences.push(`python: ${then.spec.python} at capture, ${now.spec.python} now`);
    const kernels = (o: Observation) =>
      o.spec.kernels
        .map((k) => k.name)
        .sort()
        .join(", ");
    if (kernels(then) !== kernels(now))
      differences.push(`kernels: ${kernels(then)} at capture, ${kernels(now)} now`);
  } else {
    compared = have.size;
  }
  return {
    step: "packages",
    ok: differences.length === 0,
    detail:
      differences.length === 0
        ? `${compared}/${compared} packages match${manifest.observation ? " the observation at capture" : " (no observation at capture to compare with)"}`
        : `${differences.length} differences from the observation at capture`,
    ...(differences.length > 0 ? { differences: differences.slice(0, MAX_DIFFERENCES) } : {}),
  };
}

function compareHome(
  listed: readonly StoredFileSum[],
  landed: readonly StoredFileSum[],
  directory: string,
): DrillStep {
  const byPath = new Map(landed.map((f) => [f.path, f]));
  const differences: string[] = [];
  for (const f of listed) {
    const got = byPath.get(f.path);
    byPath.delete(f.path);
    if (!got) differences.push(`${f.path}: missing after the restore`);
    else if (got.sha256 !== f.sha256)
      differences.push(
        `${f.path}: sha256 ${f.sha256.slice(0, 12)}… expected, ${got.sha256.slice(0, 12)}… restored`,
      );
  }
  for (const path of byPath.keys()) differences.push(`${path}: restored but not in the manifest`);
  return {
    step: "home",
    ok: differences.length === 0,
    detail:
      differences.length > 0
        ? `${differences.length} of ${listed.length} files differ after the restore`
        : listed.length === 0
          ? emptyHomeSentence(`the restore (into ${directory}, removed after) had none to compare`)
          : `${listed.length}/${listed.length} files restored identical (into ${directory}, removed after)`,
    ...(differences.length > 0 ? { differences: differences.slice(0, MAX_DIFFERENCES) } : {}),
  };
}

/** The latest drill of an environment, or why its record cannot be read; undefined when never drilled. */
export async function latestDrill(
  objects: ObjectStore,
  environment: string,
): Promise<{ record: DrillRecord } | { problem: string } | undefined> {
  const bytes = await objects.get(drillObjects.latest(environment));
  if (!bytes) return undefined;
  try {
    const r = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<DrillRecord>;
    if (
      r.environment !== environment ||
      typeof r.snapshot !== "string" ||
      typeof r.startedAt !== "string" ||
      typeof r.ok !== "boolean" ||
      !Array.isArray(r.steps) ||
      (r.ok && r.steps.some((s) => !s?.ok && !s?.notDrilled))
    )
      return {
        problem: `${drillObjects.latest(environment)} is not a drill record of ${environment}`,
      };
    // Records from before partial drills existed carried every step.
    return { record: { ...(r as DrillRecord), complete: r.complete ?? true } };
  } catch (e) {
    return { problem: `${drillObjects.latest(environment)} is not JSON (${(e as Error).message})` };
  }
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / 1000;
}

function tenths(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

/**
 * How long a drill's restore took and what that is made of, for `labenv drill`, `labenv status`
 * and the drill Lambda's log: "412 s (task 95 s, restore job 290 s, check task 20 s, checks 7 s;
 * not the waits between reconciler runs)".
 */
export function drillTimeSentence(record: Pick<DrillRecord, "seconds" | "time">): string {
  if (!record.time || record.time.length === 0) return `${record.seconds} s`;
  const parts = record.time.map(
    (p) =>
      `${p.part} ${p.seconds} s${p.reported || p.part === "checks" ? "" : " by labenv's clock"}`,
  );
  return `${record.seconds} s (${parts.join(", ")}; not the waits between reconciler runs)`;
}
