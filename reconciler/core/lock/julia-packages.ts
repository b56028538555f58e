import type { DomainPack, Environment, EnvironmentLock } from "../model/documents.js";
import { parseRegistryToml, type TomlTables, type TomlValue } from "./julia-registry-toml.js";
import {
  compareJuliaVersions,
  formatJuliaVersion,
  inIntervals,
  parseJuliaVersion,
  parseRegistryRange,
  type JuliaVersion,
  type VersionInterval,
} from "./julia-versions.js";
import { searchJuliaVersions } from "./julia-resolver.js";
import { byText, splitPin } from "./pin.js";
import { trimSourceUrl } from "./source-url.js";

/** One package of a General-style registry, from its Package.toml, Versions.toml, Deps.toml and Compat.toml. */
export interface JuliaRegistryPackage {
  name: string;
  uuid: string;
  versions: Map<string, { gitTreeSha1: string; yanked: boolean }>;
  /** Deps.toml: for the versions in `range`, these dependencies (name → uuid). */
  deps: { range: VersionInterval[]; deps: Record<string, string> }[];
  /** Compat.toml: for the versions in `range`, these registry ranges (name → intervals). */
  compat: { range: VersionInterval[]; compat: Record<string, VersionInterval[]> }[];
}

/** Registry.toml's packages (uuid → name and path) and the packages read so far, by uuid. */
export interface JuliaRegistry {
  url: string;
  /** The commit the registry's files were read at, for a git registry. */
  commit?: string;
  index: ReadonlyMap<string, { name: string; path: string }>;
  packages: ReadonlyMap<string, JuliaRegistryPackage>;
}

/** Each package name's uuid in a registry's index; a name listed twice keeps its first uuid. */
export function uuidsByName(index: JuliaRegistry["index"]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [uuid, e] of index) if (!byName.has(e.name)) byName.set(e.name, uuid);
  return byName;
}

export type LockedJuliaPackages = NonNullable<EnvironmentLock["spec"]["julia"]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA1 = /^[0-9a-f]{40}$/;
/** At most this many packages are read from a registry for one environment. */
export const MAX_JULIA_PACKAGES = 500;

/** Registry.toml's `[packages]`: uuid → name and path. */
export function parseRegistryIndex(
  text: string,
): { ok: true; index: Map<string, { name: string; path: string }> } | { ok: false; error: string } {
  const parsed = parseRegistryToml(text);
  if (!parsed.ok) return { ok: false, error: `Registry.toml ${parsed.error}` };
  const index = new Map<string, { name: string; path: string }>();
  for (const [uuid, value] of parsed.tables.get("packages") ?? []) {
    const entry = value as Record<string, string>;
    if (
      !UUID.test(uuid) ||
      typeof entry !== "object" ||
      Array.isArray(entry) ||
      !entry.name ||
      !entry.path ||
      !/^[A-Za-z0-9_/.-]+$/.test(entry.path) ||
      entry.path.includes("..")
    )
      return {
        ok: false,
        error: `Registry.toml [packages] ${uuid}: expected uuid = { name = "…", path = "X/Name" }`,
      };
    index.set(uuid, { name: entry.name, path: entry.path });
  }
  return { ok: true, index };
}

/** A package from its registry files (Deps.toml and Compat.toml may be missing). */
export function parseRegistryPackage(
  path: string,
  files: {
    package: string;
    versions: string;
    deps?: string | undefined;
    compat?: string | undefined;
  },
): { ok: true; value: JuliaRegistryPackage } | { ok: false; error: string } {
  const read = (file: string, text: string | undefined) => {
    if (text === undefined) return { ok: true as const, tables: new Map() as TomlTables };
    const r = parseRegistryToml(text);
    return r.ok ? r : { ok: false as const, error: `${path}/${file} ${r.error}` };
  };
  const pkg = read("Package.toml", files.package);
  const versions = read("Versions.toml", files.versions);
  const deps = read("Deps.toml", files.deps);
  const compat = read("Compat.toml", files.compat);
  for (const r of [pkg, versions, deps, compat]) if (!r.ok) return r;
  if (!pkg.ok || !versions.ok || !deps.ok || !compat.ok) throw new Error("unreachable");
  const top = pkg.tables.get("")!;
  const name = top.get("name");
  const uuid = top.get("uuid");
  if (typeof name !== "string" || typeof uuid !== "string" || !UUID.test(uuid))
    return { ok: false, error: `${path}/Package.toml: expected name = "…" and uuid = "…"` };
  const out: JuliaRegistryPackage = { name, uuid, versions: new Map(), deps: [], compat: [] };
  for (const [version, table] of versions.tables) {
    if (version === "") continue;
    const sha = table.get("git-tree-sha1");
    if (!parseJuliaVersion(version) || typeof sha !== "string" || !SHA1.test(sha))
      return {
        ok: false,
        error: `${path}/Versions.toml ["${version}"]: expected a version x.y.z with git-tree-sha1 = "<40 hex digits>"`,
      };
    out.versions.set(version, { gitTreeSha1: sha, yanked: table.get("yanked") === true });
  }
  for (const [file, tables, into] of [
    ["Deps.toml", deps.tables, "deps"],
    ["Compat.toml", compat.tables, "compat"],
  ] as const) {
    for (const [key, table] of tables) {
      if (key === "") continue;
      const range = parseRegistryRange(key);
      if (!range.ok) return { ok: false, error: `${path}/${file} [${key}]: ${range.error}` };
      if (into === "deps") {
        const entries: Record<string, string> = {};
        for (const [dep, id] of table) {
          if (typeof id !== "string" || !UUID.test(id))
            return { ok: false, error: `${path}/${file} [${key}] ${dep}: expected a uuid` };
          entries[dep] = id;
        }
        out.deps.push({ range: range.value, deps: entries });
      } else {
        const entries: Record<string, VersionInterval[]> = {};
        for (const [dep, spec] of table) {
          const r = parseRegistryRange(spec as string | string[]);
          if (!r.ok || !isRangeValue(spec))
            return {
              ok: false,
              error: `${path}/${file} [${key}] ${dep}: ${r.ok ? "expected a range" : r.error}`,
            };
          entries[dep] = r.value;
        }
        out.compat.push({ range: range.value, compat: entries });
      }
    }
  }
  return { ok: true, value: out };
}

