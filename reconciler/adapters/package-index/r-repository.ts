import type { Repository } from "../../core/model/documents.js";
import {
  MAX_R_INDEX_BYTES,
  parseRPackageIndex,
  type RPackageIndex,
} from "../../core/lock/r-packages.js";
import { trimSourceUrl } from "../../core/lock/source-url.js";
import { fetchCapped } from "../http/read-capped.js";

/**
 * The `src/contrib/PACKAGES` index of every R snapshot repository the chosen environments
 * install from (`spec.r.repository`), read once each, by URL without trailing slashes
 * (trimSourceUrl): at most 16 MiB and 10 s per repository. A repository that cannot be read is
 * reported with why, and only the locks that need it fail.
 */
export async function readRIndexes(
  repository: Repository,
  only: readonly string[] = [],
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Map<string, RPackageIndex | { error: string }>> {
  const urls = new Set<string>();
  for (const [key, env] of repository.environments)
    if (env.doc.spec.r && (only.length === 0 || only.includes(key)))
      urls.add(trimSourceUrl(env.doc.spec.r.repository));
  const out = new Map<string, RPackageIndex | { error: string }>();
  for (const url of [...urls].sort()) {
    try {
      const text = await fetchCapped(`${url}/src/contrib/PACKAGES`, {
        maxBytes: MAX_R_INDEX_BYTES,
        timeoutMs: options.timeoutMs ?? 10_000,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      out.set(url, parseRPackageIndex(text!));
    } catch (e) {
      out.set(url, { error: (e as Error).message });
    }
  }
  return out;
}
