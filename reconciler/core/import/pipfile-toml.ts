/**
 * The part of TOML that Pipfiles use: `[table]` and `[[array of tables]]`
 * headers, `key = value` with bare or quoted keys, and values that are basic
 * or literal strings, booleans, numbers, arrays and inline tables. Each value
 * remembers the line and column where it starts. Anything else is an error
 * with its position; nothing is guessed.
 */
export type TomlValue =
  | { readonly kind: "string"; readonly value: string; readonly at: At }
  | { readonly kind: "boolean"; readonly value: boolean; readonly at: At }
  | { readonly kind: "number"; readonly value: number; readonly at: At }
  | { readonly kind: "array"; readonly items: readonly TomlValue[]; readonly at: At }
  | { readonly kind: "table"; readonly entries: readonly TomlEntry[]; readonly at: At };

export interface At {
  readonly line: number;
  readonly column: number;
}

export interface TomlEntry {
  readonly key: string;
  readonly at: At;
  readonly value: TomlValue;
}

export interface TomlSection {
  /** `packages`, `source` (for `[[source]]`), … */
  readonly name: string;
  readonly array: boolean;
  readonly at: At;
  readonly entries: readonly TomlEntry[];
}

export type TomlResult =
  | { readonly ok: true; readonly sections: readonly TomlSection[] }
  | { readonly ok: false; readonly at: At; readonly message: string };

const MAX_DEPTH = 32;
const BARE_KEY = /[A-Za-z0-9_-]+/y;
const NUMBER = /[+-]?\d[\d_]*(?:\.\d+)?/y;

class TomlProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseToml(text: string): TomlResult {
  let pos = 0;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === "\n") lineStarts.push(i + 1);
  const at = (offset: number): At => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const fail = (message: string, offset = pos): never => {
    throw new TomlProblem(offset, message);
  };
  const blank = (newlines: boolean) => {
    for (;;) {
      const c = text[pos];
      if (c === " " || c === "\t" || c === "\r" || (newlines && c === "\n")) pos += 1;
      else if (c === "#") while (pos < text.length && text[pos] !== "\n") pos += 1;
      else return;
    }
  };
  const key = (): string => {
    const c = text[pos];
    if (c === '"' || c === "'") {
      const v = string();
      return v.value;
    }
    BARE_KEY.lastIndex = pos;
    const m = BARE_KEY.exec(text);
    if (!m) return fail("expected a key");
    pos += m[0].length;
    return m[0];
  };
  const dottedKey = (): string => {
    const parts = [key()];
    blank(false);
    while (text[pos] === ".") {
      pos += 1;
      blank(false);
      parts.push(key());
      blank(false);
    }
    return parts.join(".");
  };
  const string = (): { kind: "string"; value: string; at: At } => {
    const start = pos;
    const quote = text[pos];
    if (text.startsWith(quote!.repeat(3), pos)) fail("multi-line strings are not supported here");
    pos += 1;
    let value = "";
    while (text[pos] !== quote) {
      const c = text[pos];
      if (c === undefined || c === "\n") fail("unterminated string", start);
      if (quote === '"' && c === "\\") {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r" };
        if (e === undefined || simple[e] === undefined) fail(`unsupported escape \\${e ?? ""}`);
        value += simple[e!];
        pos += 2;
      } else {
        value += c;
        pos += 1;
      }
    }
    pos += 1;
    return { kind: "string", value, at: at(start) };
  };
  const value = (depth: number): TomlValue => {
    if (depth > MAX_DEPTH) fail(`values nested more than ${MAX_DEPTH} deep`);
    const start = pos;
    const c = text[pos];
    if (c === '"' || c === "'") return string();
    if (text.startsWith("true", pos) || text.startsWith("false", pos)) {
      const v = text.startsWith("true", pos);
      pos += v ? 4 : 5;
      return { kind: "boolean", value: v, at: at(start) };
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number) {
      pos += number[0].length;
      return { kind: "number", value: Number(number[0].replaceAll("_", "")), at: at(start) };
    }
    if (c === "[") {
      pos += 1;
      const items: TomlValue[] = [];
      for (;;) {
        blank(true);
        if (text[pos] === "]") break;
        items.push(value(depth + 1));
        blank(true);
        if (text[pos] === ",") pos += 1;
        else if (text[pos] !== "]") fail("expected , or ] in the array");
      }
      pos += 1;
      return { kind: "array", items, at: at(start) };
    }
    if (c === "{") {
      pos += 1;
      const entries: TomlEntry[] = [];
      blank(false);
      while (text[pos] !== "}") {
        const keyAt = at(pos);
        const k = dottedKey();
        if (text[pos] !== "=") fail("expected = after the key");
        pos += 1;
        blank(false);
        if (entries.some((e) => e.key === k)) fail(`duplicate key ${k}`);
        entries.push({ key: k, at: keyAt, value: value(depth + 1) });
        blank(false);
        if (text[pos] === ",") {
          pos += 1;
          blank(false);
        } else if (text[pos] !== "}") fail("expected , or } in the inline table");
      }
      pos += 1;
      return { kind: "table", entries, at: at(start) };
    }
    return fail("expected a value: a string, true/false, a number, [array] or {table}");
  };
  const sections: {
    name: string;
    array: boolean;
    at: At;
    entries: TomlEntry[];
    keys: Set<string>;
  }[] = [];
  try {
    let current: (typeof sections)[number] | undefined;
    for (;;) {
      blank(true);
      if (pos >= text.length) break;
      const start = pos;
      if (text[pos] === "[") {
        const array = text[pos + 1] === "[";
        pos += array ? 2 : 1;
        blank(false);
        const name = dottedKey();
        if (!text.startsWith(array ? "]]" : "]", pos)) fail(`expected ${array ? "]]" : "]"}`);
        pos += array ? 2 : 1;
        if (!array && sections.some((s) => s.name === name && !s.array))
          fail(`table [${name}] is defined twice`, start);
        current = { name, array, at: at(start), entries: [], keys: new Set() };
        sections.push(current);
      } else {
        const keyAt = at(pos);
        const k = dottedKey();
        if (text[pos] !== "=") fail("expected = after the key");
        pos += 1;
        blank(false);
        if (!current) {
          current = { name: "", array: false, at: at(0), entries: [], keys: new Set() };
          sections.push(current);
        }
        if (current.keys.has(k)) fail(`duplicate key ${k}`, start);
        current.keys.add(k);
        current.entries.push({ key: k, at: keyAt, value: value(0) });
      }
      blank(false);
      if (pos < text.length && text[pos] !== "\n") fail("expected the end of the line");
    }
  } catch (e) {
    if (e instanceof TomlProblem) return { ok: false, at: at(e.offset), message: e.message };
    throw e;
  }
  return { ok: true, sections: sections.map(({ keys: _keys, ...section }) => section) };
}
