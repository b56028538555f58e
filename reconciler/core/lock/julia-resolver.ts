import {
  compareJuliaVersions,
  formatJuliaVersion,
  inIntervals,
  parseJuliaVersion,
  type JuliaVersion,
  type VersionInterval,
} from "./julia-versions.js";
import type { JuliaRegistry, JuliaRegistryPackage } from "./julia-packages.js";
import { byText } from "./pin.js";

/** At most this many versions are tried before the search gives up (about a second of work). */
export const MAX_JULIA_RESOLVE_STEPS = 100_000;
/** At most this many lines of the resolver's log are shown when no set of versions works. */
const MAX_LOG_LINES = 40;

export interface ResolverInput {
  registry: JuliaRegistry;
  /** Registry name → uuid (see uuidsByName). */
  byName: ReadonlyMap<string, string>;
  /** The pins, by name: each version exists in the registry and is not yanked. */
  pins: ReadonlyMap<string, JuliaVersion>;
  /** The Julia every chosen version's `julia` compat must allow. */
  julia: JuliaVersion;
  juliaText: string;
  maxSteps?: number;
  maxPackages: number;
}

export type ResolverResult =
  | { ok: true; chosen: Map<string, { version: JuliaVersion; uuid: string }> }
  | { ok: false; errors: string[] }
  | { ok: "need"; uuids: string[] };

interface Chosen {
  version: JuliaVersion;
  uuid: string;
  /** Registry packages it needs at this version: name → uuid. */
  deps: Map<string, string>;
  compat: Record<string, VersionInterval[]>;
  why: string;
}

/** Why a version of a package was not taken, or the log of the search below it. */
type Outcome = { ok: true } | { ok: false; log: string[] };

/** Ends the search at once with this result (a bound reached, or a package to read first). */
class Abort extends Error {
  constructor(readonly result: ResolverResult) {
    super("the Julia resolver stopped");
  }
}

/**
 * A complete, bounded backtracking search for one version of every package the pins need: pins
 * first, then each needed package in name order, each trying its versions highest first (not
 * yanked, allowed by the compat of every package chosen so far, allowing the pack's Julia, whose
 * own compat allows what is already chosen, and leaving each dependency not chosen yet a
 * version). When a package has no version left, the search goes back to the last choice that
 * had another. Deterministic: the same registry and pins give the same versions. It tries at
 * most `maxSteps` versions, then stops and says so. When no set of versions works, the answer is
 * the resolver's log: for the first package that ran out, each version and what ruled it out,
 * down the chain of choices that led there (as Pkg's resolver log does). A package the registry
 * lists but that was not read yet is asked for (`need`).
 */
