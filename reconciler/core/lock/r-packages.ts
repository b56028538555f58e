import type { DomainPack, Environment, EnvironmentLock } from "../model/documents.js";
import { splitPin } from "./pin.js";
import { trimSourceUrl } from "./source-url.js";

/** One package of a CRAN-style repository's `src/contrib/PACKAGES` index. */
export interface RIndexEntry {
  version: string;
  md5?: string;
  /** Depends, Imports and LinkingTo, by name (R itself left out). */
  needs: string[];
}

/** A snapshot repository's index: name → its one version (a date-pinned snapshot holds one). */
export type RPackageIndex = ReadonlyMap<string, RIndexEntry>;

export type LockedRPackages = NonNullable<EnvironmentLock["spec"]["r"]>;

/** At most this many bytes of PACKAGES are read (CRAN's whole index is about 4 MiB uncompressed). */
export const MAX_R_INDEX_BYTES = 16 * 1024 * 1024;

/**
 * R's own packages: shipped with every R (base) or with every binary build (recommended), so no
 * repository install and no lock lists them.
 */
export const R_BUILT_IN = new Set([
  "R",
  "base",
  "compiler",
  "datasets",
  "grDevices",
  "graphics",
  "grid",
  "methods",
  "parallel",
  "splines",
  "stats",
  "stats4",
  "tcltk",
  "tools",
  "utils",
  "KernSmooth",
  "MASS",
  "Matrix",
  "boot",
  "class",
  "cluster",
  "codetools",
  "foreign",
  "lattice",
  "mgcv",
  "nlme",
  "nnet",
  "rpart",
  "spatial",
  "survival",
]);

/**
 * Parses a PACKAGES file (Debian control format: stanzas separated by blank lines, a field's
 * continuation lines indented). A package listed twice keeps its first stanza. Pure.
 */
export function parseRPackageIndex(text: string): Map<string, RIndexEntry> {
  const out = new Map<string, RIndexEntry>();
  for (const stanza of text.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last: string | undefined;
    for (const line of stanza.split("\n")) {
      if (/^\s/.test(line) && last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
      else {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        last = line.slice(0, colon).trim();
        fields.set(last, line.slice(colon + 1).trim());
      }
    }
    const name = fields.get("Package");
    const version = fields.get("Version");
    if (!name || !version || out.has(name)) continue;
    const needs = ["Depends", "Imports", "LinkingTo"]
      .flatMap((f) => (fields.get(f) ?? "").split(","))
      .map((d) => d.trim().split(/[\s(]/)[0]!)
      .filter((d) => d && d !== "R");
    const md5 = fields.get("MD5sum");
    out.set(name, {
      version,
      ...(md5 && /^[a-f0-9]{32}$/.test(md5) ? { md5 } : {}),
      needs: [...new Set(needs)],
    });
  }
  return out;
}

/**
 * The R packages an environment locks: the pack's (`provides.r`, without R itself), each pin of
 * `spec.r.packages` at exactly its version in the snapshot, and their dependencies' closure
 * (Depends, Imports, LinkingTo) at the snapshot's versions, skipping R's built-in packages and
 * what the pack provides. A pin the snapshot holds at another version, or a dependency it does
 * not hold, is an error naming both. Pure and deterministic (sorted by name).
 */
export function resolveRPackages(
  env: Environment,
  pack: DomainPack,
  index: RPackageIndex,
): { ok: true; r: LockedRPackages } | { ok: false; errors: string[] } {
  const wanted = env.spec.r!;
  const provided = new Map(
    Object.entries(pack.spec.provides?.r ?? {}).filter(([name]) => name !== "R"),
  );
  const errors: string[] = [];
  const locked = new Map<string, LockedRPackages["packages"][number]>();
  for (const [name, version] of provided)
    locked.set(name, { name, version: String(version), source: "pack" });
  const queue: string[] = [];
  for (const pin of wanted.packages) {
    const { name, version } = splitPin(pin);
    const entry = index.get(name);
    if (provided.has(name)) {
      if (provided.get(name) !== version)
        errors.push(
          `R package ${name}==${version} conflicts with the pack, whose image has ${name} ${provided.get(name)} (provides.r)`,
        );
      continue;
    }
    if (!entry) {
      errors.push(`R package ${name} is not in the snapshot repository ${wanted.repository}`);
      continue;
    }
    if (entry.version !== version) {
      errors.push(
        `R package ${name}==${version} is not in the snapshot repository ${wanted.repository}, which holds ${name} ${entry.version}: pin ${name}==${entry.version}, or choose a snapshot date that holds ${version}`,
      );
      continue;
    }
    locked.set(name, {
      name,
      version,
      source: "environment",
      ...(entry.md5 ? { md5: entry.md5 } : {}),
    });
    queue.push(name);
  }
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const need of index.get(from)?.needs ?? []) {
      if (R_BUILT_IN.has(need) || locked.has(need)) continue;
      const entry = index.get(need);
      if (!entry) {
        errors.push(
          `R package ${from} needs ${need}, which is not in the snapshot repository ${wanted.repository} nor in the pack`,
        );
        continue;
      }
      locked.set(need, {
        name: need,
        version: entry.version,
        source: "dependency",
        ...(entry.md5 ? { md5: entry.md5 } : {}),
      });
      queue.push(need);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    r: {
      repository: trimSourceUrl(wanted.repository),
      packages: [...locked.values()].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      ),
    },
  };
}
