import type { FieldChange } from "../model/plan.js";

/** Field-by-field differences between two specs, flattened (`volume.sizeGiB`), in readable form. */
export function describeChanges(before: unknown, after: unknown, prefix = ""): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => describeChanges(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  const a = render(before);
  const b = render(after);
  return a === b ? [] : [{ field: prefix || "value", from: a, to: b }];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function render(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string") return shorten(v);
  return shorten(JSON.stringify(v));
}

/** `repo@sha256:abcdef…` → `sha256:abcdef12…`: digests are shown short, as people read them. */
function shorten(s: string): string {
  const digest = /sha256:([a-f0-9]{64})/.exec(s);
  if (digest) return `sha256:${digest[1]!.slice(0, 12)}…`;
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

export function formatChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${label(c.field)} ${c.from} → ${c.to}`).join(", ");
}

const LABELS: Record<string, string> = {
  image: "image digest",
  desiredCount: "desired count",
  "volume.sizeGiB": "volume size (GiB)",
  "posixUser.uid": "owner uid",
  "rootDirectory.owner.uid": "directory owner uid",
};

function label(field: string): string {
  return LABELS[field] ?? field;
}
