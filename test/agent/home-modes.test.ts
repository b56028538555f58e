// Runs the Python unit tests of the agent's home modes (test/agent/test_home_modes.py): the
// inventory a snapshot's manifest is built from on AWS (bounded, symlinks never followed, a file
// changing while read reported), the restore move (a planted corruption and an existing file) and
// the restore find on AWS (several restore directories, an older one, none, a refusal), the
// restore check of a drill (sums reported, the restore directory removed, the home untouched), the
// one per-file check the three share, and the replace of restoreFrom.overwrite (each replaced
// thing kept aside, a symbolic link never followed, killed before each of its changes and run again).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";

describe("the agent's home inventory and restore move (python3 unittest)", () => {
  // The replace is killed at each of its ~50 changes and run again: two agent processes each.
  it("passes", { timeout: 180_000 }, () => {
    const r = spawnSync("python3", [join(repoRoot, "test/agent/test_home_modes.py"), "-v"], {
      encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    expect(r.stderr).toMatch(/Ran 46 tests/);
    expect(r.status, r.stderr).toBe(0);
  });
});
