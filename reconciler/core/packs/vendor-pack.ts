import { parseDocument } from "yaml";
import type { DomainPack, Loaded, Repository } from "../model/documents.js";
import { packChecksum } from "./checksum.js";

export type PackSource = NonNullable<DomainPack["spec"]["source"]>;

export type VendorDecision =
  | { outcome: "created"; file: string; text: string }
  | { outcome: "unchanged"; file: string }
  | { outcome: "refused"; message: string; hint: string };

/** Where a pack version lives in the repository. */
export function packFile(name: string, version: string): string {
  return `domain-packs/${name}/${version}/pack.yaml`;
}

/**
 * What vendoring a registry's pack version into the repository does: write it
 * with `spec.source` recorded, leave an identical copy alone, and refuse to
 * replace a different copy of the same version (published versions never
 * change) or to mix origins under one pack name (a pack written here, or taken
 * from another registry, is another pack that happens to share the name).
 */
export function vendorPack(
  repo: Repository,
  fetched: { pack: Loaded<"DomainPack">; text: string },
  source: PackSource,
): VendorDecision {
  const { name, version } = fetched.pack.doc.metadata;
  const file = packFile(name, version);
  const existing = repo.packs.get(`${name}@${version}`);
  if (existing) {
    if ((existing.checksum ?? packChecksum(existing.doc)) === source.checksum)
      return { outcome: "unchanged", file };
    return {
      outcome: "refused",
      message: `${name}@${version} is already in ${file} with other content than registry \`${source.registry}\` publishes`,
      hint: "a published version never changes: keep the copy you have, or remove it first if you mean to replace it",
    };
  }
  const other = (repo.packVersions.get(name) ?? []).find(
    (p) => p.doc.spec.source?.registry !== source.registry,
  );
  if (other)
    return {
      outcome: "refused",
      message: `pack \`${name}\` in this repository ${other.doc.spec.source ? `comes from registry \`${other.doc.spec.source.registry}\`` : "is written here"} (${other.file}), not from \`${source.registry}\``,
      hint: "one pack name has one origin: use the registry it came from, or remove the other versions first",
    };
  return { outcome: "created", file, text: withSource(fetched.text, source) };
}

/** The pack file's text with `spec.source` set (comments and layout kept). */
export function withSource(text: string, source: PackSource): string {
  const doc = parseDocument(text);
  doc.setIn(["spec", "source"], doc.createNode(source));
  return doc.toString({ lineWidth: 0 });
}
