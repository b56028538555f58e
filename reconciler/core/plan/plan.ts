import { digestOf } from "../lock/canonical.js";
import type { Action, Outcome, Plan, PlanStage, StageName } from "../model/plan.js";
import { OUTCOMES } from "../model/plan.js";
import {
  RESOURCE_KINDS,
  STORAGE_KINDS,
  TAG,
  type DesiredResource,
  type DesiredState,
  type ObservedResource,
  type ObservedState,
} from "../model/resources.js";
import { describeChanges, formatChanges } from "./describe-changes.js";

export interface PlanOptions {
  /** More deletions than this block the plan (labenv.yaml `plan.maxDeletes`). */
  maxDeletes: number;
  commit?: string;
  /** Monthly cost per environment before the plan, when known (from what was last applied). */
  costsBefore?: Record<string, number>;
}

const OWNED_TAGS = [TAG.lab, TAG.environment, TAG.resource, TAG.specHash];

/**
 * DesiredState × ObservedState → Plan: one outcome per resource with a human
 * reason, in dependency order (storage, task definitions, services; retiring
 * in reverse). Storage is never deleted; a running task's volume is
 * snapshotted before the task is replaced or removed; too many deletions block
 * the plan. Pure: the same inputs always give the same plan and digest.
 */
export function plan(desired: DesiredState, observed: ObservedState, options: PlanOptions): Plan {
  const seen = new Map(observed.resources.map((r) => [r.key, r]));
  const byKind = new Map<string, Action[]>(RESOURCE_KINDS.map((k) => [k, []]));
  /** Keys of resources this plan creates or changes: whatever depends on them must follow. */
  const changed = new Set<string>();
  /** Snapshots of running volumes taken before their task is replaced: they go first, with storage. */
  const beforeReplace: Action[] = [];
  const sorted = [...desired.resources].sort(
    (a, b) =>
      RESOURCE_KINDS.indexOf(a.kind) - RESOURCE_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key),
  );
  for (const d of sorted) {
    const o = seen.get(d.key);
    const action = compare(d, o, changed);
    if (action.outcome === "create" || action.outcome === "update" || action.outcome === "replace")
      changed.add(d.key);
    if (d.kind === "service" && o && (o.runningCount ?? 0) > 0 && replacesTask(action)) {
      const td = desired.resources.find(
        (r) => r.key === (d.spec as { taskDefinition: string }).taskDefinition,
      );
      // Unique per replacement: what runs now (its task definition revision) and what replaces it.
      const running = seen.get((d.spec as { taskDefinition: string }).taskDefinition)?.id ?? "";
      const version = digestOf([d.specHash, td?.specHash ?? "", running, o.spec]).slice(7, 23);
      beforeReplace.push(
        snapshotFirst(
          version,
          o,
          "before-replace",
          `snapshot ${d.environment}'s /opt/jupyter before its task is replaced (installed packages survive only through a snapshot)`,
          seen,
        ),
      );
    }
    byKind.get(d.kind)!.push(action);
  }
  const retire: Action[] = [];
  const wanted = new Set(desired.resources.map((r) => r.key));
  const orphans = observed.resources
    .filter((o) => !wanted.has(o.key))
    .sort(
      (a, b) =>
        RESOURCE_KINDS.indexOf(b.kind) - RESOURCE_KINDS.indexOf(a.kind) ||
        a.key.localeCompare(b.key),
    );
  for (const o of orphans) {
    // Snapshots and backups are records: never changed, never deleted, not repeated in every plan.
    if (o.kind === "ebs-snapshot" || o.kind === "backup-job") continue;
    if (STORAGE_KINDS.has(o.kind)) {
      retire.push({
        outcome: "skipped",
        kind: o.kind,
        key: o.key,
        environment: o.environment,
        observed: o,
        changes: [],
        reason: `retained: research data is never deleted (${o.kind} ${o.id} is kept after ${o.environment} left git)`,
      });
      continue;
    }
    if (o.kind === "service" && (o.runningCount ?? 0) > 0) {
      retire.push(
        snapshotFirst(
          o.tags[TAG.specHash] ?? "gone",
          o,
          "before-delete",
          `snapshot ${o.environment}'s /opt/jupyter before its task goes away`,
          seen,
        ),
      );
    }
    retire.push({
      outcome: "delete",
      kind: o.kind,
      key: o.key,
      environment: o.environment,
      observed: o,
      changes: [],
      reason: `${o.environment} was removed from git; ${o.kind === "service" ? "the service stops (its EFS home and snapshots are kept)" : "the task definition is deregistered"}`,
    });
  }
  const requested = [...byKind.get("ebs-snapshot")!, ...byKind.get("backup-job")!];
  const stages: PlanStage[] = [
    stage("storage", [...byKind.get("access-point")!, ...beforeReplace]),
    stage("task-definitions", byKind.get("task-definition")!),
    stage("services", byKind.get("service")!),
    stage(
      "snapshots",
      requested.map((a) => waitForTask(a, desired)),
    ),
    stage("retire", retire),
  ];
  const actions = stages.flatMap((s) => s.actions);
  const summary = Object.fromEntries(
    OUTCOMES.map((o) => [o, actions.filter((a) => a.outcome === o).length]),
  ) as Record<Outcome, number>;
  const changing = actions
    .filter((a) => a.outcome !== "unchanged" && a.outcome !== "skipped")
    .map((a) => ({ outcome: a.outcome, key: a.key, hash: a.desired?.specHash ?? null }));
  const deletes = summary.delete;
  const envs = new Set([
    ...desired.environments.map((e) => e.key),
    ...Object.keys(options.costsBefore ?? {}),
  ]);
  const after = new Map(desired.environments.map((e) => [e.key, e.monthlyCostUsd]));
  return {
    version: 1,
    ...(options.commit ? { commit: options.commit } : {}),
    stages,
    summary,
    costs: [...envs].sort().map((e) => ({
      environment: e,
      beforeUsd: options.costsBefore?.[e] ?? 0,
      afterUsd: after.get(e) ?? 0,
    })),
    digest: digestOf(changing),
    ...(deletes > options.maxDeletes
      ? {
          blocked: `the plan deletes ${deletes} resources, more than the cap of ${options.maxDeletes} (plan.maxDeletes in labenv.yaml): refusing a mass delete`,
        }
      : {}),
  };
}

