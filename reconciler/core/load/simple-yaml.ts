import {
  doubleQuotedEnd,
  parseInlineValue,
  resolvePlain,
  singleQuotedEnd,
  Unsupported,
  unsupported,
} from "./simple-yaml-scalars.js";

/**
 * A fast reader for the plain subset of YAML that labenv's generated files
 * (and most hand-written ones) use: block mappings and sequences, plain,
 * single- and double-quoted scalars, flow sequences of scalars, comments.
 * Anything else (anchors, tags, block scalars, multi-line scalars, nested
 * flow collections, unusual escapes) returns `undefined` so the caller falls
 * back to the full parser; where it answers, it answers exactly as
 * `yaml.parse` does with the YAML 1.2 core schema (a differential test holds
 * it to that). It exists because audits read thousands of lock files and the
 * full parser costs milliseconds each. It walks the text line by line
 * without building line objects: only keys and values become strings.
 */
export function parseSimpleYaml(input: string): unknown {
  try {
    const src = normalize(input);
    const c = new LineCursor(src);
    if (c.eof) return null;
    const value = parseBlock(c, c.indent);
    if (!c.eof) unsupported();
    return value;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function normalize(input: string): string {
  if (input.includes("\t")) unsupported();
  let src = input.includes("\r") ? input.replace(/\r\n/g, "\n") : input;
  if (src.includes("\r")) unsupported();
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  return src;
}

/** The current content line: `src[start, end)` with trailing spaces removed, its indentation, and where the next line begins. */
class LineCursor {
  start = 0;
  end = 0;
  indent = 0;
  eof = false;
  private next = 0;
  private seenContent = false;
  private seenMarker = false;
  constructor(readonly src: string) {
    this.advance();
  }

  advance(): void {
    const src = this.src;
    const length = src.length;
    while (this.next <= length) {
      const lineStart = this.next;
      let end = src.indexOf("\n", lineStart);
      if (end < 0) end = length;
      this.next = end + 1;
      let first = lineStart;
      while (first < end && src.charCodeAt(first) === 32) first++;
      if (first === end) continue;
      const c = src.charCodeAt(first);
      if (c === 35 /* # */) continue;
      while (end > first && src.charCodeAt(end - 1) === 32) end--;
      if (c === 37 /* % */ || src.startsWith("...", first)) unsupported();
      if (c === 45 /* - */ && src.startsWith("---", first)) {
        // One document start marker, before any content: a second one is a second document.
        if (this.seenContent || this.seenMarker || first > lineStart || end - first !== 3)
          unsupported();
        this.seenMarker = true;
        continue;
      }
      this.seenContent = true;
      this.start = first;
      this.end = end;
      this.indent = first - lineStart;
      return;
    }
    this.eof = true;
  }

  /** Whether the current line is a block sequence item (`-` alone or `- …`). */
  isSequenceItem(): boolean {
    return (
      this.src.charCodeAt(this.start) === 45 &&
      (this.end === this.start + 1 || this.src.charCodeAt(this.start + 1) === 32)
    );
  }
}

function parseBlock(c: LineCursor, indent: number): unknown {
  if (c.indent !== indent) unsupported();
  return c.isSequenceItem() ? parseSequence(c, indent) : parseMapping(c, indent);
}

function parseSequence(c: LineCursor, indent: number): unknown[] {
  const items: unknown[] = [];
  const src = c.src;
  while (!c.eof) {
    if (c.indent < indent) break;
    if (c.indent > indent || !c.isSequenceItem()) unsupported();
    let restStart = c.start + 1;
    while (restStart < c.end && src.charCodeAt(restStart) === 32) restStart++;
    if (restStart === c.end) {
      c.advance();
      items.push(nestedOrNull(c, indent, false));
      continue;
    }
    const third = src.charCodeAt(restStart + 1);
    if (src.charCodeAt(restStart) === 45 && (restStart + 1 === c.end || third === 32))
      unsupported();
    if (mappingKeyEnd(src, restStart, c.end) >= 0) {
      // `- key: value` opens a mapping whose keys line up with `key`.
      c.indent += restStart - c.start;
      c.start = restStart;
      items.push(parseMapping(c, c.indent));
    } else {
      const text = src.slice(restStart, c.end);
      c.advance();
      items.push(parseInlineValue(text));
      assertNoContinuation(c, indent);
    }
  }
  return items;
}

function parseMapping(c: LineCursor, indent: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  const src = c.src;
  while (!c.eof) {
    if (c.indent < indent) break;
    if (c.indent > indent || c.isSequenceItem()) unsupported();
    const colon = mappingKeyEnd(src, c.start, c.end);
    if (colon < 0) unsupported();
    const key = parseKey(src.slice(c.start, colon));
    if (Object.prototype.hasOwnProperty.call(map, key)) unsupported();
    let valueStart = colon + 1;
    while (valueStart < c.end && src.charCodeAt(valueStart) === 32) valueStart++;
    const empty = valueStart === c.end || src.charCodeAt(valueStart) === 35;
    const text = empty ? "" : src.slice(valueStart, c.end);
    c.advance();
    map[key] = empty ? nestedOrNull(c, indent, true) : parseInlineValue(text); // keys that could reach the prototype are refused in parseKey
    if (!empty) assertNoContinuation(c, indent);
  }
  return map;
}

/** The value of `key:` or `-` with nothing after it: a nested block or null. */
function nestedOrNull(c: LineCursor, indent: number, inMapping: boolean): unknown {
  if (c.eof) return null;
  if (c.indent > indent) return parseBlock(c, c.indent);
  if (inMapping && c.indent === indent && c.isSequenceItem()) return parseSequence(c, indent);
  return null;
}

function assertNoContinuation(c: LineCursor, indent: number): void {
  if (!c.eof && c.indent > indent) unsupported();
}

/** Index of the `:` that ends a mapping key in `src[start, end)`, or -1. */
function mappingKeyEnd(src: string, start: number, end: number): number {
  const q = src.charCodeAt(start);
  if (q === 34 || q === 39) {
    const text = src.slice(start, end);
    const close = q === 34 ? doubleQuotedEnd(text) : singleQuotedEnd(text);
    if (close < 0) return -1;
    return text.charCodeAt(close + 1) === 58 &&
      (close + 2 === text.length || text.charCodeAt(close + 2) === 32)
      ? start + close + 1
      : -1;
  }
  // Bounded scans: searching the whole text from every line would be quadratic.
  for (let i = start; i < end; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 58 /* : */ && (i + 1 === end || src.charCodeAt(i + 1) === 32)) return i;
    if (ch === 35 /* # */ && i > start && src.charCodeAt(i - 1) === 32) return -1;
  }
  return -1;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.\/@+-]*$/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Keys every labenv document repeats, known to be plain and safe (a switch: cheaper than hashing each fresh key). */
function isCommonKey(text: string): boolean {
  switch (text) {
    case "name":
    case "version":
    case "source":
    case "sha256":
    case "requestedAs":
    case "language":
    case "displayName":
    case "key":
    case "apiVersion":
    case "kind":
    case "metadata":
    case "spec":
    case "lab":
      return true;
    default:
      return false;
  }
}

function parseKey(raw: string): string {
  const text = raw.charCodeAt(raw.length - 1) === 32 ? raw.trimEnd() : raw;
  if (isCommonKey(text)) return text;
  if (text.startsWith('"') || text.startsWith("'")) {
    const v = parseInlineValue(text);
    if (typeof v !== "string" || FORBIDDEN_KEYS.has(v)) unsupported();
    return v;
  }
  if (!PLAIN_KEY.test(text) || resolvePlain(text) !== text || FORBIDDEN_KEYS.has(text))
    unsupported();
  return text;
}
