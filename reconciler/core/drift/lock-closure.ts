import type { PackageIndexData } from "../lock/package-index.js";
import { markerEnvironment } from "../lock/resolve.js";
import { evaluateMarker, parseRequirement } from "../pep440/index.js";

/**
 * Which locked packages something requires: the pack's pins, the
 * environment's requirements, and (walking the package index) everything
 * they need at their locked versions. Returns, per package, who needs it
 * first (`pack`, `environment.yaml` or `name==version`).
 */
export function requiredBy(input: {
  pins: readonly string[];
  requirements: readonly string[];
  versions: ReadonlyMap<string, string>;
  index: PackageIndexData;
  python: string;
}): Map<string, string> {
  const env = { ...markerEnvironment(input.python), extra: "" };
  const needed = new Map<string, string>();
  const pending: string[] = [];
  const need = (name: string, by: string) => {
    if (needed.has(name) || !input.versions.has(name)) return;
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
  return needed;
}

function applies(marker: Parameters<typeof evaluateMarker>[0] | undefined, env: Record<string, string>): boolean {
  if (!marker) return true;
  const m = evaluateMarker(marker, env);
  return !m.ok || m.value;
}
