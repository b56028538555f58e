import { parse } from "yaml";
import { parseSimpleYaml } from "../load/simple-yaml.js";

/**
 * Reads git objects (blob texts keyed by object id) as YAML documents, each
 * parsed once. Parsing never throws: a blob that is not YAML reads as
 * `undefined` and the audit says the file could not be read. Ids asked for
 * but not yet available are remembered, so a caller can fetch them and ask
 * again.
 */
export interface DocumentReader {
  /** The parsed document, `undefined` when unreadable or not yet available. */
  document(id: string | undefined): unknown;
  /** The raw text (of objects not read as documents, e.g. commits), `undefined` when not available. */
  text(id: string | undefined): string | undefined;
  has(id: string): boolean;
  /** Notes ids that will be needed, without reading them: they come back from `takeMissing`. */
  want(ids: Iterable<string>): void;
  add(objects: ReadonlyMap<string, string>): void;
  /** A value computed from a document once per object id (e.g. a lock's package map). */
  derived<T>(id: string | undefined, name: string, compute: (doc: unknown) => T): T;
  /** Ids that were asked for and are not available, since the last call. */
  takeMissing(): string[];
}

export function createDocumentReader(
  objects: ReadonlyMap<string, string> = new Map(),
): DocumentReader {
  const texts = new Map(objects);
  const parsed = new Map<string, unknown>();
  const missing = new Set<string>();
  const derivedValues = new Map<string, unknown>();
  return {
    document(id) {
      if (id === undefined) return undefined;
      if (parsed.has(id)) return parsed.get(id);
      const text = texts.get(id);
      if (text === undefined) {
        missing.add(id);
        return undefined;
      }
      const value = parseYamlText(text);
      parsed.set(id, value);
      // Once parsed, the text is not needed again: keeping thousands of locks' bytes only slows the collector.
      texts.set(id, "");
      return value;
    },
    text(id) {
      if (id === undefined) return undefined;
      const text = texts.get(id);
      if (text === undefined) missing.add(id);
      return text;
    },
    has: (id) => texts.has(id),
    want(ids) {
      for (const id of ids) if (!texts.has(id)) missing.add(id);
    },
    add(more) {
      for (const [k, v] of more) texts.set(k, v);
    },
    derived<T>(id: string | undefined, name: string, compute: (doc: unknown) => T): T {
      if (id === undefined || !texts.has(id)) return compute(this.document(id));
      const key = `${name}\0${id}`;
      if (!derivedValues.has(key)) derivedValues.set(key, compute(this.document(id)));
      return derivedValues.get(key) as T;
    },
    takeMissing() {
      const out = [...missing].filter((id) => !texts.has(id));
      missing.clear();
      return out;
    },
  };
}

/** YAML text → plain data: the fast subset reader first, the full parser when it declines. */
export function parseYamlText(text: string): unknown {
  const simple = parseSimpleYaml(text);
  if (simple !== undefined) return simple;
  try {
    return parse(text, { maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}
