// The project_hash a generated Manifest.toml carries, against values Julia's Pkg itself wrote and
// against the text its code hashes (JuliaLang/Pkg.jl Types.project_resolve_hash, v1.8.0–v1.11.9,
// and Types.workspace_resolve_hash from v1.12.0).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { juliaProjectHash } from "../../../reconciler/core/image/julia-project.js";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const IJULIA = "7073ff75-c697-5162-941a-fcdaad2a7d2a";

describe("juliaProjectHash", () => {
  it.each([
    // Pkg.jl v1.10.4 test/test_packages/ShouldPreserveSemver: Project.toml [deps] LightGraphs only;
    // its Manifest.toml (julia_version 1.9.0-DEV) says project_hash = "9af0d7a4…".
    [
      "1.9.0",
      [["LightGraphs", "093fc24a-ae57-5d10-9952-331d41423f4d"]],
      "9af0d7a4d60a77b1a42f518d7da50edc4261ffcb",
    ],
    // Pkg.jl v1.10.4 test/test_packages/RecurringPrecompile (julia_version 1.10.0-DEV).
    [
      "1.10.0",
      [["CSV", "336ed68f-0bac-5ca0-87d4-7b16caf5d00b"]],
      "de8e0bb32b50d890eb0519dc7725e6a1f422aa74",
    ],
  ] as const)("Julia %s: the hash Pkg wrote for a project of %j", (julia, deps, expected) => {
    expect(juliaProjectHash(julia, deps, [])).toBe(expected);
  });

  it("Julia 1.8 to 1.11: deps, then every compat entry with julia, each VersionSpec as printed", () => {
    const hash = juliaProjectHash(
      "1.10.4",
      [["IJulia", IJULIA]],
      [
        ["julia", "1.10.4"],
        ["IJulia", "1.24.2"],
      ],
    );
    // println(name, "=", uuid) per dep, then println(name, "=", compat.val), both sorted by name.
    expect(hash).toBe(sha1(`IJulia=${IJULIA}\nIJulia=1.24.2\njulia=1.10.4\n`));
    expect(hash).toBe("1bbee423d95003ea239bf161b8a8c3fca79956ad");
    expect(
      juliaProjectHash(
        "1.8.0",
        [["IJulia", IJULIA]],
        [
          ["IJulia", "1.24.2"],
          ["julia", "1.10.4"],
        ],
      ),
    ).toBe(hash);
  });

  it("Julia 1.12 and later: deps, an empty line, weak deps (none), an empty line, the deps' compat without julia", () => {
    const hash = juliaProjectHash(
      "1.12.0",
      [["IJulia", IJULIA]],
      [
        ["IJulia", "1.24.2"],
        ["julia", "1.12.0"],
      ],
    );
    expect(hash).toBe(sha1(`IJulia=${IJULIA}\n\n\nIJulia=1.24.2\n`));
    expect(hash).toBe("57f07b4cdc6d2674c01abdde96eef8c0e13a14d8");
  });

  it("Julia before 1.8 records no project_hash", () => {
    expect(juliaProjectHash("1.7.3", [["IJulia", IJULIA]], [])).toBeUndefined();
  });
});
