import { pythonStrip } from "./python-text.js";
import { success, type Result } from "./result.js";
import { clauseMatches } from "./specifier-match.js";
import {
  canonicalSpecifier,
  formatSpecifier,
  parseSpecifier,
  type Specifier,
} from "./specifier-syntax.js";
import { formatVersion, isPrerelease, parseVersion, type Version } from "./version.js";

export {
  canonicalSpecifier,
  formatSpecifier,
  parseSpecifier,
  SPECIFIER_EXPECTED,
} from "./specifier-syntax.js";
export type { Specifier, SpecifierOperator } from "./specifier-syntax.js";

/** Comma-separated clauses that must all hold, e.g. `>=1.2,!=1.3.*,<2`. Empty admits every version. */
export interface SpecifierSet {
  readonly specifiers: readonly Specifier[];
}

export interface PrereleaseOption {
  /**
   * `true` admits pre-releases, `false` refuses them. Left out, pre-releases are
   * admitted only when a clause itself names one (`>=2.0b1`), as PEP 440 asks.
   */
  readonly prereleases?: boolean;
}

/** Reads `>=1.2, !=1.3.*, <2`; empty clauses between commas are skipped, as pip does. */
export function parseSpecifierSet(text: string): Result<SpecifierSet> {
  const specifiers: Specifier[] = [];
  let offset = 0;
  for (const piece of text.split(",")) {
    const clause = pythonStrip(piece);
    if (clause !== "") {
      const parsed = parseSpecifier(clause);
      if (!parsed.ok) {
        const column = offset + piece.indexOf(clause) + 1;
        return {
          ok: false,
          error: {
            ...parsed.error,
            message: `invalid version specifier ${JSON.stringify(clause)}`,
            column,
          },
        };
      }
      specifiers.push(parsed.value);
    }
    offset += piece.length + 1;
  }
  return success({ specifiers });
}

/** Sorted, de-duplicated clauses joined by commas, as `str(SpecifierSet(...))` writes them. */
export function formatSpecifierSet(set: SpecifierSet): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const specifier of [...set.specifiers].sort((a, b) =>
    compareText(formatSpecifier(a), formatSpecifier(b)),
  )) {
    const key = canonicalSpecifier(specifier);
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(formatSpecifier(specifier));
    }
  }
  return kept.join(",");
}

/** Does some clause name a pre-release (`>=2.0b1`, `~=1.0.dev1`)? `!=` and `==X.*` never do. */
export function specifierNamesPrerelease(specifier: Specifier): boolean | undefined {
  if (specifier.operator === "!=") return false;
  if (specifier.operator === "==" && specifier.version.endsWith(".*")) return false;
  const parsed = parseVersion(specifier.version);
  return parsed.ok ? isPrerelease(parsed.value) : undefined;
}

export function specifierSetNamesPrerelease(set: SpecifierSet): boolean {
  return set.specifiers.some((specifier) => specifierNamesPrerelease(specifier) === true);
}

/**
 * Does `version` satisfy every clause? Pre-releases follow `options.prereleases`,
 * else are admitted only when the set names one. A `Version` value is matched
 * against `===` by its canonical spelling, a string by the string itself.
 */
export function satisfies(
  version: string | Version,
  set: SpecifierSet,
  options: PrereleaseOption = {},
): boolean {
  const prereleases = options.prereleases ?? specifierSetNamesPrerelease(set);
  const text = typeof version === "string" ? version : formatVersion(version);
  return filterCandidates([{ text, parsed: toVersion(version) }], set, prereleases).length > 0;
}

/**
 * The versions a resolver may choose from, in their given order, like
 * `SpecifierSet.filter`: without `options.prereleases`, pre-releases are kept
 * only when the set names one or when no final release matches.
 * Text that is not a version is kept only where `===` names it (or the set is empty).
 */
export function filter(
  versions: readonly string[],
  set: SpecifierSet,
  options: PrereleaseOption = {},
): string[] {
  const prereleases = options.prereleases ?? (specifierSetNamesPrerelease(set) ? true : undefined);
  const candidates = versions.map((text) => ({ text, parsed: toVersion(text) }));
  return filterCandidates(candidates, set, prereleases).map((candidate) => candidate.text);
}

interface Candidate {
  readonly text: string;
  readonly parsed: Version | undefined;
}

function filterCandidates(
  candidates: readonly Candidate[],
  set: SpecifierSet,
  prereleases: boolean | undefined,
): Candidate[] {
  if (set.specifiers.length === 0) {
    if (prereleases === true) return [...candidates];
    if (prereleases === false)
      return candidates.filter((c) => c.parsed === undefined || !isPrerelease(c.parsed));
    return preferFinalReleases(candidates);
  }
  const refusePrereleases = prereleases === false;
  const matching = candidates.filter((candidate) => {
    if (candidate.parsed === undefined) {
      return set.specifiers.every(
        (s) => s.operator === "===" && clauseMatches(s, undefined, candidate.text),
      );
    }
    if (refusePrereleases && isPrerelease(candidate.parsed)) return false;
    return set.specifiers.every((s) => clauseMatches(s, candidate.parsed, candidate.text));
  });
  return prereleases === undefined ? preferFinalReleases(matching) : matching;
}

/** PEP 440's default: drop pre-releases when a final release is among the candidates. */
function preferFinalReleases(candidates: readonly Candidate[]): Candidate[] {
  const hasFinal = candidates.some((c) => c.parsed !== undefined && !isPrerelease(c.parsed));
  return hasFinal
    ? candidates.filter((c) => c.parsed === undefined || !isPrerelease(c.parsed))
    : [...candidates];
}

function toVersion(version: string | Version): Version | undefined {
  if (typeof version !== "string") return version;
  const parsed = parseVersion(version);
  return parsed.ok ? parsed.value : undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
