import type { PackageChange } from "./document-change.js";
import { field, fieldChanges, isRecord, stringField } from "./field-diff.js";

export interface LockDescription {
  words: string[];
  packages: PackageChange[];
}

/**
 * Plain words for a change to `environment.lock.yaml`: locked package
 * versions (`numpy 1.26.4 → 2.0.1`), the domain pack, the image, Python,
 * kernels and extensions. A new or removed lock is one line (`labenv at`
 * shows every pin); package changes are listed between two locks. Reads the lock defensively: a field in an
 * unexpected shape is compared generically rather than trusted.
 */
export function lockWords(before: unknown, after: unknown): LockDescription {
  if (after === undefined) return { words: before === undefined ? [] : ["lock removed"], packages: [] };
  if (before === undefined) {
    const pack = packLabel(after);
    const count = lockedPackages(after).size;
    return { words: [`lock created (${[pack && `domain pack ${pack}`, `${count} packages`].filter(Boolean).join(", ")})`], packages: [] };
  }
  const packages = packageChanges(lockedPackages(before), lockedPackages(after));
  const words: string[] = [];
  const packA = packLabel(before);
  const packB = packLabel(after);
  if (packA !== packB) words.push(packChange(packA, packB));
  const python = [stringField(before, "spec", "python"), stringField(after, "spec", "python")];
  if (python[0] !== python[1]) words.push(`python ${python[0] ?? "none"} → ${python[1] ?? "none"}`);
  const image = [stringField(before, "spec", "image"), stringField(after, "spec", "image")];
  if (image[0] !== image[1]) words.push(`image ${shortImage(image[0])} → ${shortImage(image[1])}`);
  for (const p of packages) words.push(packageWords(p));
  const shaped = wellFormedPackages(before) && wellFormedPackages(after);
  words.push(...namedVersions("kernel", field(before, "spec", "kernels"), field(after, "spec", "kernels")));
  words.push(...namedVersions("extension", field(before, "spec", "extensions"), field(after, "spec", "extensions")));
  words.push(
    ...fieldChanges(before, after, {
      ignore: ["apiVersion", "kind", "metadata", "spec.domainPack", "spec.python", "spec.image", ...(shaped ? ["spec.packages"] : []), "spec.kernels", "spec.extensions", "spec.inputDigest"],
    }),
  );
  if (words.length === 0) words.push("lock regenerated (nothing locked changed)");
  return { words, packages };
}

export function packageWords(p: PackageChange): string {
  if (p.from === undefined) return `${p.name} ${p.to} added`;
  if (p.to === undefined) return `${p.name} ${p.from} removed`;
  return `${p.name} ${p.from} → ${p.to}`;
}

/** `domain pack genomics 1.1.0 → 1.2.0`, or with both names when the pack itself changed. */
function packChange(a: string | undefined, b: string | undefined): string {
  const [nameA, versionA] = (a ?? "none").split(" ");
  const [nameB, versionB] = (b ?? "none").split(" ");
  return a && b && nameA === nameB ? `domain pack ${nameA} ${versionA} → ${versionB}` : `domain pack ${a ?? "none"} → ${b ?? "none"}`;
}

function packLabel(lock: unknown): string | undefined {
  const name = stringField(lock, "spec", "domainPack", "name");
  const version = stringField(lock, "spec", "domainPack", "version");
  return name === undefined ? undefined : `${name} ${version ?? "?"}`;
}

/** Whether the package list has the expected shape; if not, it is compared field by field instead. */
function wellFormedPackages(lock: unknown): boolean {
  const list = field(lock, "spec", "packages");
  return list === undefined || (Array.isArray(list) && list.every((p) => stringField(p, "name") !== undefined));
}

/** name → version of every locked package the lock lists in the expected shape. */
export function lockedPackages(lock: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const list = field(lock, "spec", "packages");
  if (!Array.isArray(list)) return out;
  for (const p of list) {
    const name = stringField(p, "name");
    const version = stringField(p, "version");
    if (name !== undefined) out.set(name, version ?? "?");
  }
  return out;
}

function packageChanges(a: Map<string, string>, b: Map<string, string>): PackageChange[] {
  const out: PackageChange[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const from = a.get(name);
    const to = b.get(name);
    if (from === to) continue;
    out.push({ name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return out;
}

function namedVersions(what: string, before: unknown, after: unknown): string[] {
  const map = (v: unknown) => new Map((Array.isArray(v) ? v.filter(isRecord) : []).map((x) => [String(x.name), x.version === undefined ? "" : String(x.version)]));
  const a = map(before);
  const b = map(after);
  const words: string[] = [];
  for (const [name, version] of b) {
    const old = a.get(name);
    if (old === undefined) words.push(`${what} ${name}${version ? ` ${version}` : ""} added`);
    else if (old !== version) words.push(`${what} ${name} ${old || "?"} → ${version || "?"}`);
  }
  for (const [name, version] of a) if (!b.has(name)) words.push(`${what} ${name}${version ? ` ${version}` : ""} removed`);
  return words;
}

/** `registry/repo@sha256:61ee0cb2d675…` → `sha256:61ee0cb2d675`. */
function shortImage(image: string | undefined): string {
  if (image === undefined) return "none";
  const digest = /@sha256:([0-9a-f]{12})/.exec(image);
  return digest ? `sha256:${digest[1]}` : image;
}
