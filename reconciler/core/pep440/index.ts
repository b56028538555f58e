/**
 * PEP 440 versions and specifiers and PEP 508 requirements, read and matched the
 * way Python's `packaging` (and so pip) does. Pure: no I/O, no thrown errors for
 * bad input — parse functions return `{ ok: true, value } | { ok: false, error }`.
 */
export type { Pep440Error, Result } from "./result.js";
export {
  baseVersion,
  compareVersions,
  formatVersion,
  isDevrelease,
  isPostrelease,
  isPrerelease,
  normalizeVersion,
  parseVersion,
  publicVersion,
  versionsEqual,
  VERSION_EXPECTED,
} from "./version.js";
export type { PreReleaseLabel, Version } from "./version.js";
export {
  canonicalSpecifier,
  filter,
  formatSpecifier,
  formatSpecifierSet,
  parseSpecifier,
  parseSpecifierSet,
  satisfies,
  SPECIFIER_EXPECTED,
  specifierNamesPrerelease,
  specifierSetNamesPrerelease,
} from "./specifier.js";
export type { PrereleaseOption, Specifier, SpecifierOperator, SpecifierSet } from "./specifier.js";
export { normalizeName } from "./name.js";
export { formatMarker, parseMarker } from "./marker.js";
export type {
  Marker,
  MarkerComparison,
  MarkerOperand,
  MarkerOperator,
  MarkerTerm,
  MarkerVariable,
} from "./marker.js";
export { evaluateMarker } from "./marker-evaluate.js";
export type { MarkerContext, MarkerEnvironment, MarkerEvaluationError } from "./marker-evaluate.js";
export { formatRequirement, parseRequirement } from "./requirement.js";
export type { Requirement } from "./requirement.js";
