// Julia's registry ranges, table by table (Deps.toml / Compat.toml, Pkg's VersionRange), and the
// TOML a registry is written in.
import { describe, expect, it } from "vitest";
import {
  formatJuliaVersion,
  inIntervals,
  parseRegistryRange,
  type VersionInterval,
} from "../../../reconciler/core/lock/julia-versions.js";
import { parseRegistryToml } from "../../../reconciler/core/lock/julia-registry-toml.js";
import { uuidsByName } from "../../../reconciler/core/lock/julia-packages.js";

const show = (intervals: VersionInterval[]) =>
  intervals
    .map((i) => `[${formatJuliaVersion(i.lower)}, ${i.upper ? formatJuliaVersion(i.upper) : "∞"})`)
    .join(" ∪ ");

describe("registry ranges (Deps.toml and Compat.toml)", () => {
  it.each([
    ["1.2", "[1.2.0, 1.3.0)"],
    ["1", "[1.0.0, 2.0.0)"],
    ["0", "[0.0.0, 1.0.0)"],
    ["0.3", "[0.3.0, 0.4.0)"],
    ["0.2.1", "[0.2.1, 0.2.2)"],
    ["0.5-0.7", "[0.5.0, 0.8.0)"],
    ["1.6.0-1", "[1.6.0, 2.0.0)"],
    ["0.21-0", "[0.21.0, 1.0.0)"],
    ["0.3.1-*", "[0.3.1, ∞)"],
    ["*", "[0.0.0, ∞)"],
  ])("%s is %s", (range, expected) => {
    const r = parseRegistryRange(range);
    expect(r.ok && show(r.value)).toBe(expected);
  });

  it("a Compat.toml array is the union, and 1.2 is not a caret here", () => {
    const r = parseRegistryRange(["0.5", "1.2"]);
    expect(r.ok && show(r.value)).toBe("[0.5.0, 0.6.0) ∪ [1.2.0, 1.3.0)");
    expect(r.ok && inIntervals([1, 5, 0], r.value)).toBe(false);
  });

  it.each(["", "1.2.x", "^1.2", "1.2 - ", "a-b"])("%j is refused", (range) => {
    expect(parseRegistryRange(range).ok).toBe(false);
  });
});

describe("the TOML a registry is written in", () => {
  it("reads tables, quoted keys, strings, booleans, arrays over several lines and inline tables", () => {
    const r = parseRegistryToml(
      [
        'name = "General" # the registry',
        "[packages]",
        '7876af07-990d-54b4-ab0e-23690620f79a = { name = "Example", path = "E/Example" }',
        '["0.5.3"]',
        'git-tree-sha1 = "46e44e869b4d90b96bd8ed1fdcf32244fddfb6cc"',
        "yanked = true",
        "[compat]",
        'Parsers = ["2.4",',
        '  "3"]',
        '"quoted key" = "a \\"b\\" # not a comment"',
      ].join("\n"),
    );
    if (!r.ok) throw new Error(r.error);
    expect(Object.fromEntries([...r.tables].map(([k, v]) => [k, Object.fromEntries(v)]))).toEqual({
      "": { name: "General" },
      packages: {
        "7876af07-990d-54b4-ab0e-23690620f79a": { name: "Example", path: "E/Example" },
      },
      "0.5.3": { "git-tree-sha1": "46e44e869b4d90b96bd8ed1fdcf32244fddfb6cc", yanked: true },
      compat: { Parsers: ["2.4", "3"], "quoted key": 'a "b" # not a comment' },
    });
  });

  it("reads General's own Registry.toml header, with its multi-line description", () => {
    const r = parseRegistryToml(
      [
        'name = "General"',
        'uuid = "23338594-aafe-5451-b93e-139f81909106"',
        'repo = "https://github.com/JuliaRegistries/General.git"',
        "",
        'description = """',
        "Official general Julia package registry where people can",
        'register any package they want, "quoted" # not a comment',
        '"""',
        "",
        "[packages]",
        '00000000-1111-2222-3333-444444444444 = { name = "Example", path = "E/Example" }',
      ].join("\n"),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.tables.get("")!.get("description")).toBe(
      'Official general Julia package registry where people can\nregister any package they want, "quoted" # not a comment\n',
    );
    expect([...r.tables.get("packages")!.keys()]).toEqual(["00000000-1111-2222-3333-444444444444"]);
  });

  it.each([
    ["x = 1", "x: expected a string, true/false, an array of strings or a table of strings"],
    [
      '[a]\nb = "1"\n[a]',
      "line 3, column 2: not TOML (trying to redefine an already defined table",
    ],
    ['a = "1"\na = "2"', "line 2, column 1: not TOML (trying to redefine"],
    ["[[deps.Example]]", "[deps] Example: expected a string, true/false"],
    ["[a]\nwhen = 2026-12-07", "[a] when: expected a string"],
    ['a = "unterminated', "line 1, column 5: not TOML (unfinished string)"],
    ['a = """never closed\nb = "c"', "line 1, column 5: not TOML (unfinished string)"],
  ])("%j is refused, saying where", (text, error) => {
    const r = parseRegistryToml(text);
    expect(!r.ok && r.error).toContain(error);
  });
});

describe("a registry that lists a package name twice", () => {
  it("names one uuid for it, its first, for both the reader and the resolver", () => {
    const index = new Map([
      ["00000000-1111-2222-3333-444444444444", { name: "Example", path: "E/Example" }],
      ["55555555-6666-7777-8888-999999999999", { name: "Example", path: "E/Example2" }],
    ]);
    expect(uuidsByName(index).get("Example")).toBe("00000000-1111-2222-3333-444444444444");
  });
});
