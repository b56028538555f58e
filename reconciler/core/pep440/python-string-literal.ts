import { failure, success, type Result } from "./result.js";

/**
 * The value of a quoted marker string such as `"3.11"` or `'linux'`. pip reads
 * these as Python string literals, so backslash escapes apply (`"\x41"` is `A`)
 * and a raw line break or NUL inside the quotes is an error.
 * `\N{NAME}` escapes are refused: labenv carries no Unicode name table.
 */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\u0007",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** `literal` includes its quotes; `column` is the 1-based column of its opening quote. */
export function decodePythonStringLiteral(literal: string, column: number): Result<string> {
  const body = literal.slice(1, -1);
  let value = "";
  let i = 0;
  const expected = "a quoted string with valid Python escapes";
  while (i < body.length) {
    const char = body[i] ?? "";
    const at = column + 1 + i;
    if (char === "\n" || char === "\r")
      return failure("unterminated string literal (line break inside quotes)", at, expected);
    if (char === "\u0000")
      return failure("a NUL character is not allowed in a marker string", at, expected);
    if (char !== "\\") {
      value += char;
      i += 1;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined)
      return failure(
        "unterminated string literal (the backslash escapes the closing quote)",
        at,
        expected,
      );
    if (next === "\n") {
      i += 2;
    } else if (next === "\r") {
      i += body[i + 2] === "\n" ? 3 : 2;
    } else if (SIMPLE_ESCAPES[next] !== undefined) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? next;
      value += String.fromCodePoint(parseInt(digits, 8));
      i += 1 + digits.length;
    } else if (HEX_LENGTH[next] !== undefined) {
      const length = HEX_LENGTH[next] ?? 0;
      const digits = body.slice(i + 2, i + 2 + length);
      const code =
        /^[0-9a-fA-F]+$/.test(digits) && digits.length === length ? parseInt(digits, 16) : -1;
      if (code < 0 || code > 0x10ffff)
        return failure(`invalid \\${next} escape in marker string`, at, expected);
      value += String.fromCodePoint(code);
      i += 2 + length;
    } else if (next === "N") {
      return failure("\\N{...} escapes are not supported in marker strings", at, expected);
    } else {
      value += `\\${next}`;
      i += 2;
    }
  }
  return success(value);
}