export function searchJuliaVersions(input: ResolverInput): ResolverResult {
  const maxSteps = input.maxSteps ?? MAX_JULIA_RESOLVE_STEPS;
  const path = new Map<string, Chosen>();
  const pinNames = [...input.pins.keys()].sort(byText);
  let steps = 0;
  const versionCache = new Map<string, JuliaVersion[]>();

  const versionsOf = (pkg: JuliaRegistryPackage): JuliaVersion[] => {
    let v = versionCache.get(pkg.uuid);
    if (!v) {
      v = [...pkg.versions]
        .filter(([, x]) => !x.yanked)
        .map(([k]) => parseJuliaVersion(k))
        .filter((x): x is JuliaVersion => x !== undefined)
        .sort((a, b) => compareJuliaVersions(b, a));
      versionCache.set(pkg.uuid, v);
    }
    return v;
  };

  const label = (name: string) => {
    const c = path.get(name)!;
    return `${name} ${formatJuliaVersion(c.version)} (${c.why})`;
  };

  /** The next package to choose: an unchosen pin, else the first needed package by name. */
  const next = (): { name: string; uuid: string } | undefined => {
    for (const p of pinNames) if (!path.has(p)) return { name: p, uuid: input.byName.get(p)! };
    let first: { name: string; uuid: string } | undefined;
    for (const c of path.values())
      for (const [dep, uuid] of c.deps)
        if (!path.has(dep) && (first === undefined || dep < first.name))
          first = { name: dep, uuid };
    return first;
  };

  const neededBy = (name: string): string => {
    for (const [from, c] of path) if (c.deps.has(name)) return `needed by ${label(from)}`;
    return "pinned in environment.yaml";
  };

  /** Why `pkg` at `v` cannot join the packages chosen so far, or undefined when it can. */
  const refusal = (
    name: string,
    pkg: JuliaRegistryPackage,
    v: JuliaVersion,
  ): string | undefined => {
    for (const [from, c] of path) {
      const range = c.deps.has(name) ? c.compat[name] : undefined;
      if (range && !inIntervals(v, range)) return `${label(from)} needs ${name} ${show(range)}`;
    }
    const { deps, compat } = atVersion(pkg, v, input.registry);
    if (compat.julia && !inIntervals(input.julia, compat.julia))
      return `does not support Julia ${input.juliaText}, the pack's (its compat: julia ${show(compat.julia)})`;
    const names = [...deps.keys()].sort(byText);
    for (const dep of names) {
      const there = path.get(dep);
      const range = compat[dep];
      if (there && range && !inIntervals(there.version, range))
        return `needs ${dep} ${show(range)}, but ${dep} is ${formatJuliaVersion(there.version)} (${there.why})`;
    }
    // Looking ahead: each dependency not chosen yet must keep a version this one allows.
    for (const dep of names) {
      const range = compat[dep];
      const depPkg = input.registry.packages.get(deps.get(dep)!);
      if (!range || path.has(dep) || !depPkg) continue; // unread: the search reads it first
      const pin = input.pins.get(dep);
      const inRange = (pin ? [pin] : versionsOf(depPkg)).filter((x) => inIntervals(x, range));
      if (inRange.length === 0)
        return `needs ${dep} ${show(range)}, and ${pin ? `${dep} is pinned at ${formatJuliaVersion(pin)} in environment.yaml` : `the registry holds no version of ${dep} in it that is not yanked`}`;
      const others = [...path].filter(([, c]) => c.deps.has(dep) && c.compat[dep]);
      if (!inRange.some((x) => others.every(([, c]) => inIntervals(x, c.compat[dep]!))))
        return `needs ${dep} ${show(range)}, but ${others.map(([from]) => `${label(from)} needs ${dep} ${show(path.get(from)!.compat[dep]!)}`).join(" and ")}`;
    }
    return undefined;
  };

  const search = (): Outcome => {
    const pick = next();
    if (pick === undefined) return { ok: true };
    const { name, uuid } = pick;
    if (path.size >= input.maxPackages)
      throw new Abort({
        ok: false,
        errors: [`more than ${input.maxPackages} Julia packages`],
      });
    const pkg = input.registry.packages.get(uuid);
    if (!pkg) throw new Abort({ ok: "need", uuids: unread(path, input.registry) });
    const pinned = input.pins.get(name);
    const candidates = pinned ? [pinned] : versionsOf(pkg);
    const why = pinned ? "pinned in environment.yaml" : neededBy(name);
    const fates: { version: JuliaVersion; reason?: string; below?: string[] }[] = [];
    for (const v of candidates) {
      if (++steps > maxSteps)
        throw new Abort({
          ok: false,
          errors: [
            `the Julia resolver gave up after trying ${maxSteps} versions (at ${name}, with ${path.size} packages chosen): the compat ranges leave too many combinations to try; pin some of the dependencies in spec.julia.packages to narrow the search`,
          ],
        });
      const reason = refusal(name, pkg, v);
      if (reason) {
        fates.push({ version: v, reason });
        continue;
      }
      const at = atVersion(pkg, v, input.registry);
      path.set(name, { version: v, uuid, deps: at.deps, compat: at.compat, why });
      const below = search();
      if (below.ok) return below;
      path.delete(name);
      fates.push({ version: v, below: below.log });
    }
    return { ok: false, log: explain(name, uuid, why, pkg, pinned, candidates.length, fates) };
  };

  try {
    const out = search();
    if (out.ok) {
      const chosen = new Map<string, { version: JuliaVersion; uuid: string }>();
      for (const [name, c] of path) chosen.set(name, { version: c.version, uuid: c.uuid });
      return { ok: true, chosen };
    }
    const log =
      out.log.length > MAX_LOG_LINES
        ? [...out.log.slice(0, MAX_LOG_LINES), `… (${out.log.length - MAX_LOG_LINES} more lines)`]
        : out.log;
    return {
      ok: false,
      errors: [
        "no set of Julia package versions satisfies every compat range; the resolver's log:",
        ...log,
      ],
    };
  } catch (e) {
    if (e instanceof Abort) return e.result;
    throw e;
  }
}

