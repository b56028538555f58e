import type { Specifier } from "./specifier-syntax.js";
import { compatiblePrefixBody, matchesVersionPrefix } from "./version-prefix.js";
import {
  compareVersions,
  isPostrelease,
  isPrerelease,
  parseVersion,
  publicVersion,
  type Version,
} from "./version.js";

/**
 * Whether one clause admits a version, before any pre-release policy is applied.
 * `candidateText` is the text the version was written as; only `===` looks at it.
 */
export function clauseMatches(
  specifier: Specifier,
  candidate: Version | undefined,
  candidateText: string,
): boolean {
  if (specifier.operator === "===") return arbitraryEquals(candidateText, specifier.version);
  if (candidate === undefined) return false;
  switch (specifier.operator) {
    case "==":
      return equalTo(candidate, specifier.version);
    case "!=":
      return !equalTo(candidate, specifier.version);
    case "~=":
      return compatibleWith(candidate, specifier.version);
    case "<=":
      return compareVersions(publicVersion(candidate), clauseVersion(specifier)) <= 0;
    case ">=":
      return compareVersions(publicVersion(candidate), clauseVersion(specifier)) >= 0;
    case "<":
      return lessThan(candidate, clauseVersion(specifier));
    case ">":
      return greaterThan(candidate, clauseVersion(specifier));
  }
}

/** `===` compares the text, ignoring case only. */
function arbitraryEquals(candidateText: string, version: string): boolean {
  return candidateText.toLowerCase() === version.toLowerCase();
}

const ZERO: Version = { epoch: 0n, release: [0n] };

/** Clauses are checked when parsed, so the fallback is never used. */
function clauseVersion(specifier: Specifier): Version {
  const parsed = parseVersion(specifier.version);
  return parsed.ok ? parsed.value : ZERO;
}

/**
 * `==V.*` matches by prefix and ignores local labels. `==V` ignores the candidate's
 * local label unless V has one: `==1.0` admits `1.0+cpu`, `==1.0+cpu` refuses `1.0+cu121`.
 */
function equalTo(candidate: Version, version: string): boolean {
  if (version.endsWith(".*")) return matchesVersionPrefix(candidate, version.slice(0, -2));
  const parsed = parseVersion(version);
  if (!parsed.ok) return false;
  const compared = parsed.value.local ? candidate : publicVersion(candidate);
  return compareVersions(compared, parsed.value) === 0;
}

/** `~=2.2.1` is `>=2.2.1, ==2.2.*`. */
function compatibleWith(candidate: Version, version: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed.ok) return false;
  return (
    compareVersions(publicVersion(candidate), parsed.value) >= 0 &&
    matchesVersionPrefix(candidate, compatiblePrefixBody(version))
  );
}

/** `<V` refuses pre-releases of V itself (from V.dev0 up) unless V is a pre-release. */
function lessThan(candidate: Version, bound: Version): boolean {
  if (compareVersions(candidate, bound) >= 0) return false;
  if (!isPrerelease(bound) && isPrerelease(candidate)) {
    const { local: _local, ...withoutLocal } = bound;
    const earliestPrerelease: Version = { ...withoutLocal, dev: 0n };
    if (compareVersions(candidate, earliestPrerelease) >= 0) return false;
  }
  return true;
}

/**
 * `>V` refuses post-releases of V unless V is a post-release, and refuses local
 * versions of V (`>1.0` does not admit `1.0+cpu`).
 */
function greaterThan(candidate: Version, bound: Version): boolean {
  if (compareVersions(candidate, bound) <= 0) return false;
  if (!isPostrelease(bound) && isPostrelease(candidate)) {
    const postBase: Version = {
      epoch: candidate.epoch,
      release: candidate.release,
      ...(candidate.pre ? { pre: candidate.pre } : {}),
    };
    if (compareVersions(postBase, bound) === 0) return false;
  }
  if (candidate.local && compareVersions(publicVersion(candidate), bound) === 0) return false;
  return true;
}
