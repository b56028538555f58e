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
export function lockWords(
  before: unknown,
  after: unknown,
  packages: {
    before?: Map<string, string> | undefined;
    after?: Map<string, string> | undefined;
  } = {},
): LockDescription {
  if (after === undefined)
    return { words: before === undefined ? [] : ["lock removed"], packages: [] };
  if (before === undefined) {
    const pack = packLabel(after);
    const count = ("after" in packages ? packages.after : lockedPackages(after))?.size ?? 0;
    return {
      words: [
        `lock created (${[pack && `domain pack ${pack}`, `${count} packages`].filter(Boolean).join(", ")})`,
      ],
      packages: [],
    };
  }
  const mapBefore = "before" in packages ? packages.before : lockedPackages(before);
  const mapAfter = "after" in packages ? packages.after : lockedPackages(after);
  const shaped = mapBefore !== undefined && mapAfter !== undefined;
  const changed = shaped ? packageChanges(mapBefore, mapAfter) : [];
  const words: string[] = [];
  const packA = packLabel(before);
  const packB = packLabel(after);
  if (packA !== packB) words.push(packChange(packA, packB));
  const python = [stringField(before, "spec", "python"), stringField(after, "spec", "python")];
  if (python[0] !== python[1]) words.push(`python ${python[0] ?? "none"} → ${python[1] ?? "none"}`);
  const image = [stringField(before, "spec", "image"), stringField(after, "spec", "image")];
  if (image[0] !== image[1]) words.push(`image ${shortImage(image[0])} → ${shortImage(image[1])}`);
  for (const p of changed) words.push(packageWords(p));
  words.push(
    ...namedVersions("kernel", field(before, "spec", "kernels"), field(after, "spec", "kernels")),
  );
  words.push(
    ...namedVersions(
      "extension",
      field(before, "spec", "extensions"),
      field(after, "spec", "extensions"),
    ),
  );
  words.push(
    ...fieldChanges(before, after, {
      ignore: [
        "apiVersion",
        "kind",
        "metadata",
        "spec.domainPack",
        "spec.python",
        "spec.image",
        ...(shaped ? ["spec.packages"] : []),
        "spec.kernels",
        "spec.extensions",
        "spec.inputDigest",
      ],
    }),
  );
  if (words.length === 0) words.push("lock regenerated (nothing locked changed)");
  return { words, packages: changed };
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
  return a && b && nameA === nameB
    ? `domain pack ${nameA} ${versionA} → ${versionB}`
    : `domain pack ${a ?? "none"} → ${b ?? "none"}`;
}

function packLabel(lock: unknown): string | undefined {
  const name = stringField(lock, "spec", "domainPack", "name");
  const version = stringField(lock, "spec", "domainPack", "version");
  return name === undefined ? undefined : `${name} ${version ?? "?"}`;
}

/**
 * name → version of every locked package, or undefined when the list does not
 * have the expected shape (then it is compared field by field instead).
 */
export function lockedPackages(lock: unknown): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const list = field(lock, "spec", "packages");
  if (list === undefined) return out;
  if (!Array.isArray(list)) return undefined;
  for (const p of list) {
    if (!isRecord(p)) return undefined;
    const name = p.name;
    const version = p.version;
    if (typeof name !== "string") return undefined;
    out.set(
      name,
      typeof version === "string" ? version : typeof version === "number" ? String(version) : "?",
    );
  }
  return out;
}

function packageChanges(a: Map<string, string>, b: Map<string, string>): PackageChange[] {
  const out: PackageChange[] = [];
  for (const [name, from] of a) {
    const to = b.get(name);
    if (to === undefined) out.push({ name, from });
    else if (to !== from) out.push({ name, from, to });
  }
  for (const [name, to] of b) if (!a.has(name)) out.push({ name, to });
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

function namedVersions(what: string, before: unknown, after: unknown): string[] {
  const map = (v: unknown) =>
    new Map(
      (Array.isArray(v) ? v.filter(isRecord) : []).map((x) => [
        String(x.name),
        x.version === undefined ? "" : String(x.version),
      ]),
    );
  const a = map(before);
  const b = map(after);
  const words: string[] = [];
  for (const [name, version] of b) {
    const old = a.get(name);
    if (old === undefined) words.push(`${what} ${name}${version ? ` ${version}` : ""} added`);
    else if (old !== version) words.push(`${what} ${name} ${old || "?"} → ${version || "?"}`);
  }
  for (const [name, version] of a)
    if (!b.has(name)) words.push(`${what} ${name}${version ? ` ${version}` : ""} removed`);
  return words;
}

/**
 * `ghcr.io/lab/notebook@sha256:61ee0cb2d675…`: the repository and the digest, short, as plans
 * show it (core/plan/describe-changes.ts). A digest alone would hide that the image now comes
 * from somewhere else.
 */
function shortImage(image: string | undefined): string {
  if (image === undefined) return "none";
  const digest = /^(.*)@sha256:([0-9a-f]{12})[0-9a-f]*$/.exec(image);
  return digest ? `${digest[1]}@sha256:${digest[2]}…` : image;
}
