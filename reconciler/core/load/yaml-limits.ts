import { isMap, isPair, isScalar, isSeq, Lexer, type Document, type LineCounter } from "yaml";
import type { Diagnostic } from "../model/diagnostic.js";

/**
 * The most YAML nodes (scalars and aliases) one labenv document may hold.
 * The largest real documents (locks, domain packs) hold a few thousand; a
 * file of tens of thousands of keys is an attack or a mistake, and is
 * refused before the full parse so its cost stays linear.
 */
export const MAX_DOCUMENT_NODES = 25_000;

/** The most findings reported for one file; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_FILE = 100;

const SCALAR_MARKER = "\u001f";
const MARKERS = new Set(["\u0002", "\u0018", SCALAR_MARKER]);

/**
 * One linear pass of the YAML lexer: the character offset of the node that
 * goes over `max` nodes, or undefined when the text stays within it.
 */
export function nodeCapOffset(text: string, max: number): number | undefined {
  let nodes = 0;
  let offset = 0;
  let pendingScalar = false;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && MARKERS.has(token)) {
      if (token === SCALAR_MARKER) pendingScalar = true;
      continue;
    }
    const first = token.charCodeAt(0);
    // A plain or block scalar follows its marker; quoted scalars and aliases stand alone.
    if (
      pendingScalar ||
      first === 0x27 /* ' */ ||
      first === 0x22 /* " */ ||
      first === 0x2a /* * */
    ) {
      nodes += 1;
      if (nodes > max) return offset;
    }
    pendingScalar = false;
    offset += token.length;
  }
  return undefined;
}

/** How many scalar leaves and keys `value` holds (plain data from the fast reader). */
export function countNodes(value: unknown, max: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= max) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === "object") {
      for (const [, x] of Object.entries(v)) {
        count += 1; // the key
        stack.push(x);
      }
    } else count += 1;
  }
  return count;
}

/**
 * The first duplicate key of any mapping in `doc`, found in linear time (one
 * set per mapping) instead of the parser's comparison of each key with every
 * earlier one. Returns the key's offset and text.
 */
export function firstDuplicateKey(
  doc: Document.Parsed,
): { offset: number; key: string } | undefined {
  const stack: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (keys.has(key)) return { offset: pair.key.range?.[0] ?? 0, key };
          keys.add(key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return undefined;
}

/** Keeps at most MAX_FINDINGS_PER_FILE findings of each file, adding one that says how many more there are. */
export function capFindingsPerFile(
  diagnostics: readonly Diagnostic[],
  max = MAX_FINDINGS_PER_FILE,
): Diagnostic[] {
  const perFile = new Map<string, number>();
  const out: Diagnostic[] = [];
  const dropped = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.code === "too-many-findings") {
      out.push(d); // an earlier cap's count of what it left out stays
      continue;
    }
    const n = (perFile.get(d.file) ?? 0) + 1;
    perFile.set(d.file, n);
    if (n <= max) out.push(d);
    else {
      const list = dropped.get(d.file);
      if (list) list.push(d);
      else dropped.set(d.file, [d]);
    }
  }
  for (const [file, rest] of dropped) {
    const errors = rest.filter((d) => d.severity === "error").length;
    out.push({
      file,
      line: rest[0]!.line,
      column: rest[0]!.column,
      severity: errors > 0 ? "error" : "warning",
      code: "too-many-findings",
      message: `${rest.length} more findings in this file are not listed (${errors} errors): only the first ${max} of each file are`,
      hint: "fix the findings above and validate again",
    });
  }
  return out;
}

/** Line and column of an offset, through the parser's line counter. */
export function positionOf(lineCounter: LineCounter, offset: number) {
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}
