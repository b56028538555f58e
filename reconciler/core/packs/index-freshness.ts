import type { DomainPackRegistry, Repository } from "../model/documents.js";

/** The newest signed index labenv recorded from a registry, and the vendored file that records it. */
export interface IndexSeen {
  published: string;
  file: string;
}

export type FreshnessDecision =
  { ok: true } | { ok: false; code: "index-replay"; message: string; hint: string };

/**
 * The newest `metadata.published` of a signed index that `packs add` or `packs update` read from
 * `registry`, as recorded in the repository (`spec.source.indexPublished` of its vendored
 * versions): reviewed and committed like everything else, so it survives a fresh clone.
 */
export function newestIndexSeen(repo: Repository, registry: string): IndexSeen | undefined {
  let newest: IndexSeen | undefined;
  for (const p of repo.packs.values()) {
    const source = p.doc.spec.source;
    if (source?.registry !== registry || !source.indexPublished) continue;
    if (!newest || Date.parse(source.indexPublished) > Date.parse(newest.published))
      newest = { published: source.indexPublished, file: p.file };
  }
  return newest;
}

/**
 * Whether an index (its signature already judged) is at least as new as the newest one seen
 * from that registry: an older one, even validly signed by the same key, is a replay that could
 * hide a yank or a newer version; an unsigned one after a signed one was seen is a downgrade.
 * Pure.
 */
export function judgeIndexFreshness(
  registry: string,
  index: DomainPackRegistry,
  seen: IndexSeen | undefined,
): FreshnessDecision {
  if (!seen) return { ok: true };
  const what = `registry \`${registry}\`'s index`;
  const published = index.metadata.published;
  const hint = `the registry (or a mirror or cache in between) serves an old copy: do not use it. ${seen.file} records the index labenv last read; if the publisher truly went back, it must publish again (\`labenv packs publish --key\` stamps the time)`;
  if (!index.metadata.signature || !published)
    return {
      ok: false,
      code: "index-replay",
      message: `${what} is not signed, but the one read on ${seen.published} was`,
      hint,
    };
  if (Date.parse(published) < Date.parse(seen.published))
    return {
      ok: false,
      code: "index-replay",
      message: `${what} was published on ${published}, before the newest one labenv has read from it (published on ${seen.published})`,
      hint,
    };
  return { ok: true };
}
