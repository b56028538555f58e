// Runs the Python unit tests of the notebook pre-save hook (test/agent/test_labenv_jupyter.py).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";

describe("labenv_jupyter.pre_save_hook (python3 unittest)", () => {
  it("passes: a notebook saved through it records environment, lock digest and image digest", () => {
    const r = spawnSync("python3", [join(repoRoot, "test/agent/test_labenv_jupyter.py"), "-v"], {
      encoding: "utf8",
      // Importing the hook must not leave bytecode in the source tree.
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    expect(r.stderr).toMatch(/Ran 4 tests/);
    expect(r.status).toBe(0);
  });
});
