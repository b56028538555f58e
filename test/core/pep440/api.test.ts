import { describe, expect, it } from "vitest";
import {
  evaluateMarker,
  filter,
  formatRequirement,
  formatVersion,
  normalizeName,
  parseMarker,
  parseRequirement,
  parseSpecifierSet,
  parseVersion,
  satisfies,
  type SpecifierSet,
} from "../../../reconciler/core/pep440/index.js";

function set(text: string): SpecifierSet {
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe("versions", () => {
  it("keeps the structured parts, with exact big numbers", () => {
    const parsed = parseVersion("2!1.20240101123456789.0rc1.post2.dev3+CU121.x");
    expect(parsed).toEqual({
      ok: true,
      value: {
        epoch: 2n,
        release: [1n, 20240101123456789n, 0n],
        pre: { label: "rc", number: 1n },
        post: 2n,
        dev: 3n,
        local: ["cu121", "x"],
      },
    });
    if (parsed.ok)
      expect(formatVersion(parsed.value)).toBe("2!1.20240101123456789.0rc1.post2.dev3+cu121.x");
  });

  it("reports an invalid version as a value, not an exception", () => {
    expect(parseVersion("1.0+")).toMatchObject({ ok: false, error: { column: 1 } });
  });
});

describe("specifier sets", () => {
  it("points at the clause that is wrong", () => {
    expect(parseSpecifierSet(">=1.2, =>2")).toMatchObject({ ok: false, error: { column: 8 } });
  });

  it("refuses pre-releases unless asked for or named", () => {
    expect(satisfies("2.0rc1", set(">=1.0"))).toBe(false);
    expect(satisfies("2.0rc1", set(">=1.0"), { prereleases: true })).toBe(true);
    expect(satisfies("2.0rc1", set(">=1.0,!=2.0b1"))).toBe(false);
    expect(satisfies("2.0rc1", set(">=2.0b1"))).toBe(true);
  });

  it("filters like a resolver: pre-releases only when nothing final matches", () => {
    expect(filter(["1.0", "2.0rc1"], set(">=1.0"))).toEqual(["1.0"]);
    expect(filter(["0.9", "2.0rc1"], set(">=1.0"))).toEqual(["2.0rc1"]);
  });

  it("applies local-label and exclusive-bound rules", () => {
    expect(satisfies("2.1.0+cu121", set("==2.1.0"))).toBe(true);
    expect(satisfies("2.1.0+cu121", set("==2.1.0+cpu"))).toBe(false);
    expect(satisfies("1.0.post1", set(">1.0"))).toBe(false);
    expect(satisfies("1.0.post2", set(">1.0.post1"))).toBe(true);
    expect(satisfies("1.0+local", set(">1.0"))).toBe(false);
    expect(satisfies("1.0rc1", set("<1.0"), { prereleases: true })).toBe(false);
    expect(satisfies("1.0rc1", set("<1.0rc2"))).toBe(true);
    expect(satisfies("1!0.1", set(">9.0"))).toBe(true);
  });
});

describe("requirements", () => {
  it("reads the parts of a PEP 508 line", () => {
    const parsed = parseRequirement(
      'Scikit_Learn[plot, Docs] (>=1.3,<1.6) ; python_version < "3.12"',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.normalizedName).toBe("scikit-learn");
    expect(parsed.value.extras).toEqual(["plot", "Docs"]);
    expect(formatRequirement(parsed.value)).toBe(
      'Scikit_Learn[Docs,plot]<1.6,>=1.3; python_version < "3.12"',
    );
  });

  it("reads direct references", () => {
    expect(
      parseRequirement("xarray @ file:///srv/wheels/xarray-2024.1.0-py3-none-any.whl"),
    ).toMatchObject({
      ok: true,
      value: {
        normalizedName: "xarray",
        url: "file:///srv/wheels/xarray-2024.1.0-py3-none-any.whl",
      },
    });
  });

  it("says where and what was expected", () => {
    expect(parseRequirement("numpy >=1.26 python_version")).toEqual({
      ok: false,
      error: {
        message:
          "Expected comma (within version specifier), semicolon (after version specifier) or end",
        column: 14,
        expected: "comma (within version specifier), semicolon (after version specifier) or end",
      },
    });
    expect(parseRequirement("numpy>=1.26.*")).toMatchObject({
      ok: false,
      error: { column: 12, expected: "`==` or `!=` before a .* suffix" },
    });
    expect(parseRequirement("")).toMatchObject({
      ok: false,
      error: { column: 1, expected: "package name at the start of dependency specifier" },
    });
  });

  it("normalizes names per PEP 503", () => {
    expect(normalizeName("Foo.Bar__baz-_-qux")).toBe("foo-bar-baz-qux");
  });
});

describe("markers", () => {
  const linux = {
    python_version: "3.11",
    python_full_version: "3.11.7",
    sys_platform: "linux",
    platform_machine: "x86_64",
    implementation_name: "cpython",
  };

  it("evaluates against a given environment", () => {
    const marker = parseMarker(
      'python_version < "3.12" and (sys_platform == "linux" or platform_machine == "arm64")',
    );
    expect(marker.ok && evaluateMarker(marker.value, linux)).toEqual({ ok: true, value: true });
    expect(marker.ok && evaluateMarker(marker.value, { ...linux, python_version: "3.12" })).toEqual(
      { ok: true, value: false },
    );
  });

  it("normalizes extra names on both sides, also inside parentheses (PEP 685)", () => {
    const marker = parseMarker('(extra == "Plot_Tools" and python_version >= "3")');
    expect(marker.ok && evaluateMarker(marker.value, { ...linux, extra: "plot.tools" })).toEqual({
      ok: true,
      value: true,
    });
  });

  it("returns an error value for a missing name or an undefined comparison", () => {
    const missing = parseMarker('os_name == "nt"');
    expect(missing.ok && evaluateMarker(missing.value, linux)).toMatchObject({
      ok: false,
      error: { name: "os_name" },
    });
    const undefinedComparison = parseMarker('sys_platform ~= "linux"');
    expect(
      undefinedComparison.ok && evaluateMarker(undefinedComparison.value, linux),
    ).toMatchObject({ ok: false, error: { name: "sys_platform" } });
  });

  it("reads quoted strings as Python literals", () => {
    const marker = parseMarker('sys_platform == "\\x6cinux"');
    expect(marker.ok && evaluateMarker(marker.value, linux)).toEqual({ ok: true, value: true });
    expect(parseMarker('sys_platform == "a\\"')).toMatchObject({ ok: false });
  });

  it("refuses parentheses nested thousands deep with a positioned error, not a stack overflow", () => {
    const deep = `${"(".repeat(5000)}python_version < "3.11"${")".repeat(5000)}`;
    expect(parseMarker(deep)).toEqual({
      ok: false,
      error: expect.objectContaining({
        column: 65,
        message: "Marker parentheses nested more than 64 deep",
      }) as unknown,
    });
    const requirement = parseRequirement(`numpy==1.26.4 ; ${deep}`);
    expect(requirement).toMatchObject({ ok: false, error: { column: 17 + 64 } });
    const allowed = `${"(".repeat(64)}python_version < "3.11"${")".repeat(64)}`;
    expect(parseMarker(allowed).ok).toBe(true);
  });
});
