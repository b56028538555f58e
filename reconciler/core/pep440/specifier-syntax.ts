import { PYTHON_SPACE_CLASS, pythonStrip } from "./python-text.js";
import { failure, success, type Result } from "./result.js";
import { formatVersion, parseVersion } from "./version.js";

export type SpecifierOperator = "~=" | "==" | "!=" | "<=" | ">=" | "<" | ">" | "===";

/** One clause such as `>=1.2` or `==1.3.*`; `version` is the text after the operator. */
export interface Specifier {
  readonly operator: SpecifierOperator;
  readonly version: string;
}

/**
 * The grammar of one specifier clause, as PEP 440 and `packaging` define it:
 * `===` takes any text; `==`/`!=` take a wildcard or a local label; `~=` needs
 * two release components; the ordered comparisons take neither.
 * Used whole (`SPECIFIER_TEXT`) and as a token inside PEP 508 requirements.
 */
const SPACE = `[${PYTHON_SPACE_CLASS}]*`;
const SEP = "[-_.]";
const EPOCH_AND_RELEASE = "v?(?:[0-9]+!)?[0-9]+";
const PRE = `(?:${SEP}?(?:alpha|beta|preview|pre|a|b|c|rc)${SEP}?[0-9]*)?`;
const POST = `(?:-[0-9]+|${SEP}?(?:post|rev|r)${SEP}?[0-9]*)?`;
const DEV = `(?:${SEP}?dev${SEP}?[0-9]*)?`;
const LOCAL = `(?:\\+[a-z0-9]+(?:${SEP}[a-z0-9]+)*)?`;

const ARBITRARY = `===${SPACE}[^${PYTHON_SPACE_CLASS};)]*`;
const EQUALITY = `(?:==|!=)${SPACE}${EPOCH_AND_RELEASE}(?:\\.[0-9]+)*(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?`;
const COMPATIBLE = `~=${SPACE}${EPOCH_AND_RELEASE}(?:\\.[0-9]+)+${PRE}${POST}${DEV}`;
const ORDERED = `(?:<=|>=|<|>)${SPACE}${EPOCH_AND_RELEASE}(?:\\.[0-9]+)*${PRE}${POST}${DEV}`;

export const SPECIFIER_SOURCE = `(?:${ARBITRARY}|${EQUALITY}|${COMPATIBLE}|${ORDERED})`;

const SPECIFIER_TEXT = new RegExp(`^${SPACE}${SPECIFIER_SOURCE}${SPACE}$`, "i");

export const SPECIFIER_EXPECTED =
  "a version specifier such as >=1.2, ==1.3.*, ~=2.0, !=1.5, <3 or ===1.0-custom (local labels only after == or !=, .* only after == or !=)";

const OPERATORS: readonly SpecifierOperator[] = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];

/** Reads one clause such as `>= 1.2`. */
export function parseSpecifier(text: string): Result<Specifier> {
  if (!SPECIFIER_TEXT.test(text)) {
    return failure(`invalid version specifier ${JSON.stringify(text)}`, 1, SPECIFIER_EXPECTED);
  }
  const clause = pythonStrip(text);
  const operator = OPERATORS.find((op) => clause.startsWith(op)) ?? "==";
  const version = pythonStrip(clause.slice(operator.length));
  if (operator !== "===") {
    const body = version.endsWith(".*") ? version.slice(0, -2) : version;
    if (!parseVersion(body).ok) {
      // Only reachable through non-ASCII letters that Python's case folding lets
      // through the grammar but its version parser then refuses: refuse them now.
      return failure(`invalid version in specifier ${JSON.stringify(text)}`, 1, SPECIFIER_EXPECTED);
    }
  }
  return success({ operator, version });
}

export function formatSpecifier(specifier: Specifier): string {
  return `${specifier.operator}${specifier.version}`;
}

/**
 * The form two clauses are compared by: `==2.8.0` and `==2.8` are the same clause;
 * `~=` keeps trailing zeros because they change its meaning.
 */
export function canonicalSpecifier(specifier: Specifier): string {
  const { operator, version } = specifier;
  if (operator === "===" || version.endsWith(".*")) return formatSpecifier(specifier);
  const parsed = parseVersion(version);
  if (!parsed.ok) return formatSpecifier(specifier);
  if (operator === "~=") return `${operator}${formatVersion(parsed.value)}`;
  let end = parsed.value.release.length;
  while (end > 1 && parsed.value.release[end - 1] === 0n) end -= 1;
  return `${operator}${formatVersion({ ...parsed.value, release: parsed.value.release.slice(0, end) })}`;
}
