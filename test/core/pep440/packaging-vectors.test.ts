import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  baseVersion,
  compareVersions,
  filter,
  formatSpecifierSet,
  formatVersion,
  isDevrelease,
  isPostrelease,
  isPrerelease,
  normalizeVersion,
  parseSpecifier,
  parseSpecifierSet,
  parseVersion,
  publicVersion,
  satisfies,
  specifierNamesPrerelease,
  type SpecifierSet,
  type Version,
} from "../../../reconciler/core/pep440/index.js";

/** Vectors from pypa/packaging's test suite; see the `note` inside the file. */
const vectors = JSON.parse(
  readFileSync(
    new URL("../../fixtures/pep440/packaging-test-vectors.json", import.meta.url),
    "utf8",
  ),
) as Vectors;

interface Vectors {
  versionsInOrder: string[];
  invalidVersions: string[];
  normalized: { input: string; normalized: string }[];
  parts: {
    version: string;
    epoch: number;
    release: number[];
    pre: [string, number] | null;
    post: number | null;
    dev: number | null;
    local: string | null;
    public: string;
    baseVersion: string;
    isPrerelease: boolean;
    isPostrelease: boolean;
    isDevrelease: boolean;
  }[];
  isPrerelease: { version: string; expected: boolean }[];
  isPostrelease: { version: string; expected: boolean }[];
  specifiersValid: string[];
  specifiersInvalid: string[];
  versionsValidInSpecifiers: string[];
  specifierSetStr: { input: string; expected: string }[];
  contains: { version: string; specifier: string; expected: boolean }[];
  identity: { version: string; specifier: string; expected: boolean }[];
  prereleaseDetection: { specifier: string; expected: boolean }[];
  specifierPrereleases: Flagged<{ version: string; expected: boolean }>[];
  singleSpecifierFilter: Flagged<{ input: string[]; expected: string[] }>[];
  specifierSetFilter: Flagged<{ input: string[]; expected: string[] }>[];
  exclusionaryBridgesFilter: {
    specifier: string;
    callPrereleases: boolean | null;
    input: string[];
    expected: string[];
  }[];
  exclusionaryBridgesContains: {
    specifier: string;
    callPrereleases: boolean | null;
    version: string;
    expected: boolean;
  }[];
  comparisonIgnoresLocal: { version: string; specifier: string; expected: boolean }[];
  arbitraryEqualityIntersection: { first: string; second: string; input: string[] }[];
  knownDifferences: { table: string; row: unknown[]; installedPackaging: unknown }[];
}

type Flagged<T> = T & {
  specifier: string;
  specifierPrereleases: boolean | null;
  callPrereleases: boolean | null;
};

function version(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(`fixture version ${text} did not parse: ${parsed.error.message}`);
  return parsed.value;
}

function specifierSet(text: string): SpecifierSet {
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok)
    throw new Error(`fixture specifier ${text} did not parse: ${parsed.error.message}`);
  return parsed.value;
}

/** packaging's `SpecifierSet(s).contains(v, prereleases=flag)`; with no flag it treats v as the only candidate. */
function containsLikePackaging(
  versionText: string,
  setText: string,
  flag: boolean | null,
): boolean {
  const set = specifierSet(setText);
  return flag === null
    ? filter([versionText], set).length > 0
    : satisfies(versionText, set, { prereleases: flag });
}

function effectiveFlag(row: {
  specifierPrereleases: boolean | null;
  callPrereleases: boolean | null;
}): boolean | null {
  return row.callPrereleases ?? row.specifierPrereleases;
}

/** The answer of the installed packaging where it differs from the upstream file. */
function installedAnswer(table: string, row: unknown[], upstream: unknown): unknown {
  const known = vectors.knownDifferences.find(
    (d) => d.table === table && JSON.stringify(d.row) === JSON.stringify(row),
  );
  return known ? known.installedPackaging : upstream;
}

describe("versions (tests/test_version.py)", () => {
  it("orders every pair of the upstream list as listed", () => {
    const parsed = vectors.versionsInOrder.map(version);
    for (let i = 0; i < parsed.length; i += 1) {
      for (let j = 0; j < parsed.length; j += 1) {
        expect(
          Math.sign(compareVersions(parsed[i]!, parsed[j]!)),
          `${vectors.versionsInOrder[i]} vs ${vectors.versionsInOrder[j]}`,
        ).toBe(Math.sign(i - j));
      }
    }
  });

  it.each(vectors.invalidVersions)("refuses %j", (text) => {
    expect(parseVersion(text).ok).toBe(false);
  });

  it.each(vectors.normalized)("normalizes $input to $normalized", ({ input, normalized }) => {
    expect(normalizeVersion(input)).toEqual({ ok: true, value: normalized });
  });

  it.each(vectors.parts)("splits $version into its parts", (row) => {
    const v = version(row.version);
    expect(v.epoch).toBe(BigInt(row.epoch));
    expect(v.release).toEqual(row.release.map(BigInt));
    expect(v.pre ? [v.pre.label, Number(v.pre.number)] : null).toEqual(row.pre);
    expect(v.post ?? null).toEqual(row.post === null ? null : BigInt(row.post));
    expect(v.dev ?? null).toEqual(row.dev === null ? null : BigInt(row.dev));
    expect(v.local ? v.local.join(".") : null).toBe(row.local);
    expect(formatVersion(publicVersion(v))).toBe(row.public);
    expect(formatVersion(baseVersion(v))).toBe(row.baseVersion);
    expect([isPrerelease(v), isPostrelease(v), isDevrelease(v)]).toEqual([
      row.isPrerelease,
      row.isPostrelease,
      row.isDevrelease,
    ]);
  });

  it("classifies pre- and post-releases", () => {
    for (const row of vectors.isPrerelease)
      expect(isPrerelease(version(row.version)), row.version).toBe(row.expected);
    for (const row of vectors.isPostrelease)
      expect(isPostrelease(version(row.version)), row.version).toBe(row.expected);
  });
});

