// Runs the Python unit tests of the agent's Julia packages as installed (test/agent/test_julia_depot.py):
// the depot directory Pkg names from a package's uuid and tree (Base.version_slug, with the
// directory Pkg installs Example 0.5.3 in), and the git tree hash of its files against git itself.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";

describe("the agent's Julia depot reading (python3 unittest)", () => {
  it("passes", () => {
    const r = spawnSync("python3", [join(repoRoot, "test/agent/test_julia_depot.py"), "-v"], {
      encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    expect(r.stderr).toMatch(/Ran 12 tests/);
    expect(r.status, r.stderr).toBe(0);
  });
});
