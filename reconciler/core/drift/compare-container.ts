import { LABENV_SERVER_SETTINGS } from "../image/build-context.js";
import { canonicalJson, sha256Hex } from "../lock/canonical.js";
import type { EnvironmentLock, Observation } from "../model/documents.js";
import { compareVersions, normalizeName, parseVersion } from "../pep440/index.js";
import type { DriftDifference } from "./drift-report.js";

/**
 * Lock × in-container observation → differences: packages (and the image's
 * Python), kernels, JupyterLab extensions and Jupyter config hashes. Versions
 * are compared as PEP 440 versions (`1.8` is `1.8.0`); kernels by language
 * and runtime version (display names are cosmetic).
 */
export function compareContainer(
  lock: EnvironmentLock,
  observation: Observation,
): DriftDifference[] {
  return [
    ...comparePython(lock, observation),
    ...comparePackages(lock, observation),
    ...compareKernels(lock, observation),
    ...compareExtensions(lock, observation),
    ...compareConfig(lock, observation),
    ...compareRPackages(lock, observation),
    ...compareJuliaPackages(lock, observation),
  ];
}

/**
 * The lock's R packages (when it has any: environment.yaml asked for R packages) against the R
 * packages the container reports; versions compared exactly, as R's package manager writes them.
 */
function compareRPackages(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  const r = lock.spec.r;
  if (!r) return [];
  const observed = new Map((o.spec.rPackages ?? []).map((p) => [p.name, p.version]));
  const out: DriftDifference[] = [];
  for (const p of r.packages) {
    const base = {
      item: "r-package" as const,
      name: p.name,
      locked: p.version,
      pinned: p.source === "pack",
      source: p.source,
    };
    const seen = observed.get(p.name);
    if (seen === undefined) out.push({ ...base, change: "removed" });
    else if (seen !== p.version) out.push({ ...base, change: "changed", observed: seen });
  }
  const locked = new Set(r.packages.map((p) => p.name));
  for (const [name, version] of observed)
    if (!locked.has(name))
      out.push({ item: "r-package", change: "added", name, observed: version, pinned: false });
  return out;
}

/**
 * The lock's Julia packages (when environment.yaml asked for some) against those the container
 * reports from its Julia project: a package missing, at another version or with another tree is
 * drift, and so is one the lock does not hold.
 */
function compareJuliaPackages(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  const julia = lock.spec.julia;
  if (!julia) return [];
  const observed = new Map((o.spec.juliaPackages ?? []).map((p) => [p.name, p]));
  const out: DriftDifference[] = [];
  for (const p of julia.packages) {
    const base = {
      item: "julia-package" as const,
      name: p.name,
      locked: `${p.version} (tree ${p.gitTreeSha1.slice(0, 12)})`,
      pinned: false,
      source: p.source,
    };
    const seen = observed.get(p.name);
    if (seen === undefined) out.push({ ...base, change: "removed" });
    else if (seen.version !== p.version || seen.gitTreeSha1 !== p.gitTreeSha1)
      out.push({
        ...base,
        change: "changed",
        observed: `${seen.version} (tree ${seen.gitTreeSha1.slice(0, 12)})`,
      });
  }
  const locked = new Set(julia.packages.map((p) => p.name));
  for (const [name, p] of observed)
    if (!locked.has(name))
      out.push({
        item: "julia-package",
        change: "added",
        name,
        observed: `${p.version} (tree ${p.gitTreeSha1.slice(0, 12)})`,
        pinned: false,
      });
  return out;
}

function comparePython(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  const seen = o.spec.python;
  if (seen === undefined || sameVersion(seen, lock.spec.python)) return [];
  return [
    {
      item: "package",
      change: "changed",
      name: "python",
      locked: lock.spec.python,
      observed: seen,
      pinned: true,
      source: "pack",
    },
  ];
}

