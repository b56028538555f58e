import type { DomainPackRegistry } from "../model/documents.js";
import { indexedPacks } from "./hosted-index.js";

export interface IndexHit {
  registry: string;
  name: string;
  latest: string;
  trust: string;
  description: string;
  /** The latest version carries no signature in the index. */
  unsigned: boolean;
  /** Higher first: a word equal to the name, then in the name or a keyword, then anywhere else. */
  score: number;
}

/**
 * The packs of registry indexes that match every word (case-insensitive), ranked: each word
 * scores 3 when it is the pack's name, 2 when it is in the name or is one of its keywords, 1
 * when it is only in the description or a keyword, is the name of a package the pack pins, or
 * names one of its kernels or their language; ties by name, then registry. An index published
 * before keywords and package lists were indexed is searched by name and description. Pure:
 * the indexes are passed in.
 */
export function searchIndexes(
  indexes: readonly { registry: string; index: DomainPackRegistry }[],
  words: readonly string[],
): IndexHit[] {
  const needles = words.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  const hits: IndexHit[] = [];
  for (const { registry, index } of indexes)
    for (const [name, p] of indexedPacks(index)) {
      const description = p.description ?? "";
      const lower = description.toLowerCase();
      const keywords = (p.keywords ?? []).map((k) => k.toLowerCase());
      const packages = new Set((p.packages ?? []).map((k) => k.toLowerCase()));
      const kernels = new Set((p.kernels ?? []).flatMap((k) => k.toLowerCase().split(" ")));
      let score = 0;
      for (const n of needles) {
        const s =
          name === n
            ? 3
            : name.includes(n) || keywords.includes(n)
              ? 2
              : lower.includes(n) ||
                  keywords.some((k) => k.includes(n)) ||
                  packages.has(n) ||
                  kernels.has(n)
                ? 1
                : 0;
        if (s === 0) {
          score = -1;
          break;
        }
        score += s;
      }
      if (score > 0)
        hits.push({
          registry,
          name,
          latest: p.latest,
          trust: p.trust,
          description,
          unsigned: !p.versions[p.latest]?.signature,
          score,
        });
    }
  return hits.sort(
    (a, b) =>
      b.score - a.score || a.name.localeCompare(b.name) || a.registry.localeCompare(b.registry),
  );
}
