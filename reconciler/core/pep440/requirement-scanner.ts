import type { Pep440Error } from "./result.js";
import { SPECIFIER_SOURCE } from "./specifier-syntax.js";

/**
 * The tokens of PEP 508 dependency specifiers, read on demand at the current
 * position (which token is allowed depends on where the parser is), with
 * Python's notion of word boundaries so that `extras` or `in` end where pip's end.
 */
const WORD = "[\\p{L}\\p{N}_]";
const NOT_AFTER_WORD = `(?<!${WORD})`;
const WORD_ENDS = `(?!${WORD})`;
const ANY_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** Token grammar as [source, flags]; every scanner compiles its own sticky copies. */
const TOKENS = {
  LEFT_PARENTHESIS: ["\\(", ""],
  RIGHT_PARENTHESIS: ["\\)", ""],
  LEFT_BRACKET: ["\\[", ""],
  RIGHT_BRACKET: ["\\]", ""],
  SEMICOLON: [";", ""],
  COMMA: [",", ""],
  QUOTED_STRING: [`'[^']*'|"[^"]*"`, ""],
  OP: ["===|==|~=|!=|<=|>=|<|>", ""],
  BOOLOP: [`${NOT_AFTER_WORD}(?:or|and)${WORD_ENDS}`, "u"],
  IN: [`${NOT_AFTER_WORD}in${WORD_ENDS}`, "u"],
  NOT: [`${NOT_AFTER_WORD}not${WORD_ENDS}`, "u"],
  VARIABLE: [
    `${NOT_AFTER_WORD}(?:python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)` +
      `|platform[._](?:version|machine|python_implementation)|python_implementation|implementation_(?:name|version)` +
      `|extras?|dependency_groups)${WORD_ENDS}`,
    "u",
  ],
  SPECIFIER: [SPECIFIER_SOURCE, "i"],
  AT: ["@", ""],
  URL: ["[^ \\t]+", ""],
  IDENTIFIER: [`${NOT_AFTER_WORD}[a-zA-Z0-9][a-zA-Z0-9._-]*${ANY_BOUNDARY}`, "u"],
  VERSION_PREFIX_TRAIL: ["\\.\\*", ""],
  VERSION_LOCAL_LABEL_TRAIL: ["\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*", ""],
  WS: ["[ \\t]+", ""],
} as const satisfies Record<string, readonly [string, string]>;

type PatternName = keyof typeof TOKENS;
export type TokenName = PatternName | "END";

export interface Token {
  readonly name: TokenName;
  readonly text: string;
  readonly position: number;
}

/** A syntax problem inside the parser; turned into a `Pep440Error` at the public boundary. */
export class SyntaxProblem extends Error {
  constructor(
    readonly problem: Pep440Error,
    readonly position: number,
  ) {
    super(problem.message);
  }
}

export class RequirementScanner {
  position = 0;
  private readonly patterns: Record<PatternName, RegExp>;

  constructor(readonly source: string) {
    const compiled: Partial<Record<PatternName, RegExp>> = {};
    for (const name of Object.keys(TOKENS) as PatternName[]) {
      const [pattern, flags] = TOKENS[name];
      compiled[name] = new RegExp(pattern, `${flags}y`);
    }
    this.patterns = compiled as Record<PatternName, RegExp>;
  }

  /** The text of `name` at the current position, without moving; undefined if it is not there. */
  peek(name: TokenName): string | undefined {
    if (name === "END") return this.atEnd() ? "" : undefined;
    const pattern = this.patterns[name];
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.source);
    return match ? match[0] : undefined;
  }

  check(name: TokenName): boolean {
    return this.peek(name) !== undefined;
  }

  /** Moves past `name` and returns it, or returns undefined and stays. */
  accept(name: TokenName): Token | undefined {
    const text = this.peek(name);
    if (text === undefined) return undefined;
    const token = { name, text, position: this.position };
    this.position += text.length;
    return token;
  }

  skipSpace(): void {
    this.accept("WS");
  }

  expect(name: TokenName, expected: string): Token {
    const token = this.accept(name);
    if (!token) this.fail(`Expected ${expected}`, expected);
    return token;
  }

  fail(message: string, expected: string, position = this.position): never {
    throw new SyntaxProblem({ message, column: position + 1, expected }, position);
  }

  /** Python's `$`: the end of the text, or just before one final newline. */
  private atEnd(): boolean {
    const rest = this.source.length - this.position;
    return rest === 0 || (rest === 1 && this.source[this.position] === "\n");
  }

  /** Reads `open … close` around `body` when `open` is next; otherwise just `body`. */
  enclosed<T>(open: TokenName, close: TokenName, around: string, body: () => T): T {
    const opened = this.accept(open);
    const value = body();
    if (opened && !this.accept(close)) {
      const closer = close === "RIGHT_PARENTHESIS" ? ")" : "]";
      this.fail(
        `Expected matching ${close} for ${open}, after ${around}`,
        `${closer} closing the ${opened.text} at column ${opened.position + 1}`,
      );
    }
    return value;
  }
}
