import type { FieldChange } from "../model/plan.js";

/** Field-by-field differences between two specs, flattened (`volume.sizeGiB`), in readable form. */
export function describeChanges(before: unknown, after: unknown, prefix = ""): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => describeChanges(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  // Compared in full: the rendered forms are shortened for reading, and two long values that
  // share their first 77 characters (two mount lists) would otherwise look alike.
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const mounts = mountChanges(before, after);
  if (mounts) return [{ field: prefix || "value", ...mounts }];
  return [{ field: prefix || "value", from: render(before), to: render(after) }];
}

type Mount = { path: string; accessPoint?: string };

function isMountList(v: unknown): v is Mount[] {
  return Array.isArray(v) && v.every((m) => isPlainObject(m) && typeof m.path === "string");
}

/**
 * Two mount lists (`{ path, accessPoint, … }`) as what is mounted where: the paths added, removed
 * or changed, so a dropped share reads `/shared/genomics-core/rnaseq (share-access:…) → (none)`.
 */
function mountChanges(before: unknown, after: unknown): { from: string; to: string } | undefined {
  if (!isMountList(before) || !isMountList(after)) return undefined;
  const show = (m: Mount | undefined) =>
    m === undefined ? "(none)" : `${m.path}${m.accessPoint ? ` (${m.accessPoint})` : ""}`;
  const paths = [...new Set([...before, ...after].map((m) => m.path))].sort();
  const changed = paths.filter(
    (p) =>
      JSON.stringify(before.find((m) => m.path === p)) !==
      JSON.stringify(after.find((m) => m.path === p)),
  );
  const side = (list: Mount[]) =>
    changed.map((p) => show(list.find((m) => m.path === p))).join(", ");
  return { from: side(before), to: side(after) };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function render(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string") return shorten(v);
  return shorten(JSON.stringify(v));
}

/**
 * Digests are shown short, as people read them, and an image keeps its
 * repository (`ghcr.io/lab/notebook@sha256:abcdef123456…`): a digest alone
 * would hide that an image now comes from somewhere else.
 */
function shorten(s: string): string {
  const digest = /^(.*?)sha256:([a-f0-9]{64})/.exec(s);
  if (digest)
    return `${digest[1]!.endsWith("@") ? digest[1] : ""}sha256:${digest[2]!.slice(0, 12)}…`;
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

export function formatChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${label(c.field)} ${c.from} → ${c.to}`).join(", ");
}

const LABELS: Record<string, string> = {
  image: "image",
  desiredCount: "desired count",
  "volume.sizeGiB": "volume size (GiB)",
  "posixUser.uid": "owner uid",
  "rootDirectory.owner.uid": "directory owner uid",
};

function label(field: string): string {
  return LABELS[field] ?? field;
}
