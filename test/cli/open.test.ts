// `labenv open <lab/env>` in the sandbox: the address from labenv.yaml's access section, the
// owner and read-only shares, and where the listener routes the path now (read back from the
// simulated load balancer, not from git).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

function withAccess(): string {
  const dir = copyExampleRepo();
  const file = join(dir, "labenv.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace(
      "  target: sandbox\n",
      "  target: sandbox\n  access:\n    address: https://jupyter.westtek.example/\n",
    ),
  );
  return dir;
}

describe("labenv open", () => {
  it("prints the address, the owner and the routing the listener holds", async () => {
    const dir = withAccess();
    const before = await runCli(["open", "genomics-core/rnaseq", "--repo", dir]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain("routed to: not routed yet");
    expect((await runCli(["apply", "--repo", dir])).code).toBe(0);
    const running = await runCli(["open", "genomics-core/rnaseq", "--repo", dir]);
    expect(running.stdout.split("\n")).toEqual([
      "https://jupyter.westtek.example/genomics-core/rnaseq/",
      "  owner: rpatel (the only one who reaches its Jupyter)",
      "  shared with: no lab",
      "  routed to: environment",
      "",
    ]);
    const stopped = await runCli([
      "open",
      "genomics-core/variant-calling",
      "--repo",
      dir,
      "--json",
    ]);
    expect(JSON.parse(stopped.stdout)).toMatchObject({
      address: "https://jupyter.westtek.example/genomics-core/variant-calling/",
      routing: "wake page",
    });
  }, 60_000);

  it("says how to switch access on, and names the environments for an unknown one", async () => {
    const off = await runCli(["open", "genomics-core/rnaseq", "--repo", copyExampleRepo()]);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("researcher access is off");
    const unknown = await runCli(["open", "genomics-core/nope", "--repo", withAccess()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("genomics-core/nope is not an environment");
  });

  it("--serve refuses a port that is not one", async () => {
    const bad = await runCli([
      "open",
      "genomics-core/rnaseq",
      "--repo",
      withAccess(),
      "--serve",
      "--port",
      "80a",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--port 80a is not a port");
  });
});
