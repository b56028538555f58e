/**
 * Strict JSON (RFC 8259) that remembers where each value starts, so a report
 * such as `pip inspect` can point at the line of the entry it talks about.
 * Object keys are stored as own data properties (a `"__proto__"` key is data,
 * never a prototype). Depth is bounded so hostile input cannot exhaust the stack.
 */
export interface JsonDocument {
  readonly value: unknown;
  /** 1-based line and column of the value at `path`, or of the deepest value on the way there. */
  positionOf(path: readonly (string | number)[]): { line: number; column: number };
}

export type JsonResult =
  | { ok: true; document: JsonDocument }
  | { ok: false; line: number; column: number; message: string };

const MAX_DEPTH = 256;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class JsonProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseJsonDocument(text: string): JsonResult {
  const offsets = new Map<string, number>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === "\n") lineStarts.push(i + 1);
  const locate = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  let pos = 0;
  const space = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos] ?? "")) pos += 1;
  };
  const fail = (message: string): never => {
    throw new JsonProblem(pos, message);
  };
  const readString = (): string => {
    const start = pos;
    pos += 1;
    let out = "";
    for (;;) {
      const char = text[pos];
      if (char === undefined) throw new JsonProblem(start, "unterminated string");
      if (char === '"') break;
      if (char < " ") fail("control character in string");
      if (char === "\\") {
        const escape = text[pos + 1] ?? "";
        const simple = SIMPLE_ESCAPES[escape];
        if (simple !== undefined) {
          out += simple;
          pos += 2;
        } else if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail("invalid escape in string");
        }
      } else {
        out += char;
        pos += 1;
      }
    }
    pos += 1;
    return out;
  };
  const readValue = (path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    space();
    offsets.set(path, pos);
    const char = text[pos];
    if (char === "{") {
      pos += 1;
      const object: Record<string, unknown> = {};
      space();
      if (text[pos] === "}") {
        pos += 1;
        return object;
      }
      for (;;) {
        space();
        if (text[pos] !== '"') fail("expected a property name in double quotes");
        const key = readString();
        space();
        if (text[pos] !== ":") fail("expected ':' after the property name");
        pos += 1;
        const value = readValue(`${path}\u0000${key}`, depth + 1);
        Object.defineProperty(object, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (text[pos] === ",") pos += 1;
        else if (text[pos] === "}") {
          pos += 1;
          return object;
        } else fail("expected ',' or '}'");
      }
    }
    if (char === "[") {
      pos += 1;
      const array: unknown[] = [];
      space();
      if (text[pos] === "]") {
        pos += 1;
        return array;
      }
      for (;;) {
        array.push(readValue(`${path}\u0000${array.length}`, depth + 1));
        space();
        if (text[pos] === ",") pos += 1;
        else if (text[pos] === "]") {
          pos += 1;
          return array;
        } else fail("expected ',' or ']'");
      }
    }
    if (char === '"') return readString();
    const literal =
      /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(
        text.slice(pos, pos + 400),
      )?.[0];
    if (!literal)
      return fail(
        char === undefined ? "unexpected end of input" : `unexpected ${JSON.stringify(char)}`,
      );
    pos += literal.length;
    return literal === "true"
      ? true
      : literal === "false"
        ? false
        : literal === "null"
          ? null
          : Number(literal);
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) pos = 1;
    const value = readValue("", 0);
    space();
    if (pos < text.length) fail("unexpected text after the JSON value");
    return {
      ok: true,
      document: {
        value,
        positionOf(path) {
          let key = "";
          let best = offsets.get("") ?? 0;
          for (const segment of path) {
            key = `${key}\u0000${segment}`;
            const found = offsets.get(key);
            if (found === undefined) break;
            best = found;
          }
          return locate(best);
        },
      },
    };
  } catch (problem) {
    if (problem instanceof JsonProblem)
      return { ok: false, ...locate(problem.offset), message: problem.message };
    throw problem;
  }
}
