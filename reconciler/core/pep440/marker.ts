import { normalizeName } from "./name.js";
import { decodePythonStringLiteral } from "./python-string-literal.js";
import { RequirementScanner, SyntaxProblem } from "./requirement-scanner.js";
import { success, type Result } from "./result.js";

/** Environment marker names of PEP 508 (and `extras` / `dependency_groups` of lock files). */
export type MarkerVariable =
  | "python_version"
  | "python_full_version"
  | "os_name"
  | "sys_platform"
  | "platform_release"
  | "platform_system"
  | "platform_version"
  | "platform_machine"
  | "platform_python_implementation"
  | "implementation_name"
  | "implementation_version"
  | "extra"
  | "extras"
  | "dependency_groups";

export type MarkerOperator = "===" | "==" | "~=" | "!=" | "<=" | ">=" | "<" | ">" | "in" | "not in";

export type MarkerOperand =
  | { readonly kind: "variable"; readonly name: MarkerVariable }
  | { readonly kind: "literal"; readonly value: string };

export interface MarkerComparison {
  readonly kind: "comparison";
  readonly left: MarkerOperand;
  readonly operator: MarkerOperator;
  readonly right: MarkerOperand;
}

/** Terms joined left to right; `and` binds tighter than `or`. A parenthesized group is a nested chain. */
export interface Marker {
  readonly kind: "chain";
  readonly first: MarkerTerm;
  readonly rest: readonly { readonly joiner: "and" | "or"; readonly term: MarkerTerm }[];
}

export type MarkerTerm = MarkerComparison | Marker;

/**
 * How deeply parentheses may nest. Real markers nest two or three levels; the
 * cap keeps the recursive parser (and everything that walks a marker) far from
 * the stack limit, so a hostile line is a positioned error, not a crash.
 */
export const MAX_MARKER_DEPTH = 64;

/** Reads a whole marker expression such as `python_version < "3.11" and sys_platform == "linux"`. */
export function parseMarker(text: string): Result<Marker> {
  const scanner = new RequirementScanner(text);
  try {
    const marker = readMarker(scanner);
    scanner.expect("END", "end of marker expression");
    return success(marker);
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return { ok: false, error: problem.problem };
    throw problem;
  }
}

/** marker = atom (("and" | "or") atom)*; used by the requirement parser after `;`. */
export function readMarker(scanner: RequirementScanner, depth = 0): Marker {
  const first = readAtom(scanner, depth);
  const rest: { joiner: "and" | "or"; term: MarkerTerm }[] = [];
  for (let joiner = scanner.accept("BOOLOP"); joiner; joiner = scanner.accept("BOOLOP")) {
    rest.push({ joiner: joiner.text === "and" ? "and" : "or", term: readAtom(scanner, depth) });
  }
  return { kind: "chain", first, rest };
}

function readAtom(scanner: RequirementScanner, depth: number): MarkerTerm {
  scanner.skipSpace();
  let term: MarkerTerm;
  if (scanner.check("LEFT_PARENTHESIS")) {
    if (depth >= MAX_MARKER_DEPTH)
      scanner.fail(
        `Marker parentheses nested more than ${MAX_MARKER_DEPTH} deep`,
        `at most ${MAX_MARKER_DEPTH} nested parentheses; remove the redundant ones`,
      );
    term = scanner.enclosed("LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "marker expression", () => {
      scanner.skipSpace();
      const inner = readMarker(scanner, depth + 1);
      scanner.skipSpace();
      return inner;
    });
  } else {
    term = readComparison(scanner);
  }
  scanner.skipSpace();
  return term;
}

function readComparison(scanner: RequirementScanner): MarkerComparison {
  scanner.skipSpace();
  const left = readOperand(scanner);
  scanner.skipSpace();
  const operator = readOperator(scanner);
  scanner.skipSpace();
  const right = readOperand(scanner);
  scanner.skipSpace();
  return normalizeExtraComparison({ kind: "comparison", left, operator, right });
}

const VARIABLE_ALIASES: Readonly<Record<string, MarkerVariable>> = {
  python_implementation: "platform_python_implementation",
};

function readOperand(scanner: RequirementScanner): MarkerOperand {
  const variable = scanner.accept("VARIABLE");
  if (variable) {
    const name = variable.text.replaceAll(".", "_");
    return { kind: "variable", name: VARIABLE_ALIASES[name] ?? (name as MarkerVariable) };
  }
  const quoted = scanner.accept("QUOTED_STRING");
  if (quoted) {
    const decoded = decodePythonStringLiteral(quoted.text, quoted.position + 1);
    if (!decoded.ok)
      scanner.fail(decoded.error.message, decoded.error.expected, decoded.error.column - 1);
    return { kind: "literal", value: decoded.value };
  }
  return scanner.fail(
    "Expected a marker variable or quoted string",
    "a marker variable (python_version, sys_platform, …) or a quoted string",
  );
}

function readOperator(scanner: RequirementScanner): MarkerOperator {
  if (scanner.accept("IN")) return "in";
  if (scanner.accept("NOT")) {
    scanner.expect("WS", "whitespace after 'not'");
    scanner.expect("IN", "'in' after 'not'");
    return "not in";
  }
  const op = scanner.accept("OP");
  if (op) return op.text as MarkerOperator;
  const expected = "marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in";
  return scanner.fail(`Expected ${expected}`, expected);
}

/**
 * PEP 685: the value an `extra` is compared with is a normalized name. (Like pip,
 * the other side is turned into a normalized literal even when it is a variable.)
 */
function normalizeExtraComparison(comparison: MarkerComparison): MarkerComparison {
  const { left, right } = comparison;
  if (left.kind === "variable" && left.name === "extra")
    return { ...comparison, right: normalizedLiteral(right) };
  if (right.kind === "variable" && right.name === "extra")
    return { ...comparison, left: normalizedLiteral(left) };
  return comparison;
}

function normalizedLiteral(operand: MarkerOperand): MarkerOperand {
  return {
    kind: "literal",
    value: normalizeName(operand.kind === "literal" ? operand.value : operand.name),
  };
}

/** The marker as pip writes it back: `python_version < "3.11" and (os_name == "nt" or …)`. */
export function formatMarker(marker: Marker): string {
  return formatTerm(marker, true);
}

function formatTerm(term: MarkerTerm, outermost: boolean): string {
  if (term.kind === "comparison")
    return `${formatOperand(term.left)} ${term.operator} ${formatOperand(term.right)}`;
  if (term.rest.length === 0) return formatTerm(term.first, outermost);
  const text = [
    formatTerm(term.first, false),
    ...term.rest.flatMap((r) => [r.joiner, formatTerm(r.term, false)]),
  ].join(" ");
  return outermost ? text : `(${text})`;
}

function formatOperand(operand: MarkerOperand): string {
  return operand.kind === "variable" ? operand.name : `"${operand.value}"`;
}
