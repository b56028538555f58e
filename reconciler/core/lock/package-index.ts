import { LineCounter, parseDocument } from "yaml";
import { firstDuplicateKey, nodeCapOffset } from "../load/yaml-limits.js";

/** The largest embedded package index labenv reads, and the most YAML nodes in it. */
export const MAX_INDEX_BYTES = 4 * 1024 * 1024;
export const MAX_INDEX_NODES = 250_000;
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
  // Bounded before the full parse: a size cap, then one linear count of nodes.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_INDEX_BYTES)
    throw new Error(
      `${file}:1:1: the file is ${bytes} bytes, more than the ${MAX_INDEX_BYTES} (4 MiB) labenv reads as a package index; use a PyPI-compatible index for more (packageIndex: { kind: pypi, url: … })`,
    );
  const over = nodeCapOffset(text, MAX_INDEX_NODES);
  if (over !== undefined) {
    const line = text.slice(0, over).split("\n").length;
    const column = over - text.lastIndexOf("\n", over - 1);
    throw new Error(
      `${file}:${line}:${column}: more than ${MAX_INDEX_NODES} YAML nodes, the most labenv reads as a package index; use a PyPI-compatible index for more`,
    );
  }
  const lineCounter = new LineCounter();
  // uniqueKeys off: the parser's check is quadratic; duplicates are found in linear time below.
  const doc = parseDocument(text, { uniqueKeys: false, strict: true, lineCounter });
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    const e = [...doc.errors, ...doc.warnings][0]!;
    throw new Error(`${file}: ${e.message.split("\n")[0]}`);
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const p = lineCounter.linePos(duplicate.offset);
    throw new Error(
      `${file}:${p.line}:${p.col}: duplicate key \`${duplicate.key}\` in one mapping (each package and version is listed once)`,
    );
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
