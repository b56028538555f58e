import semver from "semver";
import type { Loaded, Repository } from "../model/documents.js";

export interface PackReference {
  name: string;
  range: string;
}

/** Splits `genomics@^1.2` into its pack name and semver range. */
export function parsePackReference(ref: string): PackReference | undefined {
  const at = ref.lastIndexOf("@");
  if (at <= 0) return undefined;
  const name = ref.slice(0, at);
  const range = ref.slice(at + 1);
  if (semver.validRange(range) === null) return undefined;
  return { name, range };
}

export type PackResolution =
  | { ok: true; pack: Loaded<"DomainPack">; version: string }
  | {
      ok: false;
      reason: "bad-reference" | "unknown-pack" | "no-match";
      message: string;
      published: string[];
    };

/** Every published version of a pack, highest first (sorted once by the loader). */
export function publishedVersions(repo: Repository, name: string): Loaded<"DomainPack">[] {
  return repo.packVersions.get(name) ?? [];
}

/**
 * Picks the highest published, non-yanked version of the pack that satisfies
 * the range (pre-releases only when the range names one), using `semver`.
 */
export function resolvePack(repo: Repository, ref: string): PackResolution {
  const parsed = parsePackReference(ref);
  if (!parsed) {
    return {
      ok: false,
      reason: "bad-reference",
      message: `\`${ref}\` is not \`<pack>@<semver range>\``,
      published: [],
    };
  }
  const versions = publishedVersions(repo, parsed.name);
  if (versions.length === 0) {
    const known = [...new Set([...repo.packs.values()].map((p) => p.doc.metadata.name))].sort();
    return {
      ok: false,
      reason: "unknown-pack",
      message: `domain pack \`${parsed.name}\` does not exist (known packs: ${known.join(", ") || "none"})`,
      published: [],
    };
  }
  const candidates = versions.filter((p) => !p.doc.spec.yanked);
  const best = semver.maxSatisfying(
    candidates.map((p) => p.doc.metadata.version),
    parsed.range,
  );
  const published = versions.map(
    (p) => p.doc.metadata.version + (p.doc.spec.yanked ? " (yanked)" : ""),
  );
  if (!best) {
    return {
      ok: false,
      reason: "no-match",
      message: `no published, non-yanked version of \`${parsed.name}\` matches \`${parsed.range}\` (published: ${published.join(", ")})`,
      published,
    };
  }
  return {
    ok: true,
    pack: candidates.find((p) => p.doc.metadata.version === best)!,
    version: best,
  };
}
