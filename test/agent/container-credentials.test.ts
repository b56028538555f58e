// Runs the Python unit tests of the agent's AWS_CONTAINER_CREDENTIALS_RELATIVE_URI path
// (test/agent/test_container_credentials.py): a credentials endpoint and S3 stand-in on 127.0.0.1.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";

describe("the agent's container credentials (python3 unittest)", () => {
  it("passes: the task role's credentials from the relative path sign its PutObject", () => {
    const r = spawnSync(
      "python3",
      [join(repoRoot, "test/agent/test_container_credentials.py"), "-v"],
      { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
    );
    expect(r.stderr).toMatch(/Ran 6 tests/);
    expect(r.status, r.stderr).toBe(0);
  });
});
