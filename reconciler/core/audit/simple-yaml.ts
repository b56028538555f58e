/**
 * A fast reader for the plain subset of YAML that labenv's generated files
 * (and most hand-written ones) use: block mappings and sequences, plain,
 * single- and double-quoted scalars, flow sequences of scalars, comments.
 * Anything else (anchors, tags, block scalars, multi-line scalars, nested
 * flow collections, unusual escapes) returns `undefined` so the caller falls
 * back to the full parser; where it answers, it answers exactly as
 * `yaml.parse` does with the YAML 1.2 core schema. It exists because audits
 * read thousands of lock files and the full parser costs milliseconds each.
 */
interface Line {
  indent: number;
  text: string;
}

class Unsupported extends Error {}

export function parseSimpleYaml(source: string): unknown {
  try {
    const lines = toLines(source);
    if (lines.length === 0) return null;
    const cursor = { i: 0 };
    const first = lines[0]!;
    const value = parseBlock(lines, cursor, first.indent);
    if (cursor.i < lines.length) throw new Unsupported();
    return value;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function toLines(source: string): Line[] {
  const out: Line[] = [];
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let seenContent = false;
  while (start <= source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    let raw = source.slice(start, end);
    start = end + 1;
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    if (raw.includes("\t") || raw.includes("\r")) throw new Unsupported();
    const text = raw.trimStart();
    if (text === "" || text.startsWith("#")) continue;
    const indent = raw.length - text.length;
    if (text.startsWith("%") || text.startsWith("...")) throw new Unsupported();
    if (text.startsWith("---")) {
      if (seenContent || indent > 0 || text.trimEnd() !== "---") throw new Unsupported();
      continue;
    }
    seenContent = true;
    out.push({ indent, text: text.trimEnd() });
  }
  return out;
}

function isSequenceItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

function parseBlock(lines: Line[], cursor: { i: number }, indent: number): unknown {
  const line = lines[cursor.i]!;
  if (line.indent !== indent) throw new Unsupported();
  return isSequenceItem(line.text) ? parseSequence(lines, cursor, indent) : parseMapping(lines, cursor, indent);
}

function parseSequence(lines: Line[], cursor: { i: number }, indent: number): unknown[] {
  const items: unknown[] = [];
  while (cursor.i < lines.length) {
    const line = lines[cursor.i]!;
    if (line.indent < indent) break;
    if (line.indent > indent || !isSequenceItem(line.text)) throw new Unsupported();
    const rest = line.text.slice(1).trimStart();
    const column = indent + (line.text.length - rest.length);
    if (rest === "") {
      cursor.i++;
      items.push(nestedOrNull(lines, cursor, indent, false));
    } else if (isSequenceItem(rest)) {
      throw new Unsupported();
    } else if (mappingKeyEnd(rest) >= 0) {
      lines[cursor.i] = { indent: column, text: rest };
      items.push(parseMapping(lines, cursor, column));
    } else {
      cursor.i++;
      items.push(parseInlineValue(rest));
      assertNoContinuation(lines, cursor, indent);
    }
  }
  return items;
}

function parseMapping(lines: Line[], cursor: { i: number }, indent: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  while (cursor.i < lines.length) {
    const line = lines[cursor.i]!;
    if (line.indent < indent) break;
    if (line.indent > indent || isSequenceItem(line.text)) throw new Unsupported();
    const end = mappingKeyEnd(line.text);
    if (end < 0) throw new Unsupported();
    const key = parseKey(line.text.slice(0, end));
    if (Object.prototype.hasOwnProperty.call(map, key)) throw new Unsupported();
    const rest = stripComment(line.text.slice(end + 1));
    cursor.i++;
    const value = rest === "" ? nestedOrNull(lines, cursor, indent, true) : parseInlineValue(rest);
    if (rest !== "") assertNoContinuation(lines, cursor, indent);
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return map;
}

/** The value of `key:` or `-` with nothing after it: a nested block or null. */
function nestedOrNull(lines: Line[], cursor: { i: number }, indent: number, inMapping: boolean): unknown {
  const next = lines[cursor.i];
  if (!next) return null;
  if (next.indent > indent) return parseBlock(lines, cursor, next.indent);
  if (inMapping && next.indent === indent && isSequenceItem(next.text)) return parseSequence(lines, cursor, indent);
  return null;
}

function assertNoContinuation(lines: Line[], cursor: { i: number }, indent: number): void {
  const next = lines[cursor.i];
  if (next && next.indent > indent) throw new Unsupported();
}

/** Index of the `:` that ends a mapping key on this line, or -1. */
function mappingKeyEnd(text: string): number {
  const q = text[0];
  if (q === '"' || q === "'") {
    const close = q === '"' ? doubleQuotedEnd(text) : singleQuotedEnd(text);
    if (close < 0) return -1;
    return text[close + 1] === ":" && (close + 2 === text.length || text[close + 2] === " ") ? close + 1 : -1;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ":" && (i + 1 === text.length || text[i + 1] === " ")) return i;
    if (c === "#" && i > 0 && text[i - 1] === " ") return -1;
  }
  return -1;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.\/@+-]*$/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function parseKey(raw: string): string {
  const text = raw.trimEnd();
  if (text.startsWith('"') || text.startsWith("'")) {
    const v = parseInlineValue(text);
    if (typeof v !== "string" || FORBIDDEN_KEYS.has(v)) throw new Unsupported();
    return v;
  }
  if (!PLAIN_KEY.test(text) || resolvePlain(text) !== text || FORBIDDEN_KEYS.has(text)) throw new Unsupported();
  return text;
}

function stripComment(text: string): string {
  const t = text.trim();
  if (t.startsWith("#")) return "";
  return t;
}

function parseInlineValue(text: string): unknown {
  const c = text[0]!;
  if (c === '"') return quoted(text, doubleQuotedEnd(text), decodeDoubleQuoted);
  if (c === "'") return quoted(text, singleQuotedEnd(text), (body) => body.replace(/''/g, "'"));
  if (c === "[") return flowSequence(text);
  if (c === "{") {
    if (afterValue(text, text.indexOf("}")) && text.startsWith("{}")) return {};
    throw new Unsupported();
  }
  if ("&*!|>%@`,]}?:-#".includes(c) && !(c === "-" && text.length > 1 && text[1] !== " ")) throw new Unsupported();
  return resolvePlain(plainText(text));
}

function quoted(text: string, close: number, decode: (body: string) => string): string {
  if (close < 0 || !afterValue(text, close)) throw new Unsupported();
  return decode(text.slice(1, close));
}

/** Whether only whitespace or a comment follows the character at `close`. */
function afterValue(text: string, close: number): boolean {
  if (close < 0) return false;
  const rest = text.slice(close + 1);
  return rest.trim() === "" || /^\s+#/.test(rest);
}

function plainText(text: string): string {
  const hash = text.indexOf(" #");
  const value = (hash >= 0 ? text.slice(0, hash) : text).trimEnd();
  if (value.includes(": ") || value.endsWith(":") || value.includes(" #")) throw new Unsupported();
  return value;
}

function doubleQuotedEnd(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function singleQuotedEnd(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function decodeDoubleQuoted(body: string): string {
  if (!body.includes("\\")) return body;
  if (/\\(?!["\\/nrtbf]|u[0-9a-fA-F]{4})/.test(body)) throw new Unsupported();
  return JSON.parse(`"${body}"`) as string;
}

function flowSequence(text: string): unknown[] {
  const close = text.indexOf("]");
  if (close < 0 || !afterValue(text, close)) throw new Unsupported();
  const body = text.slice(1, close).trim();
  if (body === "") return [];
  if (/["'\[\]{}#&*!|>%@`?:]/.test(body)) throw new Unsupported();
  return body.split(",").map((item) => {
    const t = item.trim();
    if (t === "" || t.startsWith("-")) throw new Unsupported();
    return resolvePlain(t);
  });
}

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["true", "True", "TRUE"]);
const FALSES = new Set(["false", "False", "FALSE"]);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Resolves a plain scalar by the YAML 1.2 core schema (as `yaml` does by default). */
function resolvePlain(text: string): unknown {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  if (INT.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new Unsupported();
    return n;
  }
  if (FLOAT.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(text) || /^0[ox]/.test(text)) throw new Unsupported();
  return text;
}
