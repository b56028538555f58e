import type { PackageIndexData } from "../lock/package-index.js";
import { markerEnvironment } from "../lock/resolve.js";
import { evaluateMarker, parseRequirement } from "../pep440/index.js";

export interface ClosureInput {
  pins: readonly string[];
  requirements: readonly string[];
  /** Locked packages: name → version. */
  versions: ReadonlyMap<string, string>;
  index: PackageIndexData;
  python: string;
}

export interface Closure {
  /** Locked packages something requires → who first (`pack`, `environment.yaml` or `name==version`). */
  needed: Map<string, string>;
  /** Required but not locked → who requires it. */
  missing: Map<string, string>;
}

/**
 * Which locked packages something requires: the pack's pins, the
 * environment's requirements, and (walking the package index at the locked
 * versions) everything they need; and what they need that is not locked.
 */
export function closureOf(input: ClosureInput): Closure {
  const env = { ...markerEnvironment(input.python), extra: "" };
  const needed = new Map<string, string>();
  const missing = new Map<string, string>();
  const pending: string[] = [];
  const need = (name: string, by: string) => {
    if (needed.has(name)) return;
    if (!input.versions.has(name)) {
      if (!missing.has(name)) missing.set(name, by);
      return;
    }
    needed.set(name, by);
    pending.push(name);
  };
  for (const pin of input.pins) need(pin, "pack");
  for (const text of input.requirements) {
    const r = parseRequirement(text);
    if (r.ok && applies(r.value.marker, env)) need(r.value.normalizedName, "environment.yaml");
  }
  while (pending.length > 0) {
    const name = pending.pop()!;
    const version = input.versions.get(name);
    const entry = input.index.get(name)?.find((v) => v.version === version);
    for (const dep of entry?.requires ?? []) {
      const r = parseRequirement(dep);
      if (r.ok && applies(r.value.marker, env)) need(r.value.normalizedName, `${name}==${version}`);
    }
  }
  return { needed, missing };
}

/** Of packages nothing requires, those no other of them requires either: the ones to name in environment.yaml. */
export function orphanRoots(
  orphans: readonly string[],
  input: Omit<ClosureInput, "pins" | "requirements">,
): string[] {
  const below = new Set<string>();
  for (const o of orphans) {
    for (const name of closureOf({ ...input, pins: [o], requirements: [] }).needed.keys())
      if (name !== o) below.add(name);
  }
  const roots = orphans.filter((o) => !below.has(o));
  return roots.length > 0 ? roots : orphans.slice(0, 1);
}

function applies(
  marker: Parameters<typeof evaluateMarker>[0] | undefined,
  env: Record<string, string>,
): boolean {
  if (!marker) return true;
  const m = evaluateMarker(marker, env);
  return !m.ok || m.value;
}
