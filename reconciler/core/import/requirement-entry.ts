import {
  formatMarker,
  formatSpecifierSet,
  normalizeName,
  normalizeVersion,
  parseRequirement,
  type Requirement,
  type SpecifierSet,
} from "../pep440/index.js";
import type { ImportedPackage, SourceLine, Unmapped, UnmappedKind } from "./types.js";

/**
 * One requirement as pip would take it from a file or a command line: a PEP 508
 * string becomes a package; a direct reference (URL, VCS, local path) becomes
 * an `Unmapped` entry saying why it cannot be locked; anything else is invalid,
 * with the column and what was expected.
 */
export type RequirementEntry =
  | { readonly kind: "package"; readonly value: ImportedPackage }
  | { readonly kind: "unmapped"; readonly value: Unmapped }
  | {
      readonly kind: "invalid";
      readonly column: number;
      readonly message: string;
      readonly expected: string;
    };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const VCS_SCHEME = /^(git|hg|svn|bzr)\+/i;
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const WINDOWS_PATH = /^[a-z]:[\\/]/i;
const WHEEL_OR_SDIST_NAME =
  /^([A-Za-z0-9][A-Za-z0-9._]*?)-(\d[^-]*?)(?:-[^/]*)?\.(?:whl|tar\.gz|zip|tar\.bz2|tgz)$/;

export function readRequirementEntry(
  text: string,
  source: SourceLine,
  hashes: readonly string[] = [],
): RequirementEntry {
  if (looksLikeReference(text))
    return { kind: "unmapped", value: directReference(text, text, source) };
  const parsed = parseRequirement(text);
  if (!parsed.ok) return { kind: "invalid", ...parsed.error };
  const requirement = parsed.value;
  if (!isProjectName(requirement.name)) {
    return {
      kind: "invalid",
      column: 1,
      message: `${JSON.stringify(requirement.name)} is not a valid project name`,
      expected: "a name that starts and ends with a letter or digit",
    };
  }
  if (requirement.url !== undefined) {
    return {
      kind: "unmapped",
      value: {
        ...directReference(text, requirement.url, source),
        name: requirement.normalizedName,
      },
    };
  }
  return { kind: "package", value: packageOf(requirement, source, hashes) };
}

export function packageOf(
  requirement: Requirement,
  source: SourceLine,
  hashes: readonly string[] = [],
): ImportedPackage {
  const exact = pinnedVersionOf(requirement.specifier);
  return {
    name: requirement.normalizedName,
    specifier: formatSpecifierSet(requirement.specifier),
    ...(exact !== undefined ? { exact } : {}),
    ...(hashes.length > 0 ? { hashes: [...hashes] } : {}),
    ...(requirement.marker ? { markers: formatMarker(requirement.marker) } : {}),
    ...(requirement.extras.length > 0 ? { extras: [...requirement.extras] } : {}),
    source,
  };
}

/** The version an `==V` (not `==V.*`) or `===V` clause pins, normalized where it is PEP 440. */
export function pinnedVersionOf(set: SpecifierSet): string | undefined {
  for (const clause of set.specifiers) {
    if (clause.operator === "===") return clause.version;
    if (clause.operator === "==" && !clause.version.endsWith(".*")) {
      const normalized = normalizeVersion(clause.version);
      return normalized.ok ? normalized.value : clause.version;
    }
  }
  return undefined;
}

const PROJECT_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;

/** A distribution name as core metadata allows it (what an index can serve). */
export function isProjectName(name: string): boolean {
  return PROJECT_NAME.test(name);
}

/** pip treats these as links or paths rather than names. */
export function looksLikeReference(text: string): boolean {
  const first = text.split(/[ ;]/)[0] ?? text;
  return (
    SCHEME.test(first) ||
    VCS_SCHEME.test(first) ||
    first.startsWith(".") ||
    first.startsWith("/") ||
    first.startsWith("~") ||
    first.startsWith("\\") ||
    WINDOWS_PATH.test(first) ||
    ARCHIVE.test(first)
  );
}

/** Why a direct reference is not a lockable package, with its project name where the reference shows it. */
export function directReference(
  text: string,
  target: string,
  source: SourceLine,
  editable = false,
): Unmapped {
  const kind: UnmappedKind = editable
    ? "editable"
    : VCS_SCHEME.test(target)
      ? "vcs"
      : /^(https?|ftp):/i.test(target)
        ? "url"
        : "local-path";
  const named = nameFromReference(target);
  return {
    kind,
    text,
    ...(named.name ? { name: named.name } : {}),
    ...(named.version ? { version: named.version } : {}),
    reason: REASONS[kind].replace("{target}", target),
    source,
  };
}

const REASONS: Readonly<Record<UnmappedKind, string>> = {
  editable:
    "editable install of {target}: labenv builds environments from released packages, not from a working copy; publish the package to the lab's index or pin a released version",
  vcs: "installed from version control ({target}); a lock needs a released version from a package index; pin name==version of a release or publish a wheel",
  url: "direct URL reference ({target}); labenv resolves packages from an index so that the lock can be checked and rebuilt; pin a released version or mirror the file into the lab's index",
  "local-path":
    "local file or directory ({target}) that exists only on the machine it was written on; publish it to the lab's index or pin a released version",
  "remote-include": "{target}",
  "conda-spec": "{target}",
  "not-pep440": "{target}",
  "system-package": "{target}",
  "r-package": "{target}",
  script: "{target}",
  "conda-channel": "{target}",
  "conda-build": "{target}",
  "conda-header": "{target}",
  "conda-name": "{target}",
};

/** `#egg=name`, or the name and version in a wheel or sdist file name. */
function nameFromReference(target: string): { name?: string; version?: string } {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(target)?.[1];
  if (egg) return { name: normalizeName(egg) };
  const file = target.split(/[?#]/)[0]?.split("/").pop() ?? "";
  const archive = WHEEL_OR_SDIST_NAME.exec(file);
  if (archive?.[1] && archive[2]) {
    const version = normalizeVersion(archive[2]);
    return { name: normalizeName(archive[1]), ...(version.ok ? { version: version.value } : {}) };
  }
  return {};
}
