/**
 * Whitespace as Python's `re` and `str` see it, so that labenv reads version
 * and requirement text exactly where Python's `packaging` does. JavaScript's `\s`
 * differs: it counts U+FEFF as space, and not U+001C–U+001F or U+0085.
 * (Python's word boundaries are spelled out in requirement-scanner.ts.)
 */

/** Python `\s` / `str.isspace()` for use inside a RegExp character class. */
export const PYTHON_SPACE_CLASS =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

const SPACE = new RegExp(`^[${PYTHON_SPACE_CLASS}]$`);

export function isPythonSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

/** Python's `str.strip()` with no argument. */
export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonSpace(text[start])) start += 1;
  while (end > start && isPythonSpace(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
