// The Julia resolver, table by table: each case a small registry (name → version → what it
// needs, in registry ranges), the pins, and the versions locked or the log of why none work.
import { describe, expect, it } from "vitest";
import {
  resolveJuliaPackages,
  type JuliaRegistry,
  type JuliaRegistryPackage,
} from "../../../reconciler/core/lock/julia-packages.js";
import { parseRegistryRange } from "../../../reconciler/core/lock/julia-versions.js";
import type { DomainPack, Environment } from "../../../reconciler/core/model/documents.js";

type Version = { needs?: Record<string, string>; julia?: string; yanked?: boolean };
type Table = Record<string, Record<string, Version>>;

const uuidOf = (name: string) => {
  const hex = Buffer.from(name.padEnd(16, "_")).toString("hex").slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
const range = (text: string) => {
  const r = parseRegistryRange(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** A registry holding every package of the table (or only `read` of them: the rest unread). */
function registryOf(table: Table, read?: string[]): JuliaRegistry {
  const index = new Map(Object.keys(table).map((n) => [uuidOf(n), { name: n, path: `X/${n}` }]));
  const packages = new Map<string, JuliaRegistryPackage>();
  for (const [name, versions] of Object.entries(table)) {
    if (read && !read.includes(name)) continue;
    const pkg: JuliaRegistryPackage = {
      name,
      uuid: uuidOf(name),
      versions: new Map(),
      deps: [],
      compat: [],
    };
    for (const [v, spec] of Object.entries(versions)) {
      pkg.versions.set(v, { gitTreeSha1: "0".repeat(40), yanked: spec.yanked ?? false });
      const needs = Object.entries(spec.needs ?? {});
      pkg.deps.push({
        range: range(v),
        deps: Object.fromEntries(
          needs.map(([dep]) => [dep, dep === "Dates" ? DATES : uuidOf(dep)]),
        ),
      });
      pkg.compat.push({
        range: range(v),
        compat: Object.fromEntries([
          ...needs.filter(([, r]) => r !== "*").map(([dep, r]) => [dep, range(r)]),
          ...(spec.julia ? [["julia", range(spec.julia)]] : []),
        ]),
      });
    }
    packages.set(pkg.uuid, pkg);
  }
  return { url: "http://127.0.0.1:1/registry", index, packages };
}
const DATES = "ade2ca70-3891-5945-98fb-dc099432e06a";

function resolve(
  table: Table,
  pins: string[],
  options: { maxSteps?: number; read?: string[] } = {},
) {
  const env = { spec: { julia: { registry: "http://127.0.0.1:1/registry", packages: pins } } };
  const pack = {
    metadata: { name: "juliastats", version: "1.0.0" },
    spec: { kernels: [{ name: "julia-1.10", language: "julia", version: "1.10.4" }] },
  };
  return resolveJuliaPackages(
    env as unknown as Environment,
    pack as unknown as DomainPack,
    registryOf(table, options.read),
    options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {},
  );
}

const versions = (r: ReturnType<typeof resolve>) =>
  r.ok === true
    ? Object.fromEntries(r.julia.packages.map((p) => [p.name, p.version]))
    : r.ok === false
      ? r.errors
      : r;

describe("the Julia resolver", () => {
  it.each<[string, Table, string[], Record<string, string>]>([
    [
      // Taking A's highest (2.0.0) forces C 1.x, which B cannot take: a greedy pick fails here.
      "goes back to an earlier choice when a later package has no version left",
      {
        IJulia: { "1.0.0": { needs: { A: "*", B: "*" } } },
        A: { "2.0.0": { needs: { C: "1" } }, "1.0.0": { needs: { C: "2" } } },
        B: { "1.0.0": { needs: { C: "2" } } },
        C: { "1.0.0": {}, "1.5.0": {}, "2.0.0": {}, "2.1.0": {} },
      },
      ["IJulia==1.0.0"],
      { IJulia: "1.0.0", A: "1.0.0", B: "1.0.0", C: "2.1.0" },
    ],
    [
      "takes the highest versions that work, earlier names first",
      {
        IJulia: { "1.0.0": { needs: { A: "*", B: "*" } } },
        A: { "1.0.0": { needs: { B: "1" } }, "1.1.0": { needs: { B: "2" } } },
        B: { "1.0.0": {}, "2.0.0": {}, "2.3.0": {} },
      },
      ["IJulia==1.0.0"],
      { IJulia: "1.0.0", A: "1.1.0", B: "2.3.0" },
    ],
    [
      "skips yanked versions and versions whose julia compat excludes the pack's Julia",
      {
        IJulia: { "1.0.0": { needs: { A: "*", Dates: "*" } } },
        A: { "3.0.0": { yanked: true }, "2.0.0": { julia: "1.11-1" }, "1.0.0": { julia: "1.6-1" } },
      },
      ["IJulia==1.0.0"],
      { IJulia: "1.0.0", A: "1.0.0" },
    ],
    [
      "a package needed only by a version given up is not locked",
      {
        IJulia: { "1.0.0": { needs: { A: "*" } } },
        A: { "2.0.0": { needs: { Gone: "*", B: "1" } }, "1.0.0": {} },
        B: { "2.0.0": {} },
        Gone: { "1.0.0": {} },
      },
      ["IJulia==1.0.0"],
      { IJulia: "1.0.0", A: "1.0.0" },
    ],
    [
      "pins hold: a pin's dependency is chosen to suit it",
      {
        IJulia: { "1.0.0": { needs: { JSON: "0.21-0" } } },
        JSON: { "0.21.4": { needs: { Parsers: "2.4" } }, "0.22.0": { needs: { Parsers: "2.8" } } },
        Parsers: { "2.4.3": {}, "2.8.1": {} },
      },
      ["IJulia==1.0.0", "Parsers==2.4.3"],
      { IJulia: "1.0.0", JSON: "0.21.4", Parsers: "2.4.3" },
    ],
  ])("%s", (_, table, pins, expected) => {
    expect(versions(resolve(table, pins))).toEqual(expected);
    // The same registry listed in another order gives the same lock.
    const reversed = Object.fromEntries(Object.entries(table).reverse());
    expect(versions(resolve(reversed, [...pins].reverse()))).toEqual(expected);
  });

  it("explains an unsatisfiable set with the chain of compat ranges that conflict", () => {
    const r = resolve(
      {
        IJulia: { "1.24.2": { needs: { JSON: "0.20-0.21", Dates: "*" } } },
        JSON: {
          "0.19.0": {},
          "0.21.3": { needs: { Parsers: "2.4" } },
          "0.21.4": { needs: { Parsers: "2.4" } },
          "0.21.5": { yanked: true },
        },
        Parsers: { "2.4.3": {}, "2.8.1": {} },
      },
      ["IJulia==1.24.2", "Parsers==2.8.1"],
    );
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.errors).toEqual([
      "no set of Julia package versions satisfies every compat range; the resolver's log:",
      `JSON [${uuidOf("JSON").slice(0, 8)}] (needed by IJulia 1.24.2 (pinned in environment.yaml)): possible versions are 0.21.4, 0.21.3, 0.19.0 (1 yanked), and none works:`,
      "  JSON 0.21.4, 0.21.3: needs Parsers [2.4.0, 2.5.0), but Parsers is 2.8.1 (pinned in environment.yaml)",
      "  JSON 0.19.0: IJulia 1.24.2 (pinned in environment.yaml) needs JSON [0.20.0, 0.22.0)",
    ]);
  });

  it("shows the choices that led to a conflict found deeper down", () => {
    const r = resolve(
      {
        IJulia: { "1.0.0": { needs: { A: "*" } } },
        A: { "1.0.0": { needs: { B: "*" } } },
        B: { "1.0.0": { julia: "1.11-1" }, "2.0.0": { needs: { C: "*", D: "*" } } },
        C: { "1.0.0": { needs: { E: "1" } } },
        D: { "1.0.0": { needs: { E: "2" } } },
        E: { "1.0.0": {}, "2.0.0": {} },
      },
      ["IJulia==1.0.0"],
    );
    const u = (n: string) => uuidOf(n).slice(0, 8);
    const viaA = "needed by A 1.0.0 (needed by IJulia 1.0.0 (pinned in environment.yaml))";
    const viaB = `needed by B 2.0.0 (${viaA})`;
    expect(r.ok === false && r.errors.slice(1)).toEqual([
      `A [${u("A")}] (needed by IJulia 1.0.0 (pinned in environment.yaml)): possible versions are 1.0.0, and none works:`,
      "  A 1.0.0 was tried; then:",
      `    B [${u("B")}] (${viaA}): possible versions are 2.0.0, 1.0.0, and none works:`,
      "      B 2.0.0 was tried; then:",
      `        C [${u("C")}] (${viaB}): possible versions are 1.0.0, and none works:`,
      "          C 1.0.0 was tried; then:",
      `            D [${u("D")}] (${viaB}): possible versions are 1.0.0, and none works:`,
      `              D 1.0.0: needs E [2.0.0, 3.0.0), but C 1.0.0 (${viaB}) needs E [1.0.0, 2.0.0)`,
      "      B 1.0.0: does not support Julia 1.10.4, the pack's (its compat: julia [1.11.0, 2.0.0))",
    ]);
  });

  it("looks ahead: a version whose compat leaves a dependency no version is refused at once", () => {
    // Without looking ahead, each of P's 4^8 combinations would be tried before Z is reached.
    const table: Table = { IJulia: { "1.0.0": { needs: {} } }, Z: { "1.0.0": {} } };
    for (let i = 0; i < 8; i++) {
      const name = `P${i}`;
      table.IJulia!["1.0.0"]!.needs![name] = "*";
      table[name] = Object.fromEntries(
        ["1.0.0", "2.0.0", "3.0.0", "4.0.0"].map((v) => [v, { needs: { Z: "2" } }]),
      );
    }
    const r = resolve(table, ["IJulia==1.0.0"], { maxSteps: 50 });
    expect(r.ok === false && r.errors.slice(1)).toEqual([
      `P0 [${uuidOf("P0").slice(0, 8)}] (needed by IJulia 1.0.0 (pinned in environment.yaml)): possible versions are 4.0.0, 3.0.0, 2.0.0, 1.0.0, and none works:`,
      "  P0 4.0.0, 3.0.0, 2.0.0, 1.0.0: needs Z [2.0.0, 3.0.0), and the registry holds no version of Z in it that is not yanked",
    ]);
  });

  it("gives up after its step bound, saying where and how to narrow the search", () => {
    // Twelve packages of four versions each, and Z, chosen last, suits no version of P00: the
    // search would try 4^12 combinations before it knows.
    const table: Table = {
      IJulia: { "1.0.0": { needs: { Z: "*" } } },
      Z: { "1.0.0": { needs: { P00: "9" } } },
    };
    for (let i = 0; i < 12; i++) {
      const name = `P${String(i).padStart(2, "0")}`;
      table.IJulia!["1.0.0"]!.needs![name] = "*";
      table[name] = Object.fromEntries(["1.0.0", "2.0.0", "3.0.0", "4.0.0"].map((v) => [v, {}]));
    }
    const r = resolve(table, ["IJulia==1.0.0"], { maxSteps: 5000 });
    expect(r.ok === false && r.errors).toEqual([
      expect.stringMatching(
        /^the Julia resolver gave up after trying 5000 versions \(at P\d\d, with \d+ packages chosen\): .*pin some of the dependencies in spec\.julia\.packages to narrow the search$/,
      ),
    ]);
  });

  it("asks for the packages it needs that were not read yet", () => {
    const table: Table = {
      IJulia: { "1.0.0": { needs: { A: "*", B: "*" } } },
      A: { "1.0.0": {} },
      B: { "1.0.0": {} },
    };
    expect(resolve(table, ["IJulia==1.0.0"], { read: ["IJulia"] })).toEqual({
      ok: "need",
      uuids: [uuidOf("A"), uuidOf("B")].sort(),
    });
  });
});