/**
 * The log of a package none of whose versions worked: where it came from, then each version (or
 * group of versions ruled out for the same reason) and why, with the log of the search below a
 * version that was taken and then given up. A pin's only version that was given up for what
 * came below it shows only that, so the chain reads from the pins down.
 */
function explain(
  name: string,
  uuid: string,
  why: string,
  pkg: JuliaRegistryPackage,
  pinned: JuliaVersion | undefined,
  tried: number,
  fates: { version: JuliaVersion; reason?: string; below?: string[] }[],
): string[] {
  if (pinned && fates[0]?.below) return fates[0].below;
  const yanked = [...pkg.versions.values()].filter((x) => x.yanked).length;
  const lines = [
    `${name} [${uuid.slice(0, 8)}] (${why}): ${
      pinned
        ? `restricted to ${formatJuliaVersion(pinned)}`
        : `possible versions are ${tried === 0 ? "none" : fates.map((f) => formatJuliaVersion(f.version)).join(", ")}${yanked ? ` (${yanked} yanked)` : ""}`
    }, and none works:`,
  ];
  const byReason = new Map<string, JuliaVersion[]>();
  for (const f of fates) {
    if (f.below) {
      lines.push(`  ${name} ${formatJuliaVersion(f.version)} was tried; then:`);
      lines.push(...f.below.map((l) => `    ${l}`));
    } else byReason.set(f.reason!, [...(byReason.get(f.reason!) ?? []), f.version]);
  }
  for (const [reason, versions] of byReason)
    lines.push(`  ${name} ${versions.map(formatJuliaVersion).join(", ")}: ${reason}`);
  return lines;
}

/** A version's registry dependencies (name → uuid) and compat, from Deps.toml and Compat.toml. */
function atVersion(
  pkg: JuliaRegistryPackage,
  v: JuliaVersion,
  registry: JuliaRegistry,
): { deps: Map<string, string>; compat: Record<string, VersionInterval[]> } {
  const deps = new Map<string, string>();
  for (const d of pkg.deps)
    if (inIntervals(v, d.range))
      for (const [dep, uuid] of Object.entries(d.deps))
        if (registry.index.has(uuid)) deps.set(dep, uuid);
  const compat: Record<string, VersionInterval[]> = {};
  for (const c of pkg.compat) if (inIntervals(v, c.range)) Object.assign(compat, c.compat);
  return { deps, compat };
}

/** The registry packages the chosen ones need that were not read yet, sorted. */
function unread(path: ReadonlyMap<string, Chosen>, registry: JuliaRegistry): string[] {
  const out = new Set<string>();
  for (const c of path.values())
    for (const uuid of c.deps.values()) if (!registry.packages.has(uuid)) out.add(uuid);
  return [...out].sort();
}

export function show(range: readonly VersionInterval[]): string {
  return range
    .map((r) => `[${formatJuliaVersion(r.lower)}, ${r.upper ? formatJuliaVersion(r.upper) : "∞"})`)
    .join(" ∪ ");
}
