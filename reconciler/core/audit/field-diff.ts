/**
 * A generic field-by-field comparison of two YAML documents, in plain words:
 * `schedule hoursPerWeek 50 → 40`, `labels team set to imaging`,
 * `mounts liver-timecourse removed`. Specific describers handle the fields
 * auditors care most about and leave the rest to this.
 */
export type FieldPath = string[];

export interface FieldDiffOptions {
  /** Leaf paths (joined by ".") to leave out, and every path below them. */
  ignore?: readonly string[];
}

export function fieldChanges(
  before: unknown,
  after: unknown,
  options: FieldDiffOptions = {},
): string[] {
  const words: string[] = [];
  walk(before, after, [], words, options.ignore ?? []);
  return words;
}

function walk(
  a: unknown,
  b: unknown,
  path: FieldPath,
  out: string[],
  ignore: readonly string[],
): void {
  if (a === b) return;
  if (ignore.length > 0 && path.length > 0 && ignore.includes(path.join("."))) return;
  // Mappings are walked key by key, so an ignored subtree is never compared.
  if (isRecord(a) && isRecord(b)) {
    for (const key of unionKeys(a, b)) walk(a[key], b[key], [...path, key], out, ignore);
    return;
  }
  if (sameValue(a, b)) return;
  const keyedA = keyedItems(a);
  const keyedB = keyedItems(b);
  if (keyedA && keyedB && keyedA.field === keyedB.field) {
    for (const key of unionKeys(keyedA.items, keyedB.items)) {
      const x = keyedA.items[key];
      const y = keyedB.items[key];
      if (x === undefined) out.push(`${label(path)} ${key} added`);
      else if (y === undefined) out.push(`${label(path)} ${key} removed`);
      else walk(x, y, [...path, key], out, ignore);
    }
    return;
  }
  if (a === undefined) out.push(`${label(path)} set to ${formatValue(b)}`);
  else if (b === undefined) out.push(`${label(path)} removed (was ${formatValue(a)})`);
  else out.push(`${label(path)} ${formatValue(a)} → ${formatValue(b)}`);
}

/** `spec.resources.cpu` reads as `resources cpu`; `metadata.experiment` as `experiment`. */
export function label(path: FieldPath): string {
  const shown = path[0] === "spec" || path[0] === "metadata" ? path.slice(1) : path;
  return shown.length === 0 ? path.join(" ") || "document" : shown.join(" ");
}

const KEY_FIELDS = ["name", "id", "key", "dataset"];

/** A list of mappings that all carry a unique `name` (or id, key, dataset), as a map by that field. */
function keyedItems(v: unknown): { field: string; items: Record<string, unknown> } | undefined {
  if (!Array.isArray(v) || v.length === 0 || !v.every(isRecord)) return undefined;
  for (const field of KEY_FIELDS) {
    const keys = v.map((item) => item[field]);
    if (keys.every((k) => typeof k === "string") && new Set(keys).size === keys.length) {
      const items: Record<string, unknown> = {};
      v.forEach((item, i) =>
        Object.defineProperty(items, keys[i] as string, { value: item, enumerable: true }),
      );
      return { field, items };
    }
  }
  return undefined;
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "none";
  if (typeof v === "string") return truncate(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object"))
    return truncate(`[${v.map((x) => formatValue(x)).join(", ")}]`);
  return truncate(JSON.stringify(v));
}

function truncate(s: string, max = 80): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!Object.prototype.hasOwnProperty.call(a, k)) keys.push(k);
  return keys;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Reads `obj.a.b` safely from parsed YAML. */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export function stringField(obj: unknown, ...path: string[]): string | undefined {
  const v = field(obj, ...path);
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}
