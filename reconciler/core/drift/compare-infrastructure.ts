import { describeChanges } from "../plan/describe-changes.js";
import { KINDS } from "../kinds/registry.js";
import type { DesiredResource, ObservedResource, ResourceKind } from "../model/resources.js";
import type { DriftDifference } from "./drift-report.js";

/** What infrastructure drift is judged on, for one environment. */
export interface EnvironmentInfrastructure {
  /** What git wants (the environment's resources from `desire`). */
  desired: readonly DesiredResource[];
  /** What the provider sees now, normalized by the provider (what AWS fills in by itself is already stripped). */
  observed: readonly ObservedResource[];
  /** What was last applied; without it nothing was applied yet, so nothing can have drifted. */
  applied?: { resources: readonly { key: string; kind: string; id: string; specHash: string }[] };
}

/** Records (snapshots, backups, image builds) are never changed, only taken: only their loss is drift. */
const isRecord = (kind: string) =>
  kind in KINDS && KINDS[kind as ResourceKind].lifecycle === "record";

/**
 * Observed resources against what was last applied: a resource that is gone,
 * one replaced behind labenv's back (a new task definition revision, a new
 * access point id), a spec that differs from git while git is still what was
 * applied (desired count, image digest…), labenv's own tags changed, and
 * every duplicate the provider found for a key.
 */
export function compareInfrastructure(infra: EnvironmentInfrastructure): DriftDifference[] {
  if (!infra.applied) return [];
  const observed = new Map(infra.observed.map((o) => [o.key, o]));
  const desired = new Map(infra.desired.map((d) => [d.key, d]));
  const out: DriftDifference[] = [];
  for (const r of [...infra.applied.resources].sort((a, b) => a.key.localeCompare(b.key))) {
    const base = { item: "infrastructure" as const, name: r.key };
    const o = observed.get(r.key);
    if (!o) {
      out.push({ ...base, change: "removed", locked: r.id });
      continue;
    }
    // Extra live resources for one key (a retried create, a replacement cut short) are never hidden.
    for (const id of o.duplicates ?? [])
      out.push({ ...base, change: "added", observed: `duplicate ${r.kind} ${id} (kept ${o.id})` });
    if (isRecord(r.kind)) continue;
    if (o.id !== r.id)
      out.push({ ...base, change: "changed", locked: `id ${r.id}`, observed: `id ${o.id}` });
    const d = desired.get(r.key);
    if (!d || d.specHash !== r.specHash) continue;
    const changes = sameValue(o.spec, d.spec) ? [] : describeChanges(o.spec, d.spec);
    if (changes.length > 0) {
      out.push({
        ...base,
        change: "changed",
        locked: changes.map((c) => `${c.field}=${c.to}`).join(", "),
        observed: changes.map((c) => `${c.field}=${c.from}`).join(", "),
      });
    }
    const tagKeys = [...new Set([...Object.keys(d.tags), ...Object.keys(o.tags)])]
      .filter((k) => k.startsWith("labenv:"))
      .sort();
    const differing = tagKeys.filter((k) => d.tags[k] !== o.tags[k]);
    if (differing.length > 0) {
      out.push({
        ...base,
        change: "changed",
        locked: differing.map((k) => `tag ${k}=${d.tags[k] ?? "(none)"}`).join(", "),
        observed: differing.map((k) => `tag ${k}=${o.tags[k] ?? "(none)"}`).join(", "),
      });
    }
  }
  return out;
}

/** Deep equality of plain data, without building strings (most resources are unchanged). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
