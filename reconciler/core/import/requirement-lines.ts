import { isPythonSpace } from "../pep440/python-text.js";

/**
 * The logical lines of a pip requirements file, as pip forms them: physical
 * lines ending in `\` are joined (the joined line takes the first line's number),
 * comments (`#` at the start or after whitespace) are removed, `${VAR}` is
 * expanded from the given environment, and blank lines are skipped.
 * Every character keeps the physical line and column it came from, so problems
 * found later can be reported where the researcher wrote them.
 */
export interface LogicalLine {
  readonly text: string;
  /** The physical line the logical line starts on (what pip reports). */
  readonly line: number;
  /** For each character of `text`, where it was written. */
  readonly origins: readonly Position[];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface UnsetVariable {
  readonly name: string;
  readonly position: Position;
}

interface Span {
  text: string;
  origins: Position[];
}

/** Python's `str.splitlines()` boundaries. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;

export function logicalLines(
  content: string,
  environment: Readonly<Record<string, string>> = {},
): { lines: LogicalLine[]; unsetVariables: UnsetVariable[] } {
  const physical = content.split(LINE_BREAK);
  if (physical.length > 0 && physical[physical.length - 1] === "") physical.pop();
  const joined: { line: number; span: Span }[] = [];
  let pending: { line: number; span: Span } | undefined;
  physical.forEach((text, index) => {
    const span = spanOf(text, index + 1);
    const comment = isCommentLine(text);
    if (!text.endsWith("\\") || comment) {
      const piece = comment ? prepend(" ", span) : span;
      if (pending) {
        append(pending.span, piece);
        joined.push(pending);
        pending = undefined;
      } else {
        joined.push({ line: index + 1, span: piece });
      }
    } else {
      pending ??= { line: index + 1, span: { text: "", origins: [] } };
      append(pending.span, stripBackslashes(span));
    }
  });
  if (pending) joined.push(pending);

  const lines: LogicalLine[] = [];
  const unsetVariables: UnsetVariable[] = [];
  for (const { line, span } of joined) {
    const stripped = strip(removeComment(span));
    if (stripped.text === "") continue;
    const expanded = expandVariables(stripped, environment, unsetVariables);
    lines.push({ text: expanded.text, line, origins: expanded.origins });
  }
  return { lines, unsetVariables };
}

function spanOf(text: string, line: number): Span {
  return {
    text,
    origins: Array.from({ length: text.length }, (_unused, i) => ({ line, column: i + 1 })),
  };
}

function slice(span: Span, start: number, end = span.text.length): Span {
  return { text: span.text.slice(start, end), origins: span.origins.slice(start, end) };
}

function append(target: Span, piece: Span): void {
  target.text += piece.text;
  target.origins.push(...piece.origins);
}

function prepend(char: string, span: Span): Span {
  const first = span.origins[0] ?? { line: 1, column: 1 };
  return { text: char + span.text, origins: [first, ...span.origins] };
}

/** pip's `COMMENT_RE.match`: the line starts with `#` or with whitespace followed by `#`. */
function isCommentLine(text: string): boolean {
  let i = 0;
  while (i < text.length && isPythonSpace(text[i])) i += 1;
  return text[i] === "#";
}

function stripBackslashes(span: Span): Span {
  let start = 0;
  let end = span.text.length;
  while (start < end && span.text[start] === "\\") start += 1;
  while (end > start && span.text[end - 1] === "\\") end -= 1;
  return slice(span, start, end);
}

/** Drops a `#` comment: from the whitespace before the first `#` that starts the line or follows whitespace. */
function removeComment(span: Span): Span {
  for (let i = 0; i < span.text.length; i += 1) {
    if (span.text[i] === "#" && (i === 0 || isPythonSpace(span.text[i - 1]))) {
      let start = i;
      while (start > 0 && isPythonSpace(span.text[start - 1])) start -= 1;
      return slice(span, 0, start);
    }
  }
  return span;
}

function strip(span: Span): Span {
  let start = 0;
  let end = span.text.length;
  while (start < end && isPythonSpace(span.text[start])) start += 1;
  while (end > start && isPythonSpace(span.text[end - 1])) end -= 1;
  return slice(span, start, end);
}

/** `${NAME}` is replaced when the environment has a non-empty value, as pip does; others stay and are reported. */
function expandVariables(
  span: Span,
  environment: Readonly<Record<string, string>>,
  unset: UnsetVariable[],
): Span {
  const out: Span = { text: "", origins: [] };
  let last = 0;
  for (const match of span.text.matchAll(ENV_VAR)) {
    const at = match.index ?? 0;
    const name = match[1] ?? "";
    const value = Object.hasOwn(environment, name) ? environment[name] : undefined;
    const origin = span.origins[at] ?? { line: 1, column: 1 };
    if (!value) {
      unset.push({ name, position: origin });
      continue;
    }
    append(out, slice(span, last, at));
    append(out, { text: value, origins: Array.from({ length: value.length }, () => origin) });
    last = at + match[0].length;
  }
  append(out, slice(span, last));
  return out;
}

/**
 * pip's split of a logical line: the words before the first word starting with
 * `-` are the requirement (kept as written, markers may contain spaces); the rest
 * are options. `optionsOffset` is where the options start in `line.text`.
 */
export function splitArgsAndOptions(text: string): {
  args: string;
  options: string;
  optionsOffset: number;
} {
  const tokens = text.split(" ");
  const firstOption = tokens.findIndex((token) => token.startsWith("-"));
  if (firstOption < 0) return { args: text, options: "", optionsOffset: text.length };
  const args = tokens.slice(0, firstOption).join(" ");
  const optionsOffset = firstOption === 0 ? 0 : args.length + 1;
  return { args, options: text.slice(optionsOffset), optionsOffset };
}

export function positionAt(line: LogicalLine, offset: number): Position {
  return (
    line.origins[Math.min(Math.max(offset, 0), line.origins.length - 1)] ?? {
      line: line.line,
      column: 1,
    }
  );
}
