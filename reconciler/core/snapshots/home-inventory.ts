import type { StoredFileSum } from "../../ports/snapshot-sources.js";

/**
 * What the agent's `--home-inventory` mode reports (reconciler/agent/observe.py): every regular
 * file under the home with its size, mtime and sha256, at the moment the one-off task read it.
 */
export interface HomeInventory {
  takenAt: string;
  task?: string;
  files: StoredFileSum[];
  /** Files that changed while the agent read them (twice): their sums are not of one state. */
  unsettled: string[];
  /** Symlinks and special files under the home (never followed; a restore brings them back as they were). */
  skipped: { path: string; why: string }[];
}

/** At most this many bytes of inventory are read (200,000 files of long paths fit). */
export const INVENTORY_MAX_BYTES = 128 * 1024 * 1024;

/**
 * Where the one-off task writes a snapshot's inventory: under the lab's observation prefix, the
 * only place its task role may write. The reconciler copies it by content before the manifest
 * names it, so what the role may overwrite later is never what a manifest points at.
 */
export function inventoryKey(id: string): string {
  const [lab, env, name] = id.split("/");
  return `observations/${lab}/${env}/home-inventory/${name}.json`;
}

const SHA = /^[0-9a-f]{64}$/;

/**
 * Reads an inventory back and checks it is the one asked for: a HomeInventory of this lab,
 * environment and snapshot, written by `task` when given. A problem is returned as a sentence.
 */
export function parseHomeInventory(
  bytes: Uint8Array | string,
  expect: { lab: string; environment: string; snapshot: string; task?: string },
): { inventory: HomeInventory } | { problem: string } {
  const text = typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8");
  if (Buffer.byteLength(text) > INVENTORY_MAX_BYTES)
    return { problem: `it is larger than ${INVENTORY_MAX_BYTES} bytes` };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not JSON (${(e as Error).message})` };
  }
  const d = doc as {
    kind?: unknown;
    metadata?: Record<string, unknown>;
    spec?: { files?: unknown; unsettled?: unknown; skipped?: unknown };
  } | null;
  if (!d || typeof d !== "object" || d.kind !== "HomeInventory")
    return { problem: "it is not a HomeInventory" };
  const m = d.metadata ?? {};
  for (const [field, want] of [
    ["lab", expect.lab],
    ["environment", expect.environment],
    ["snapshot", expect.snapshot],
  ] as const)
    if (m[field] !== want)
      return { problem: `its metadata.${field} is ${JSON.stringify(m[field])}, not ${want}` };
  if (expect.task !== undefined && m.task !== expect.task)
    return {
      problem: `it was written by ${JSON.stringify(m.task ?? null)}, not by the inventory task ${expect.task}`,
    };
  if (typeof m.at !== "string") return { problem: "its metadata.at is missing" };
  const files = d.spec?.files;
  if (!Array.isArray(files)) return { problem: "its spec.files is not a list" };
  const out: StoredFileSum[] = [];
  for (const [i, f] of files.entries()) {
    const x = f as Partial<StoredFileSum> | null;
    if (
      !x ||
      typeof x.path !== "string" ||
      typeof x.size !== "number" ||
      x.size < 0 ||
      typeof x.sha256 !== "string" ||
      !SHA.test(x.sha256)
    )
      return { problem: `its spec.files[${i}] needs a path, a size and a sha256` };
    out.push({
      path: x.path,
      size: x.size,
      sha256: x.sha256,
      ...(typeof x.modifiedAt === "string" ? { modifiedAt: x.modifiedAt } : {}),
    });
  }
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  const skipped = Array.isArray(d.spec?.skipped)
    ? (d.spec.skipped as { path?: unknown; why?: unknown }[])
        .filter((s) => typeof s?.path === "string")
        .map((s) => ({ path: String(s.path), why: String(s.why ?? "") }))
    : [];
  return {
    inventory: {
      takenAt: m.at,
      ...(typeof m.task === "string" ? { task: m.task } : {}),
      files: out,
      unsettled: strings(d.spec?.unsettled),
      skipped,
    },
  };
}

/**
 * The files whose content may differ between the recovery point and the inventory: modified
 * at or after the backup job began (the inventory is read after the backup completes, so an
 * older file is the same in both), and those that changed while the agent read them. Pure.
 */
export function changedSinceBackup(inventory: HomeInventory, backupStartedAt: Date): string[] {
  const since = backupStartedAt.getTime();
  const changed = new Set(inventory.unsettled);
  for (const f of inventory.files)
    if (f.modifiedAt === undefined || Date.parse(f.modifiedAt) >= since) changed.add(f.path);
  return [...changed].sort();
}

/**
 * What is said of a snapshot whose home held no files, where "0/0 files identical" would read as
 * a pass of nothing: `so` is what follows from it (a share's copy is empty, a drill compared none).
 */
export function emptyHomeSentence(so: string): string {
  return `the snapshot's home held no files, so ${so}`;
}
