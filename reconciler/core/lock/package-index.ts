import { parseDocument } from "yaml";
import { normalizeName } from "../pep440/index.js";

/** One published version of a package, as a PyPI-compatible index describes it. */
export interface IndexVersion {
  version: string;
  /** Requires-Dist entries (PEP 508). */
  requires: string[];
  yanked?: boolean;
  requiresPython?: string;
  /** sha256 of the distribution file, when the index provides it. */
  sha256?: string;
  /** When that file was uploaded (ISO 8601), when the index says: for `--exclude-newer`. */
  uploadTime?: string;
}

/**
 * What `labenv lock` resolves against: package name (PEP 503 normalized) →
 * versions. Pure lookups; adapters fill it from the embedded file or a
 * PyPI-compatible JSON API before locking starts.
 */
export type PackageIndexData = ReadonlyMap<string, readonly IndexVersion[]>;

/** Reads the embedded index file (`package-index.yaml`). Throws only on a malformed file, with its position. */
export function parseEmbeddedIndex(text: string, file = "package-index.yaml"): PackageIndexData {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    const e = [...doc.errors, ...doc.warnings][0]!;
    throw new Error(`${file}: ${e.message.split("\n")[0]}`);
  }
  const raw = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as {
    packages?: Record<string, Record<string, Partial<IndexVersion> | null>>;
  };
  const out = new Map<string, IndexVersion[]>();
  for (const [name, versions] of Object.entries(raw.packages ?? {})) {
    out.set(
      normalizeName(name),
      Object.entries(versions ?? {}).map(([version, v]) => ({
        version: String(version),
        requires: (v?.requires ?? []).map(String),
        ...(v?.yanked ? { yanked: true } : {}),
        ...(v?.requiresPython ? { requiresPython: String(v.requiresPython) } : {}),
        ...(v?.sha256 ? { sha256: String(v.sha256) } : {}),
        ...(v?.uploadTime ? { uploadTime: String(v.uploadTime) } : {}),
      })),
    );
  }
  return out;
}