function isRangeValue(v: TomlValue): v is string | string[] {
  return typeof v === "string" || Array.isArray(v);
}

export type JuliaResolution =
  | { ok: true; julia: LockedJuliaPackages }
  | { ok: false; errors: string[] }
  /** The registry packages (by uuid) the resolution needs read before it can go on. */
  | { ok: "need"; uuids: string[] };

/**
 * The Julia packages an environment locks: each pin of `spec.julia.packages` at exactly its
 * version, and the closure of their dependencies for those versions (Deps.toml), chosen by a
 * bounded backtracking search (searchJuliaVersions): highest versions first, none yanked, every
 * compat range of every version chosen met (Compat.toml), and the `julia` compat of each allowing
 * the pack's Julia (its Julia kernel's version). Dependencies the registry does not list are
 * Julia's standard libraries. IJulia must be in the closure (it is the kernel). Pure and
 * deterministic.
 */
export function resolveJuliaPackages(
  env: Environment,
  pack: DomainPack,
  registry: JuliaRegistry,
  options: { maxSteps?: number } = {},
): JuliaResolution {
  const wanted = env.spec.julia!;
  const juliaText = pack.spec.kernels.find((k) => k.language === "julia")?.version;
  const julia = juliaText ? parseJuliaVersion(juliaText) : undefined;
  if (!julia)
    return {
      ok: false,
      errors: [
        `spec.julia needs the pack's Julia version: ${pack.metadata.name}@${pack.metadata.version} has no Julia kernel with a version x.y.z`,
      ],
    };
  const byName = uuidsByName(registry.index);
  const errors: string[] = [];
  const pins = new Map<string, JuliaVersion>();
  const need = new Set<string>();
  for (const pin of wanted.packages) {
    const { name, version: versionText } = splitPin(pin);
    const uuid = byName.get(name);
    if (!uuid) {
      errors.push(`Julia package ${name} is not in the registry ${wanted.registry}`);
      continue;
    }
    const pkg = registry.packages.get(uuid);
    if (!pkg) {
      need.add(uuid);
      continue;
    }
    const v = pkg.versions.get(versionText);
    if (!v || v.yanked) {
      const held = [...pkg.versions].filter(([, x]) => !x.yanked).map(([k]) => k);
      errors.push(
        `Julia package ${name}==${versionText} is ${v ? "yanked" : "not"} in the registry ${wanted.registry}${held.length ? `, which holds ${name} ${sortVersions(held).slice(-3).join(", ")}` : ""}`,
      );
      continue;
    }
    pins.set(name, parseJuliaVersion(versionText)!);
  }
  // Every pin is read before any is reported, so one lock names every bad pin.
  if (need.size) return { ok: "need", uuids: [...need].sort() };
  if (errors.length) return { ok: false, errors };
  const found = searchJuliaVersions({
    registry,
    byName,
    pins,
    julia,
    juliaText: juliaText!,
    maxPackages: MAX_JULIA_PACKAGES,
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
  });
  if (found.ok !== true) return found;
  if (!found.chosen.has("IJulia"))
    return {
      ok: false,
      errors: [`spec.julia.packages must bring IJulia (the Julia kernel): pin IJulia==<version>`],
    };
  const stdlibs = new Map<string, string>();
  const packages = [...found.chosen.keys()].sort(byText).map((name) => {
    const { uuid, version: at } = found.chosen.get(name)!;
    const pkg = registry.packages.get(uuid)!;
    const version = formatJuliaVersion(at);
    const deps = new Set<string>();
    for (const d of pkg.deps)
      if (inIntervals(at, d.range))
        for (const [dep, id] of Object.entries(d.deps)) {
          deps.add(dep);
          if (!registry.index.has(id)) stdlibs.set(dep, id);
        }
    return {
      name,
      uuid,
      version,
      gitTreeSha1: pkg.versions.get(version)!.gitTreeSha1,
      source: pins.has(name) ? ("environment" as const) : ("dependency" as const),
      deps: [...deps].sort(byText),
    };
  });
  return {
    ok: true,
    julia: {
      registry: trimSourceUrl(wanted.registry),
      ...(registry.commit ? { registryCommit: registry.commit } : {}),
      julia: juliaText!,
      packages,
      stdlibs: [...stdlibs]
        .sort(([a], [b]) => byText(a, b))
        .map(([name, uuid]) => ({ name, uuid })),
    },
  };
}

function sortVersions(versions: string[]): string[] {
  return versions
    .map((v) => [v, parseJuliaVersion(v)] as const)
    .filter((x): x is readonly [string, JuliaVersion] => x[1] !== undefined)
    .sort((a, b) => compareJuliaVersions(a[1], b[1]))
    .map(([v]) => v);
}
