import { digestOf } from "../lock/canonical.js";
import type { PlanContext } from "../kinds/kind.js";
import { kindModule, RESOURCE_KINDS } from "../kinds/registry.js";
import type { Action, Outcome, Plan, PlanStage } from "../model/plan.js";
import { OUTCOMES, STAGE_NAMES } from "../model/plan.js";
import {
  TAG,
  type DesiredResource,
  type DesiredState,
  type ObservedResource,
  type ObservedState,
} from "../model/resources.js";
import { describeChanges, formatChanges } from "./describe-changes.js";
import type { TieringPlan } from "../snapshots/tiering.js";

export interface PlanOptions {
  /** Deleting more environments than this blocks the plan (labenv.yaml `plan.maxDeletes`). */
  maxDeletes: number;
  /** Where the cap was read, for the blocked message (e.g. "as last applied"). */
  capFrom?: string;
  commit?: string;
  /** Monthly cost per environment before the plan, when known (from what was last applied). */
  costsBefore?: Record<string, number>;
  /**
   * Records (scheduled snapshots' volume snapshots and backups) a keep policy prunes, by key,
   * with the reason: each is a `delete` in the retire stage. No other record is ever deleted.
   */
  prune?: ReadonlyMap<string, string>;
  /**
   * Volume snapshots that change EBS storage tier (each an `update` of the record, with its
   * reason) and services that wait for a snapshot to come back from the archive tier (their
   * change is `skipped`, with the reason).
   */
  tiering?: TieringPlan;
}

const OWNED_TAGS = [TAG.lab, TAG.environment, TAG.resource, TAG.specHash];

/**
 * DesiredState × ObservedState → Plan: one outcome per resource with a human
 * reason, in dependency order (each kind in its stage; retiring in reverse).
 * What a kind means — its reasons, whether a change replaces it, whether it is
 * storage that is never deleted, what must happen before it changes — comes
 * from its module in `core/kinds/`; this is the algorithm alone. Too many
 * deletions block the plan. Pure: the same inputs always give the same plan
 * and digest.
 */
export function plan(desired: DesiredState, observed: ObservedState, options: PlanOptions): Plan {
  const seen = new Map(observed.resources.map((r) => [r.key, r]));
  const ctx: PlanContext = { desired, seen };
  const byKind = new Map<string, Action[]>(RESOURCE_KINDS.map((k) => [k, []]));
  /** Keys of resources this plan creates or changes: whatever depends on them must follow. */
  const changed = new Set<string>();
  /** What must happen before a change (a running volume's snapshot): it goes first, with storage. */
  const precautions: Action[] = [];
  const sorted = [...desired.resources].sort(
    (a, b) =>
      RESOURCE_KINDS.indexOf(a.kind) - RESOURCE_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key),
  );
  for (const d of sorted) {
    const o = seen.get(d.key);
    const action = compare(d, o, changed);
    const retiresOnly =
      action.changes.length > 0 && action.changes.every((c) => c.field === "duplicate");
    if (
      !retiresOnly &&
      (action.outcome === "create" || action.outcome === "update" || action.outcome === "replace")
    )
      changed.add(d.key);
    if (o) precautions.push(...kindModule(d.kind).precautionsBefore(action, o, ctx));
    byKind.get(d.kind)!.push(action);
  }
  if (options.tiering) applyTiering(byKind, seen, options.tiering);
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
    const kind = kindModule(o.kind);
    // Records (snapshots, backups) are never changed, not repeated in every plan, and deleted
    // only when a keep policy prunes them.
    if (kind.lifecycle === "record") {
      const pruned = options.prune?.get(o.key);
      if (pruned)
        retire.push({
          outcome: "delete",
          kind: o.kind,
          key: o.key,
          environment: o.environment,
          observed: o,
          changes: [],
          reason: pruned,
        });
      continue;
    }
    if (kind.lifecycle === "storage") {
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
    retire.push(...kind.precautionsBeforeDelete(o, ctx));
    retire.push({
      outcome: "delete",
      kind: o.kind,
      key: o.key,
      environment: o.environment,
      observed: o,
      changes: [],
      reason: kind.deleteReason(o, ctx),
    });
  }
  const stages: PlanStage[] = STAGE_NAMES.map((name, i) => {
    if (name === "retire") return { name, actions: retire };
    const actions = RESOURCE_KINDS.filter((k) => kindModule(k).stage === name).flatMap((k) =>
      byKind.get(k)!.map((a) => kindModule(k).settle(a, ctx)),
    );
    return { name, actions: i === 0 ? [...actions, ...precautions] : actions };
  });
  const actions = stages.flatMap((s) => s.actions);
  const summary = Object.fromEntries(
    OUTCOMES.map((o) => [o, actions.filter((a) => a.outcome === o).length]),
  ) as Record<Outcome, number>;
  const changing = actions
    .filter((a) => a.outcome !== "unchanged" && a.outcome !== "skipped")
    .map((a) => ({ outcome: a.outcome, key: a.key, hash: a.desired?.specHash ?? null }));
  // The cap counts environments (each deletes a service and a task definition), not resources;
  // pruned scheduled snapshots delete no environment.
  const deleted = [
    ...new Set(
      actions
        .filter((a) => a.outcome === "delete" && kindModule(a.kind).lifecycle !== "record")
        .map((a) => a.environment),
    ),
  ].sort();
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
    ...(deleted.length > options.maxDeletes
      ? {
          blocked: `the plan deletes ${deleted.length} environments (${deleted.join(", ")}), more than the cap of ${options.maxDeletes} (plan.maxDeletes in labenv.yaml${options.capFrom ? `, ${options.capFrom}` : ""}): refusing a mass delete`,
        }
      : {}),
  };
}

