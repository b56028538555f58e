import { formatMarker, readMarker, type Marker } from "./marker.js";
import { normalizeName } from "./name.js";
import { RequirementScanner, SyntaxProblem } from "./requirement-scanner.js";
import { success, type Result } from "./result.js";
import { formatSpecifierSet, parseSpecifierSet, type SpecifierSet } from "./specifier.js";

/** A PEP 508 dependency: `name[extra1,extra2] >=1.0,<2 ; python_version < "3.11"` or `name @ url`. */
export interface Requirement {
  /** As written. */
  readonly name: string;
  /** PEP 503 normalized, e.g. `scikit-learn`. */
  readonly normalizedName: string;
  /** As written, without duplicates. */
  readonly extras: readonly string[];
  readonly specifier: SpecifierSet;
  /** The direct reference after `@` (`https://…`, `file:///…`, `git+https://…`). */
  readonly url?: string;
  readonly marker?: Marker;
}

/**
 * Reads one dependency specifier the way pip does. Never throws: a problem comes
 * back as `{ ok: false, error: { message, column, expected } }` with a 1-based column.
 */
export function parseRequirement(text: string): Result<Requirement> {
  const scanner = new RequirementScanner(text);
  try {
    return readRequirement(scanner);
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return { ok: false, error: problem.problem };
    throw problem;
  }
}

/** requirement = WS? IDENTIFIER WS? extras WS? (AT URL (WS marker?)? | specifier WS? marker?) END */
function readRequirement(scanner: RequirementScanner): Result<Requirement> {
  scanner.skipSpace();
  const name = scanner.expect(
    "IDENTIFIER",
    "package name at the start of dependency specifier",
  ).text;
  scanner.skipSpace();
  const extras = readExtras(scanner);
  scanner.skipSpace();
  let url: string | undefined;
  let specifierText = "";
  let specifierColumn = 1;
  let marker: Marker | undefined;
  if (scanner.accept("AT")) {
    scanner.skipSpace();
    url = scanner.expect("URL", "URL after @").text;
    if (!scanner.check("END")) {
      scanner.expect("WS", "whitespace after URL");
      if (!scanner.check("END"))
        marker = readRequirementMarker(scanner, "semicolon (after URL and whitespace)");
    }
  } else {
    const specifierStart = scanner.position;
    specifierColumn = specifierStart + 1;
    specifierText = scanner.enclosed(
      "LEFT_PARENTHESIS",
      "RIGHT_PARENTHESIS",
      "version specifier",
      () => {
        scanner.skipSpace();
        const text = readVersionMany(scanner);
        scanner.skipSpace();
        return text;
      },
    );
    scanner.skipSpace();
    if (!scanner.check("END")) {
      const expected = specifierText
        ? "comma (within version specifier), semicolon (after version specifier)"
        : "semicolon (after name with no version specifier)";
      marker = readRequirementMarker(scanner, expected);
    }
  }
  scanner.expect("END", "end of dependency specifier");
  const specifier = parseSpecifierSet(specifierText);
  if (!specifier.ok) {
    return {
      ok: false,
      error: { ...specifier.error, column: specifierColumn + specifier.error.column - 1 },
    };
  }
  return success({
    name,
    normalizedName: normalizeName(name),
    extras: [...new Set(extras)],
    specifier: specifier.value,
    ...(url !== undefined ? { url } : {}),
    ...(marker ? { marker } : {}),
  });
}

function readRequirementMarker(scanner: RequirementScanner, expected: string): Marker {
  if (!scanner.accept("SEMICOLON"))
    scanner.fail(`Expected ${expected} or end`, `${expected} or end`);
  const marker = readMarker(scanner);
  scanner.skipSpace();
  return marker;
}

/** extras = "[" WS? (IDENTIFIER (WS? "," WS? IDENTIFIER)*)? WS? "]" */
function readExtras(scanner: RequirementScanner): string[] {
  if (!scanner.check("LEFT_BRACKET")) return [];
  return scanner.enclosed("LEFT_BRACKET", "RIGHT_BRACKET", "extras", () => {
    scanner.skipSpace();
    const extras: string[] = [];
    const first = scanner.accept("IDENTIFIER");
    if (first) {
      extras.push(first.text);
      for (;;) {
        scanner.skipSpace();
        if (scanner.check("IDENTIFIER"))
          scanner.fail("Expected comma between extra names", "comma between extra names");
        if (!scanner.accept("COMMA")) break;
        scanner.skipSpace();
        extras.push(scanner.expect("IDENTIFIER", "extra name after comma").text);
      }
    }
    scanner.skipSpace();
    return extras;
  });
}

/** version_many = (SPECIFIER (WS? "," WS? SPECIFIER)*)?, keeping the text as written. */
function readVersionMany(scanner: RequirementScanner): string {
  let text = "";
  for (let clause = scanner.accept("SPECIFIER"); clause; clause = scanner.accept("SPECIFIER")) {
    text += clause.text;
    if (scanner.check("VERSION_PREFIX_TRAIL")) {
      scanner.fail(
        ".* suffix can only be used with `==` or `!=` operators",
        "`==` or `!=` before a .* suffix",
      );
    }
    if (scanner.check("VERSION_LOCAL_LABEL_TRAIL")) {
      scanner.fail(
        "Local version label can only be used with `==` or `!=` operators",
        "`==` or `!=` before a +local label",
      );
    }
    scanner.skipSpace();
    const comma = scanner.accept("COMMA");
    if (!comma) break;
    text += comma.text;
    scanner.skipSpace();
  }
  return text;
}

/** The requirement as pip writes it back: `name[a,b]>=1.0 @ url ; marker` in canonical order. */
export function formatRequirement(requirement: Requirement): string {
  let text = requirement.name;
  if (requirement.extras.length > 0) text += `[${[...requirement.extras].sort().join(",")}]`;
  text += formatSpecifierSet(requirement.specifier);
  if (requirement.url !== undefined)
    text += ` @ ${requirement.url}${requirement.marker ? " " : ""}`;
  if (requirement.marker) text += `; ${formatMarker(requirement.marker)}`;
  return text;
}
