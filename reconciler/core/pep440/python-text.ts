/**
 * Character classes as Python's `re` and `str` see them, so that labenv reads
 * version and requirement text exactly where Python's `packaging` does.
 * JavaScript's `\s` and `\b` differ (it counts U+FEFF as space, not U+001C–U+001F
 * or U+0085, and its `\b` is ASCII-only without the `u` flag).
 */

/** Python `\s` / `str.isspace()` for use inside a RegExp character class. */
export const PYTHON_SPACE_CLASS =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

const SPACE = new RegExp(`^[${PYTHON_SPACE_CLASS}]$`);
const WORD = /^[\p{L}\p{N}_]$/u;

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

/** Python `\w` for `str` patterns: letters, numbers and underscore. */
export function isPythonWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** Python `\b` at `position` of `text`. */
export function isPythonWordBoundary(text: string, position: number): boolean {
  const before = position > 0 ? codePointBefore(text, position) : undefined;
  const after = position < text.length ? String.fromCodePoint(text.codePointAt(position) ?? 0) : undefined;
  return isPythonWordChar(before) !== isPythonWordChar(after);
}

function codePointBefore(text: string, position: number): string {
  const low = text.charCodeAt(position - 1);
  if (low >= 0xdc00 && low <= 0xdfff && position >= 2) {
    const high = text.charCodeAt(position - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(position - 2, position);
  }
  return text.slice(position - 1, position);
}
