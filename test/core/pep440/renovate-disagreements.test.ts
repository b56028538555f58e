import * as renovate from "@renovatebot/pep440";
import { describe, expect, it } from "vitest";
import { parseSpecifierSet, satisfies } from "../../../reconciler/core/pep440/index.js";

/**
 * Why labenv matches specifiers itself: `@renovatebot/pep440` answers these
 * differently from Python's `packaging` 26.2 (the answers below are packaging's,
 * with pre-releases allowed so only the operator rules are compared).
 * The generated differential test finds about one disagreement in twelve on
 * single-clause checks near boundaries. Version 5 fixed `==` and `!=` with a
 * local label (`2.1.0+cpu` in `==2.1.0+cu121`); the rest still disagree.
 */
const CASES: { version: string; specifier: string; packaging: boolean; why: string }[] = [
  {
    version: "1.0b1",
    specifier: "<1.0.post1",
    packaging: true,
    why: "<V refuses only pre-releases of V itself",
  },
  {
    version: "1.0",
    specifier: ">1.0.dev3",
    packaging: true,
    why: "1.0 is greater than its own dev release",
  },
  {
    version: "1.0",
    specifier: ">1.0rc1",
    packaging: true,
    why: "a final release is greater than its release candidate",
  },
  {
    version: "1.0.post1",
    specifier: ">1.0.post1.dev1",
    packaging: true,
    why: ">V where V is a dev release of a post-release",
  },
  {
    version: "0",
    specifier: "==0.0.*",
    packaging: true,
    why: "prefix matching pads the release with zeros",
  },
  {
    version: "1.18446744073709551618",
    specifier: ">1.18446744073709551617",
    packaging: true,
    why: "release numbers beyond 2^53 compare exactly",
  },
  {
    version: "1.1",
    specifier: "~=1.0.RC1",
    packaging: false,
    why: "~= takes its prefix from the text as written",
  },
];

describe("@renovatebot/pep440 disagrees with packaging where labenv agrees", () => {
  it.each(CASES)("$version in $specifier: $why", ({ version, specifier, packaging }) => {
    const set = parseSpecifierSet(specifier);
    if (!set.ok) throw new Error(set.error.message);
    expect(satisfies(version, set.value, { prereleases: true })).toBe(packaging);
    expect(renovate.satisfies(version, specifier, { prereleases: true })).toBe(!packaging);
  });

  it("still agrees on plain ordering, which labenv checks separately", () => {
    expect(renovate.compare("1.0rc1", "1.0")).toBeLessThan(0);
    expect(renovate.compare("1!0.1", "2.0")).toBeGreaterThan(0);
  });
});