function comparePackages(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  const out: DriftDifference[] = [];
  const observed = new Map(o.spec.packages.map((p) => [normalizeName(p.name), p]));
  const locked = new Set<string>();
  for (const p of lock.spec.packages) {
    const name = normalizeName(p.name);
    locked.add(name);
    const base = {
      item: "package" as const,
      name,
      locked: p.version,
      pinned: p.source === "pack",
      source: p.source,
    };
    const seen = observed.get(name);
    if (!seen) out.push({ ...base, change: "removed" });
    else if (!sameVersion(p.version, seen.version))
      out.push({ ...base, change: "changed", observed: seen.version, ...requested(seen) });
  }
  for (const [name, p] of observed) {
    if (!locked.has(name))
      out.push({
        item: "package",
        change: "added",
        name,
        observed: p.version,
        pinned: false,
        ...requested(p),
      });
  }
  return out;
}

function requested(p: { requested?: boolean }): { requested?: boolean } {
  return p.requested === undefined ? {} : { requested: p.requested };
}

function compareKernels(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  const out: DriftDifference[] = [];
  const observed = new Map(o.spec.kernels.map((k) => [k.name, k]));
  const describe = (k: { language: string; version?: string }) =>
    k.version ? `${k.language} ${k.version}` : k.language;
  for (const k of lock.spec.kernels) {
    const seen = observed.get(k.name);
    if (!seen) out.push({ item: "kernel", change: "removed", name: k.name, locked: describe(k) });
    else if (
      seen.language !== k.language ||
      (seen.version !== undefined && k.version !== undefined && seen.version !== k.version)
    ) {
      out.push({
        item: "kernel",
        change: "changed",
        name: k.name,
        locked: describe(k),
        observed: describe(seen),
      });
    }
  }
  const locked = new Set(lock.spec.kernels.map((k) => k.name));
  for (const k of o.spec.kernels)
    if (!locked.has(k.name))
      out.push({ item: "kernel", change: "added", name: k.name, observed: describe(k) });
  return out;
}

function compareExtensions(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  return compareByName(
    lock.spec.extensions.map((e) => [e.name, e.version]),
    o.spec.extensions.map((e) => [e.name, e.version]),
    "extension",
    (a, b) => a === b,
  );
}

function compareConfig(lock: EnvironmentLock, o: Observation): DriftDifference[] {
  const short = (h: string) => `sha256:${h}`;
  return compareByName(
    lock.spec.jupyterConfig.map((c) => [c.key, short(c.sha256)]),
    o.spec.jupyterConfig
      .filter((c) => !isLabenvSetting(c.key, c.sha256))
      .map((c) => [c.key, short(c.sha256)]),
    "config",
    (a, b) => a === b,
  );
}

/** labenv's own settings in every image (the provenance hook): not the researcher's config while they hold labenv's values. */
function isLabenvSetting(key: string, sha256: string): boolean {
  return (
    Object.hasOwn(LABENV_SERVER_SETTINGS, key) &&
    sha256Hex(canonicalJson(LABENV_SERVER_SETTINGS[key])) === sha256
  );
}

function compareByName(
  locked: [string, string][],
  observed: [string, string][],
  item: "extension" | "config",
  same: (a: string, b: string) => boolean,
): DriftDifference[] {
  const out: DriftDifference[] = [];
  const seen = new Map(observed);
  const known = new Set<string>();
  for (const [name, value] of locked) {
    known.add(name);
    const got = seen.get(name);
    if (got === undefined) out.push({ item, change: "removed", name, locked: value });
    else if (!same(value, got))
      out.push({ item, change: "changed", name, locked: value, observed: got });
  }
  for (const [name, value] of observed)
    if (!known.has(name)) out.push({ item, change: "added", name, observed: value });
  return out;
}

/** Equal as PEP 440 versions; as text when either side is not one. */
export function sameVersion(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  return pa.ok && pb.ok ? compareVersions(pa.value, pb.value) === 0 : false;
}
