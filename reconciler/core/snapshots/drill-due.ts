import type { Repository } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SnapshotSources } from "../../ports/snapshot-sources.js";
import {
  drillTimeSentence,
  latestDrill,
  runDrill,
  type DrillTimePart,
  type DrillPending,
  type DrillRecord,
  type DrillRunner,
} from "./drill.js";
import { selectDrills, type DrillCandidate } from "./drill-schedule.js";
import { newestManifests } from "./snapshot-list.js";

/** What one scheduled drill run did. */
export interface DueDrills {
  drilled: {
    environment: string;
    snapshot: string;
    ok: boolean;
    complete: boolean;
    seconds: number;
    time?: DrillTimePart[];
  }[];
  /** Started (or followed) but not finished within this run's time: the next run goes on. */
  pending: { environment: string; snapshot: string; reason: string }[];
  /** Beyond this run's count: later runs take them. */
  left: string[];
  noSnapshot: string[];
}

/**
 * The drills of a scheduled run: each environment's newest snapshot, at most `maxPerRun`
 * environments, under way and longest undrilled first (`selectDrills`). Every selected drill's
 * task is started first, then each is followed until it reports or the deadline passes; one
 * still running is left for the next run (its task record says where it is).
 */
export async function drillDue(
  repository: Repository,
  deps: {
    objects: ObjectStore;
    sources: SnapshotSources;
    /** The drill runner, waiting at most `waitMs` for a task in one call. */
    runner: (waitMs: number) => DrillRunner;
    /** Whether a drill task of the environment is under way (started by an earlier run). */
    inFlight: (environment: string) => Promise<boolean>;
    now: () => Date;
  },
  bounds: { maxPerRun: number; deadline: Date },
): Promise<DueDrills> {
  const newest = await newestManifests(deps.objects);
  const candidates: DrillCandidate[] = [];
  for (const environment of [...repository.environments.keys()].sort()) {
    const last = await latestDrill(deps.objects, environment);
    candidates.push({
      environment,
      hasSnapshot: newest.has(environment),
      ...(last ? { last: "problem" in last ? ("unreadable" as const) : last.record } : {}),
      ...(newest.has(environment) && (await deps.inFlight(environment)) ? { inFlight: true } : {}),
    });
  }
  const selection = selectDrills(candidates, deps.now(), bounds.maxPerRun);
  const drill = (environment: string, waitMs: number) =>
    runDrill(newest.get(environment)!, {
      objects: deps.objects,
      sources: deps.sources,
      runner: deps.runner(waitMs),
      now: deps.now,
    });
  // Start every selected drill's task, then follow each within the run's time.
  const first = new Map<string, DrillRecord | DrillPending>();
  for (const environment of selection.now) first.set(environment, await drill(environment, 0));
  const out: DueDrills = {
    drilled: [],
    pending: [],
    left: selection.left,
    noSnapshot: selection.noSnapshot,
  };
  for (const environment of selection.now) {
    let r = first.get(environment)!;
    if ("pending" in r)
      r = await drill(environment, Math.max(0, bounds.deadline.getTime() - deps.now().getTime()));
    if ("pending" in r) out.pending.push({ environment, snapshot: r.snapshot, reason: r.pending });
    else
      out.drilled.push({
        environment,
        snapshot: r.snapshot,
        ok: r.ok,
        complete: r.complete,
        seconds: r.seconds,
        ...(r.time && { time: r.time }),
      });
  }
  return out;
}

/** One line per drill, for the function's log (a failed drill is an error there). */
export function renderDueDrills(d: DueDrills): string[] {
  return [
    ...d.drilled.map(
      (r) =>
        `${r.ok ? (r.complete ? "✓" : "◐") : "✖ FAILED"} drill ${r.environment} from ${r.snapshot} in ${drillTimeSentence(r)}${r.ok && !r.complete ? " (partly drilled)" : ""}`,
    ),
    ...d.pending.map((p) => `… drill ${p.environment} from ${p.snapshot}: ${p.reason}`),
    ...(d.left.length > 0 ? [`· drills left for the next runs: ${d.left.join(", ")}`] : []),
  ];
}
