/**
 * Scalars for the fast YAML subset reader: plain, single- and double-quoted
 * values and flow sequences of plain scalars, resolved by the YAML 1.2 core
 * schema exactly as `yaml` does. Anything else throws `Unsupported`.
 */
export class Unsupported extends Error {}

const UNSUPPORTED = new Unsupported("outside the fast YAML subset");

export function unsupported(): never {
  throw UNSUPPORTED;
}

export function parseInlineValue(text: string): unknown {
  const c = text[0]!;
  if (c === '"') return quoted(text, doubleQuotedEnd(text), decodeDoubleQuoted);
  if (c === "'") return quoted(text, singleQuotedEnd(text), (body) => body.replace(/''/g, "'"));
  if (c === "[") return flowSequence(text);
  if (c === "{") {
    if (afterValue(text, text.indexOf("}")) && text.startsWith("{}")) return {};
    unsupported();
  }
  if ("&*!|>%@`,]}?:-#".includes(c) && !(c === "-" && text.length > 1 && text[1] !== " "))
    unsupported();
  return resolvePlain(plainText(text));
}

function quoted(text: string, close: number, decode: (body: string) => string): string {
  if (close < 0 || !afterValue(text, close)) unsupported();
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
  const value = hash >= 0 ? text.slice(0, hash).trimEnd() : text;
  if (value.includes(": ") || value.charCodeAt(value.length - 1) === 58) unsupported();
  return value;
}

export function doubleQuotedEnd(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

export function singleQuotedEnd(text: string): number {
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
  if (/\\(?!["\\/nrtbf]|u[0-9a-fA-F]{4})/.test(body)) unsupported();
  return JSON.parse(`"${body}"`) as string;
}

function flowSequence(text: string): unknown[] {
  const close = text.indexOf("]");
  if (close < 0 || !afterValue(text, close)) unsupported();
  const body = text.slice(1, close).trim();
  if (body === "") return [];
  if (/["'\[\]{}#&*!|>%@`?:]/.test(body)) unsupported();
  return body.split(",").map((item) => {
    const t = item.trim();
    if (t === "" || t.startsWith("-")) unsupported();
    return resolvePlain(t);
  });
}

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["true", "True", "TRUE"]);
const FALSES = new Set(["false", "False", "FALSE"]);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Resolves a plain scalar by the YAML 1.2 core schema (as `yaml` does by default). */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most scalars start with a letter that begins no null, boolean or number: a string.
  if (
    ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) &&
    c !== 110 &&
    c !== 78 &&
    c !== 116 &&
    c !== 84 &&
    c !== 102 &&
    c !== 70
  )
    return text;
  // Digits with two dots (a version) are neither integer nor float.
  if (c >= 48 && c <= 57 && text.indexOf(".") !== text.lastIndexOf(".")) return text;
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  if (INT.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) unsupported();
    return n;
  }
  if (FLOAT.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(text) || /^0[ox]/.test(text)) unsupported();
  return text;
}
