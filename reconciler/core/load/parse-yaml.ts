import { LineCounter, parseAllDocuments, type Document } from "yaml";
import type { Diagnostic } from "../model/diagnostic.js";
import { PositionIndex } from "./positions.js";
import { parseSimpleYaml } from "./simple-yaml.js";
import { countNodes, firstDuplicateKey, MAX_DOCUMENT_NODES, nodeCapOffset } from "./yaml-limits.js";

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** The most YAML aliases a document may expand (stops "billion laughs"). */
export const MAX_ALIASES = 50;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface ParsedYaml {
  value: unknown;
  positions: PositionIndex;
  text: string;
}

export type ParseResult =
  { ok: true; parsed: ParsedYaml } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses one YAML file into plain data with source positions. Never throws:
 * every problem (bad encoding, binary content, syntax, duplicate keys, tabs,
 * unknown tags, alias bombs, several documents in one file, dangerous keys)
 * comes back as a diagnostic with a line and column.
 */
export function parseYamlFile(file: string, content: Uint8Array | string): ParseResult {
  const fail = (line: number, column: number, message: string, hint?: string): ParseResult => ({
    ok: false,
    diagnostics: [
      { file, line, column, severity: "error", code: "yaml", message, ...(hint ? { hint } : {}) },
    ],
  });
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  if (size > MAX_FILE_BYTES) {
    return fail(
      1,
      1,
      `file is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the most labenv reads as one document`,
      "split the document or remove generated content",
    );
  }
  let text: string;
  if (typeof content === "string") text = content;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch {
      const at = firstInvalidUtf8(content);
      const pos = lineColOfByte(content, at);
      return fail(pos.line, pos.column, "file is not valid UTF-8", "save the file as UTF-8");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const p = lineColOfOffset(text, nul);
    return fail(
      p.line,
      p.column,
      "file contains binary data (a NUL byte)",
      "labenv documents are YAML text",
    );
  }
  // Fast path: the plain YAML subset labenv's files use, read ten times faster;
  // anything outside it (and every error) goes through the full parser below.
  const tooMany = (offset: number): ParseResult => {
    const p = lineColOfOffset(text, offset);
    return fail(
      p.line,
      p.column,
      `file holds more than ${MAX_DOCUMENT_NODES} YAML nodes (keys, values and aliases), the most labenv reads in one document`,
      "split the document or remove generated content",
    );
  };
  const fast = parseSimpleYaml(text);
  if (fast !== null && typeof fast === "object" && !findForbiddenKey(fast, [])) {
    if (countNodes(fast, MAX_DOCUMENT_NODES) > MAX_DOCUMENT_NODES)
      return tooMany(nodeCapOffset(text, MAX_DOCUMENT_NODES) ?? 0);
    return { ok: true, parsed: { value: fast, positions: PositionIndex.lazy(text), text } };
  }
  // Count before the full parse (one linear lexer pass): its cost must stay bounded.
  const over = nodeCapOffset(text, MAX_DOCUMENT_NODES);
  if (over !== undefined) return tooMany(over);
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      // The parser's own check compares each key with every earlier one
      // (quadratic); duplicates are found below with one set per mapping.
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
      merge: false,
      stringKeys: false,
    }) as Document.Parsed[];
  } catch (e) {
    return fail(1, 1, `YAML could not be parsed: ${(e as Error).message}`);
  }
  if (!Array.isArray(docs)) docs = [docs];
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    for (const problem of [...doc.errors, ...doc.warnings]) {
      const p = lineCounter.linePos(problem.pos[0]);
      diagnostics.push({
        file,
        line: p.line,
        column: p.col,
        severity: "error",
        code: "yaml",
        message: yamlMessage(problem.code, problem.message),
      });
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  if (docs.length > 1) {
    const second = docs[1]?.range[0] ?? 0;
    const p = lineCounter.linePos(second);
    return fail(
      p.line,
      p.col,
      `file holds ${docs.length} YAML documents; labenv expects exactly one per file`,
      "move each document to its own file",
    );
  }
  const doc = docs[0];
  const duplicate = doc ? firstDuplicateKey(doc) : undefined;
  if (duplicate) {
    const p = lineCounter.linePos(duplicate.offset);
    return fail(
      p.line,
      p.col,
      `duplicate key: Map keys must be unique (\`${duplicate.key}\` appears twice in one mapping)`,
      "keep one of them",
    );
  }
  if (!doc || doc.contents === null)
    return fail(
      1,
      1,
      "file is empty",
      "a labenv document starts with `apiVersion: labenv.westtek.io/v1`",
    );
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const message = (e as Error).message;
    return fail(
      1,
      1,
      /alias/i.test(message)
        ? `too many YAML alias expansions (${message})`
        : `YAML could not be read: ${message}`,
      "write the values out instead of using anchors and aliases",
    );
  }
  const positions = PositionIndex.of(doc, lineCounter);
  const bad = findForbiddenKey(value, []);
  if (bad) {
    const p = positions.at(bad, { key: true });
    return fail(
      p.line,
      p.column,
      `key \`${String(bad[bad.length - 1])}\` is not allowed`,
      "rename the key; `__proto__`, `constructor` and `prototype` are reserved",
    );
  }
  return { ok: true, parsed: { value, positions, text } };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  if (code === "DUPLICATE_KEY") return `duplicate key: ${first}`;
  if (code === "TAB_AS_INDENT" || /tab/i.test(first))
    return `tabs are not allowed for indentation in YAML: ${first}`;
  if (code === "TAG_RESOLVE_FAILED") return `unknown YAML tag: ${first}`;
  return first;
}

function findForbiddenKey(
  value: unknown,
  path: (string | number)[],
): (string | number)[] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function lineColOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) ((line += 1), (last = i));
  return { line, column: offset - last };
}

function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) ((line += 1), (last = i));
  return { line, column: offset - last };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}