describe("specifiers (tests/test_specifiers.py)", () => {
  it("accepts the valid clauses and refuses the invalid ones", () => {
    for (const text of vectors.specifiersValid) expect(parseSpecifier(text).ok, text).toBe(true);
    for (const text of vectors.specifiersInvalid) expect(parseSpecifier(text).ok, text).toBe(false);
  });

  it("accepts every version spelling after every operator that allows it", () => {
    for (const v of vectors.versionsValidInSpecifiers) {
      const operators = v.includes("+") ? ["==", "!="] : ["~=", "==", "!=", "<=", ">=", "<", ">"];
      for (const op of operators) expect(parseSpecifier(op + v).ok, op + v).toBe(true);
    }
  });

  it.each(vectors.specifierSetStr)("writes $input as $expected", ({ input, expected }) => {
    expect(formatSpecifierSet(specifierSet(input))).toBe(expected);
  });

  it.each(vectors.contains)(
    "$version in $specifier is $expected (prereleases allowed)",
    ({ version: v, specifier, expected }) => {
      expect(containsLikePackaging(v, specifier, true)).toBe(expected);
    },
  );

  it.each(vectors.identity)(
    "$version in $specifier is $expected",
    ({ version: v, specifier, expected }) => {
      expect(containsLikePackaging(v, specifier, null)).toBe(expected);
    },
  );

  it.each(vectors.prereleaseDetection)(
    "$specifier names a pre-release: $expected",
    ({ specifier, expected }) => {
      const parsed = parseSpecifier(specifier);
      expect(parsed.ok && specifierNamesPrerelease(parsed.value) === true).toBe(expected);
    },
  );

  it.each(vectors.specifierPrereleases)(
    "$version in $specifier with flags $specifierPrereleases/$callPrereleases",
    (row) => {
      expect(containsLikePackaging(row.version, row.specifier, effectiveFlag(row))).toBe(
        row.expected,
      );
    },
  );

  it.each([...vectors.singleSpecifierFilter, ...vectors.specifierSetFilter])(
    "filters $input by $specifier",
    (row) => {
      const flag = effectiveFlag(row);
      const expected = installedAnswer(
        "specifierSetFilter",
        [row.specifier, row.specifierPrereleases, row.callPrereleases, row.input, row.expected],
        row.expected,
      );
      const got = filter(
        row.input,
        specifierSet(row.specifier),
        flag === null ? {} : { prereleases: flag },
      );
      expect(got).toEqual(expected);
    },
  );

  it.each(vectors.exclusionaryBridgesFilter)("filters $input by $specifier (gaps)", (row) => {
    const got = filter(
      row.input,
      specifierSet(row.specifier),
      row.callPrereleases === null ? {} : { prereleases: row.callPrereleases },
    );
    expect(got).toEqual(row.expected);
  });

  it.each(vectors.exclusionaryBridgesContains)(
    "$version in $specifier (gaps, flag $callPrereleases)",
    (row) => {
      expect(containsLikePackaging(row.version, row.specifier, row.callPrereleases)).toBe(
        row.expected,
      );
    },
  );

  it.each(vectors.comparisonIgnoresLocal)(
    "$version in $specifier is $expected (local label)",
    ({ version: v, specifier, expected }) => {
      expect(satisfies(version(v), specifierSet(specifier))).toBe(expected);
    },
  );

  it.each(vectors.arbitraryEqualityIntersection)(
    "=== keeps intersections for $first,$second",
    ({ first, second, input }) => {
      const a = new Set(filter(input, specifierSet(first)));
      const b = new Set(filter(input, specifierSet(second)));
      const both = new Set(filter(input, specifierSet(`${first},${second}`)));
      expect([...both].sort()).toEqual([...a].filter((x) => b.has(x)).sort());
    },
  );

  it("records where the installed packaging differs from the upstream test file", () => {
    expect(vectors.knownDifferences.map((d) => d.table)).toEqual(
      Array(6).fill("specifierSetFilter"),
    );
  });
});