function compare(
  d: DesiredResource,
  o: ObservedResource | undefined,
  changed: Set<string>,
): Action {
  const base = { kind: d.kind, key: d.key, environment: d.environment, desired: d };
  if (!o) return { ...base, outcome: "create", changes: [], reason: createReason(d) };
  if (d.kind === "ebs-snapshot" || d.kind === "backup-job") {
    return { ...base, observed: o, outcome: "unchanged", changes: [], reason: `taken (${o.id})` };
  }
  const changes = describeChanges(o.spec, d.spec);
  const tagsDiffer = OWNED_TAGS.some((t) => t !== TAG.specHash && o.tags[t] !== d.tags[t]);
  const moved = d.dependsOn.filter((k) => changed.has(k));
  if (
    (d.kind === "service" || d.kind === "task-definition") &&
    changes.length === 0 &&
    moved.length > 0
  ) {
    const reason =
      d.kind === "service"
        ? `update service ${d.environment}: runs the new task definition revision`
        : `update task definition ${d.environment}: uses the new ${moved.map((k) => k.split(":")[0]).join(", ")} ${moved.map((k) => k.split(":")[1]).join(", ")}`;
    return {
      ...base,
      observed: o,
      outcome: "update",
      changes: moved.map((k) => ({ field: k, from: "current", to: "new" })),
      reason,
    };
  }
  if (changes.length === 0 && !tagsDiffer)
    return { ...base, observed: o, outcome: "unchanged", changes: [], reason: "matches git" };
  if (changes.length === 0)
    return {
      ...base,
      observed: o,
      outcome: "update",
      changes: [],
      reason: `update tags of ${d.kind} ${d.environment}`,
    };
  const what = formatChanges(changes);
  if (d.kind === "access-point") {
    return {
      ...base,
      observed: o,
      outcome: "replace",
      changes,
      reason: `replace access point ${d.key.split(":")[1]}: ${what} (access points are immutable; the old one and its directory are kept)`,
    };
  }
  const noun = d.kind === "service" ? "service" : "task definition";
  return {
    ...base,
    observed: o,
    outcome: "update",
    changes,
    reason: `update ${noun} ${d.environment}: ${what}`,
  };
}

function createReason(d: DesiredResource): string {
  switch (d.kind) {
    case "access-point":
      return `create access point ${d.key.split(":")[1]} (${(d.spec as { rootDirectory: { path: string } }).rootDirectory.path})`;
    case "task-definition":
      return `register task definition for ${d.environment}`;
    case "service":
      return `create service ${d.environment} (${(d.spec as { desiredCount: number }).desiredCount === 1 ? "running" : "stopped"})`;
    case "ebs-snapshot":
      return `snapshot ${d.environment}'s /opt/jupyter: ${(d.spec as { description: string }).description}`;
    case "backup-job":
      return `back up ${d.environment}'s home: ${(d.spec as { description: string }).description}`;
  }
}

function replacesTask(a: Action): boolean {
  return (
    a.outcome === "update" && a.changes.some((c) => c.field !== "desiredCount" || c.to === "0")
  );
}

/** A snapshot action taken before a task goes away; its key is stable, so a re-run never takes it twice. */
function snapshotFirst(
  version: string,
  o: ObservedResource,
  trigger: "before-replace" | "before-delete",
  reason: string,
  seen: Map<string, ObservedResource>,
): Action {
  const [lab, env] = o.environment.split("/");
  const tag = version.slice(0, 12);
  const key = `ebs-snapshot:${lab}/${env}/${trigger}-${tag}`;
  const spec = { service: o.key, description: reason, trigger };
  const specHash = digestOf(spec).slice(7, 23);
  const desired: DesiredResource<"ebs-snapshot"> = {
    kind: "ebs-snapshot",
    key,
    environment: o.environment,
    spec,
    specHash,
    dependsOn: [o.key],
    tags: {
      [TAG.lab]: lab!,
      [TAG.environment]: o.environment,
      [TAG.resource]: key,
      [TAG.specHash]: specHash,
      [TAG.managedBy]: "labenv",
    },
  };
  const taken = seen.get(key);
  if (taken)
    return {
      outcome: "unchanged",
      kind: "ebs-snapshot",
      key,
      environment: o.environment,
      desired,
      observed: taken,
      changes: [],
      reason: `taken (${taken.id})`,
    };
  return {
    outcome: "create",
    kind: "ebs-snapshot",
    key,
    environment: o.environment,
    desired,
    changes: [],
    reason,
  };
}

/** A requested volume snapshot needs a running task; a stopped environment's volume was captured when it stopped. */
function waitForTask(a: Action, desired: DesiredState): Action {
  if (a.kind !== "ebs-snapshot" || a.outcome !== "create") return a;
  const service = desired.resources.find(
    (r) => r.key === (a.desired!.spec as { service: string }).service,
  );
  if (service && (service.spec as { desiredCount: number }).desiredCount === 1) return a;
  return {
    ...a,
    outcome: "skipped",
    reason: `waiting: ${a.environment} is stopped, so there is no volume to snapshot; it is taken when the environment runs again`,
  };
}

function stage(name: StageName, actions: Action[]): PlanStage {
  return { name, actions };
}
