import semver from "semver";
import type { DomainPackRegistry } from "../model/documents.js";

type IndexedPack = NonNullable<DomainPackRegistry["spec"]["packs"][string]>;
export type IndexedVersion = NonNullable<IndexedPack["versions"][string]>;

export type VersionChoice =
  | { ok: true; version: string; entry: IndexedVersion }
  | { ok: false; reason: "unknown-pack" | "no-match" | "yanked"; message: string };

/**
 * The version of `name` a registry index offers for `range`: the highest
 * non-yanked match (pre-releases only when the range names one). An exact
 * version that is yanked is refused with that reason, not as "no match".
 */
export function chooseVersion(
  index: DomainPackRegistry,
  registry: string,
  name: string,
  range: string,
): VersionChoice {
  const pack = index.spec.packs[name];
  if (!pack) {
    const known = Object.keys(index.spec.packs).sort();
    return {
      ok: false,
      reason: "unknown-pack",
      message: `registry \`${registry}\` has no pack \`${name}\` (it publishes: ${known.join(", ") || "nothing"})`,
    };
  }
  const versions = Object.keys(pack.versions).filter((v) => semver.valid(v));
  const live = versions.filter((v) => !pack.versions[v]?.yanked);
  const best = semver.maxSatisfying(live, range);
  if (best) return { ok: true, version: best, entry: pack.versions[best]! };
  const exact = semver.valid(range);
  if (exact && pack.versions[exact]?.yanked)
    return {
      ok: false,
      reason: "yanked",
      message: `${name}@${exact} is yanked in registry \`${registry}\`: ranges never choose it`,
    };
  const listed = semver
    .sort(versions)
    .reverse()
    .map((v) => `${v}${pack.versions[v]?.yanked ? " (yanked)" : ""}`);
  return {
    ok: false,
    reason: "no-match",
    message: `no non-yanked version of \`${name}\` in registry \`${registry}\` matches \`${range}\` (published: ${listed.join(", ")})`,
  };
}

/** Every pack the index lists, by name. */
export function indexedPacks(index: DomainPackRegistry): [string, IndexedPack][] {
  return Object.entries(index.spec.packs)
    .filter((e): e is [string, IndexedPack] => e[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}
