import type { Marker, MarkerComparison, MarkerOperator, MarkerTerm } from "./marker.js";
import { normalizeName } from "./name.js";
import { success, type Result } from "./result.js";
import { clauseMatches } from "./specifier-match.js";
import { parseSpecifier } from "./specifier-syntax.js";
import { parseVersion } from "./version.js";

/**
 * The target environment a marker is evaluated against, e.g.
 * `{ python_version: "3.11", sys_platform: "linux", platform_machine: "x86_64", … }`.
 * `extras` and `dependency_groups` are sets (lists here) used by lock files.
 */
export type MarkerEnvironment = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Where the marker comes from, as in `packaging`: `metadata` supplies `extra = ""`
 * when not given; `lock_file` supplies empty `extras` and `dependency_groups`.
 */
export type MarkerContext = "metadata" | "lock_file" | "requirement";

export interface MarkerEvaluationError {
  readonly message: string;
  /** The environment name that was missing or compared in an undefined way. */
  readonly name: string;
}

/** Marker names whose values compare as PEP 440 versions when the other side is one. */
const VERSION_NAMES = new Set([
  "implementation_version",
  "platform_release",
  "python_full_version",
  "python_version",
]);
const SET_NAMES = new Set(["extras", "dependency_groups"]);

/**
 * True when the marker holds in `environment`. Every name the marker uses must be
 * present (labenv never falls back to the machine it runs on); a missing name or a
 * comparison PEP 508 leaves undefined (`os_name ~= "x"`) is an error value.
 */
export function evaluateMarker(
  marker: Marker,
  environment: MarkerEnvironment,
  context: MarkerContext = "metadata",
): Result<boolean, MarkerEvaluationError> {
  const env: Record<string, string | readonly string[] | undefined> = {};
  if (context === "lock_file") Object.assign(env, { extras: [], dependency_groups: [] });
  if (context === "metadata") env.extra = "";
  Object.assign(env, environment);
  if (typeof env.extra === "string" && env.extra !== "") env.extra = normalizeName(env.extra);
  const fullVersion = env.python_full_version;
  if (typeof fullVersion === "string" && fullVersion.endsWith("+"))
    env.python_full_version = `${fullVersion}local`;
  try {
    return success(evaluateTerm(marker, env));
  } catch (problem) {
    if (problem instanceof UndefinedMarker) return { ok: false, error: problem.error };
    throw problem;
  }
}

class UndefinedMarker extends Error {
  constructor(readonly error: MarkerEvaluationError) {
    super(error.message);
  }
}

/**
 * Any group of `and`-joined terms holds (`and` binds tighter than `or`). Every
 * term is evaluated, as pip does, so an undefined comparison is reported even
 * where the other terms already decide the result.
 */
function evaluateTerm(term: MarkerTerm, env: MarkerEnvironment): boolean {
  if (term.kind === "comparison") return evaluateComparison(term, env);
  const groups: boolean[][] = [[evaluateTerm(term.first, env)]];
  for (const { joiner, term: next } of term.rest) {
    const value = evaluateTerm(next, env);
    if (joiner === "or") groups.push([value]);
    else groups[groups.length - 1]?.push(value);
  }
  return groups.some((group) => group.every(Boolean));
}

function evaluateComparison(comparison: MarkerComparison, env: MarkerEnvironment): boolean {
  const { left, operator, right } = comparison;
  const name =
    left.kind === "variable" ? left.name : right.kind === "literal" ? right.value : right.name;
  const value = env[name];
  if (value === undefined)
    throw new UndefinedMarker({
      message: `the environment has no value for ${JSON.stringify(name)}`,
      name,
    });
  const [lhs, rhs] = left.kind === "variable" ? [value, operandText(right)] : [left.value, value];
  if (typeof lhs !== "string") {
    throw new UndefinedMarker({
      message: `${name} is a set; compare it with \`"value" in ${name}\``,
      name,
    });
  }
  if (SET_NAMES.has(name)) {
    const members = typeof rhs === "string" ? normalizeName(rhs) : rhs.map(normalizeName);
    return compareText(normalizeName(lhs), operator, members, name);
  }
  if (VERSION_NAMES.has(name) && typeof rhs === "string") {
    const clause = parseSpecifier(`${operator}${rhs}`);
    if (clause.ok) {
      const parsed = parseVersion(lhs);
      return clauseMatches(clause.value, parsed.ok ? parsed.value : undefined, lhs);
    }
  }
  return compareText(lhs, operator, rhs, name);
}

function operandText(operand: MarkerComparison["left"]): string {
  return operand.kind === "literal" ? operand.value : operand.name;
}

/** PEP 508's string comparisons; `<` and `>` are never true, `<=`/`>=` mean equal. */
function compareText(
  lhs: string,
  operator: MarkerOperator,
  rhs: string | readonly string[],
  name: string,
): boolean {
  switch (operator) {
    case "in":
      return typeof rhs === "string" ? rhs.includes(lhs) : rhs.includes(lhs);
    case "not in":
      return typeof rhs === "string" ? !rhs.includes(lhs) : !rhs.includes(lhs);
    case "==":
    case "<=":
    case ">=":
      return lhs === rhs;
    case "!=":
      return lhs !== rhs;
    case "<":
    case ">":
      return false;
    default:
      throw new UndefinedMarker({
        message: `${operator} is not defined for ${name} with values ${JSON.stringify(lhs)} and ${JSON.stringify(rhs)}`,
        name,
      });
  }
}