/**
 * Tier moves become `update`s of their volume snapshot (a record taken once: only its tier
 * changes), lifecycle changes `update`s of their backup job's recovery point, and a service waiting for a snapshot's return from the archive tier is `skipped`.
 */
function applyTiering(
  byKind: Map<string, Action[]>,
  seen: ReadonlyMap<string, ObservedResource>,
  tiering: TieringPlan,
): void {
  const snapshots = byKind.get("ebs-snapshot")!;
  for (const [key, move] of [...tiering.moves].sort(([a], [b]) => a.localeCompare(b))) {
    const o = seen.get(key);
    if (!o) continue;
    const at = snapshots.findIndex((a) => a.key === key);
    if (at >= 0 && snapshots[at]!.outcome !== "unchanged") continue;
    const action: Action = {
      ...(at >= 0 ? snapshots[at]! : { kind: o.kind, key, environment: o.environment }),
      observed: o,
      outcome: "update",
      changes: [{ field: "storageTier", from: o.storageTier ?? "standard", to: move.to }],
      reason: move.reason,
    };
    if (at >= 0) snapshots[at] = action;
    else snapshots.push(action);
  }
  const backups = byKind.get("backup-job")!;
  for (const [key, change] of [...tiering.lifecycles].sort(([a], [b]) => a.localeCompare(b))) {
    const o = seen.get(key);
    if (!o) continue;
    const at = backups.findIndex((a) => a.key === key);
    if (at >= 0 && backups[at]!.outcome !== "unchanged") continue;
    const action: Action = {
      ...(at >= 0 ? backups[at]! : { kind: o.kind, key, environment: o.environment }),
      observed: o,
      outcome: "update",
      changes: [
        {
          field: "coldStorageAfterDays",
          from: change.from === undefined ? "none" : String(change.from),
          to: change.to === undefined ? "none" : String(change.to),
        },
      ],
      reason: change.reason,
    };
    if (at >= 0) backups[at] = action;
    else backups.push(action);
  }
  const services = byKind.get("service")!;
  for (let i = 0; i < services.length; i++) {
    const a = services[i]!;
    const why = tiering.waiting.get(a.key);
    if (why && (a.outcome === "create" || a.outcome === "update" || a.outcome === "replace"))
      services[i] = { ...a, outcome: "skipped", changes: [], reason: why };
  }
}

function compare(
  d: DesiredResource,
  o: ObservedResource | undefined,
  changed: Set<string>,
): Action {
  const kind = kindModule(d.kind);
  const base = { kind: d.kind, key: d.key, environment: d.environment, desired: d };
  if (!o) return { ...base, outcome: "create", changes: [], reason: kind.createReason(d) };
  if (kind.lifecycle === "record") {
    return { ...base, observed: o, outcome: "unchanged", changes: [], reason: `taken (${o.id})` };
  }
  const changes = describeChanges(o.spec, d.spec);
  const tagsDiffer = OWNED_TAGS.some((t) => t !== TAG.specHash && o.tags[t] !== d.tags[t]);
  const moved = d.dependsOn.filter((k) => changed.has(k));
  const follow = changes.length === 0 && moved.length > 0 ? kind.followReason(d, moved) : undefined;
  if (follow !== undefined) {
    return {
      ...base,
      observed: o,
      outcome: "update",
      changes: moved.map((k) => ({ field: k, from: "current", to: "new" })),
      reason: follow,
    };
  }
  const extra = kind.lifecycle === "storage" ? (o.duplicates ?? []) : [];
  if (changes.length === 0 && extra.length > 0)
    // A replacement cut short left more than one live resource for this key: retire the others (their data stays).
    return {
      ...base,
      observed: o,
      outcome: "update",
      changes: extra.map((id) => ({ field: "duplicate", from: id, to: "retired" })),
      reason: `retire ${extra.length === 1 ? "an extra" : `${extra.length} extra`} ${d.kind} for ${d.key} (${extra.join(", ")}), left live by a replacement cut short; its data is kept`,
    };
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
  return {
    ...base,
    observed: o,
    outcome: kind.onChange,
    changes,
    reason: kind.changeReason(d, formatChanges(changes)),
  };
}
