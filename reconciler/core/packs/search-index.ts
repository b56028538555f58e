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
  /** Higher first: a word equal to the name, then in the name, then in the description. */
  score: number;
}

/**
 * The packs of registry indexes whose name or description contains every word
 * (case-insensitive), ranked: each word scores 3 when it is the pack's name, 2
 * when it is in the name, 1 when it is only in the description; ties by name,
 * then registry. Pure: the indexes are passed in.
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
      let score = 0;
      for (const n of needles) {
        const s = name === n ? 3 : name.includes(n) ? 2 : lower.includes(n) ? 1 : 0;
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
