// Runs the Python unit tests of the agent's home modes (test/agent/test_home_modes.py): the
// inventory a snapshot's manifest is built from on AWS (bounded, symlinks never followed, a file
// changing while read reported), the restore move (a planted corruption and an existing file) and
// the restore find on AWS (several restore directories, an older one, none, a refusal) and the
// restore check of a drill (sums reported, the restore directory removed, the home untouched).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";

describe("the agent's home inventory and restore move (python3 unittest)", () => {
  it("passes", () => {
    const r = spawnSync("python3", [join(repoRoot, "test/agent/test_home_modes.py"), "-v"], {
      encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    expect(r.stderr).toMatch(/Ran 32 tests/);
    expect(r.status, r.stderr).toBe(0);
  });
});
