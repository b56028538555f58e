import type { Repository } from "../../core/model/documents.js";
import {
  MAX_R_INDEX_BYTES,
  parseRPackageIndex,
  type RPackageIndex,
} from "../../core/lock/r-packages.js";
import { readCapped } from "../http/read-capped.js";

/**
 * The `src/contrib/PACKAGES` index of every R snapshot repository the chosen environments
 * install from (`spec.r.repository`), read once each: at most 16 MiB and 10 s per repository. A
 * repository that cannot be read is reported with why, and only the locks that need it fail.
 */
export async function readRIndexes(
  repository: Repository,
  only: readonly string[] = [],
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Map<string, RPackageIndex | { error: string }>> {
  const urls = new Set<string>();
  for (const [key, env] of repository.environments)
    if (env.doc.spec.r && (only.length === 0 || only.includes(key)))
      urls.add(env.doc.spec.r.repository);
  const out = new Map<string, RPackageIndex | { error: string }>();
  for (const url of [...urls].sort()) out.set(url, await readOne(url, options));
  return out;
}

async function readOne(
  base: string,
  options: { fetch?: typeof fetch; timeoutMs?: number },
): Promise<RPackageIndex | { error: string }> {
  const url = `${base.replace(/\/+$/, "")}/src/contrib/PACKAGES`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { error: `${url} answered HTTP ${response.status}` };
    }
    const tooLarge = new Error(`${url} is larger than ${MAX_R_INDEX_BYTES} bytes`);
    let text: string;
    try {
      text = await readCapped(response, MAX_R_INDEX_BYTES, () => tooLarge);
    } catch (e) {
      if (e === tooLarge) return { error: tooLarge.message };
      throw e;
    }
    return parseRPackageIndex(text);
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string }; message?: string };
    return {
      error:
        err.name === "TimeoutError"
          ? `${url} did not answer within ${timeoutMs / 1000} s`
          : `${url}: ${err.cause?.code ?? err.message ?? String(e)}`,
    };
  }
}
