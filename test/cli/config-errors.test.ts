import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

/** A copy of the example repository whose labenv.yaml went through `edit`. */
function withConfig(edit: (text: string) => string): string {
  const dir = copyExampleRepo();
  const file = join(dir, "labenv.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

const COMMANDS = [
  ["status"],
  ["drift"],
  ["lock", "--check"],
  ["lock"],
  ["plan"],
  ["apply"],
  ["reconcile"],
  ["cost"],
  ["lease"],
  ["lease", "break"],
  ["sandbox", "exec", "genomics-core/rnaseq", "pip", "install", "requests==2.32.3"],
];

describe("any error in labenv.yaml refuses every command that depends on it (issue 14, item 14)", () => {
  it("a typo next to `target: aws` never falls back to the sandbox: every command exits 2 and says where", async () => {
    const dir = withConfig((t) => t.replace("  target: sandbox", "  targt: aws"));
    for (const args of COMMANDS) {
      const r = await runCli([...args, "--repo", dir]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(
        /labenv\.yaml has \d+ errors?, and this command depends on it: nothing was done/,
      );
      expect(r.stderr, args.join(" ")).toMatch(/labenv\.yaml:\d+:\d+ error .*targt/);
      expect(r.stdout, args.join(" ")).not.toMatch(/sandbox/);
    }
    expect(existsSync(join(dir, ".labenv"))).toBe(false);
  });

  it("a misspelt field under `aws:` with `target: aws` is refused the same way, with its position", async () => {
    const dir = withConfig((t) =>
      t
        .replace("  target: sandbox", "  target: aws")
        .replace("region: eu-west-1", "regoin: eu-west-1"),
    );
    const lines = readFileSync(join(dir, "labenv.yaml"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("regoin")) + 1;
    const r = await runCli(["status", "--repo", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`labenv.yaml:${line}:`);
    expect(r.stderr).toMatch(/regoin/);
    expect(r.stderr).toMatch(/fix labenv\.yaml \(`labenv validate` lists every finding\)/);
  });

  it("validate still reports labenv.yaml's findings itself (exit 1), and a missing labenv.yaml means the sandbox", async () => {
    const dir = withConfig((t) => t.replace("  target: sandbox", "  targt: aws"));
    const v = await runCli(["validate", dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/labenv\.yaml:\d+:\d+ error/);
    const none = copyExampleRepo();
    rmSync(join(none, "labenv.yaml"));
    const ok = await runCli(["status", "--repo", none, "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).provider).toMatch(/^sandbox/);
  });

  it("objects.store: s3 without a bucket is refused by name, never written to .labenv/objects instead", async () => {
    const dir = withConfig((t) =>
      t.replace("  objects:\n    store: directory", "  objects:\n    store: s3"),
    );
    const r = await runCli(["status", "--repo", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("objects.store: s3 in labenv.yaml needs objects.bucket");
    expect(existsSync(join(dir, ".labenv/objects"))).toBe(false);
  });
});
