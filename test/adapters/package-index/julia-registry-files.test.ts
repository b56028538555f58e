// A Julia registry's files read from a git repository made here: at one commit, with git, each
// file's size known before it is read.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  MAX_JULIA_REGISTRY_FILE_BYTES,
  openRegistryFiles,
} from "../../../reconciler/adapters/package-index/julia-registry-files.js";
import { git } from "../../e2e/temp-git-repo.js";

function registryRepo(): { dir: string; first: string; second: string } {
  const dir = mkdtempSync(join(tmpdir(), "labenv-julia-files-"));
  mkdirSync(join(dir, "E/Example"), { recursive: true });
  writeFileSync(join(dir, "Registry.toml"), 'name = "One"\n');
  writeFileSync(join(dir, "E/Example/Package.toml"), 'name = "Example"\n');
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "one");
  const first = git(dir, "rev-parse", "HEAD");
  writeFileSync(join(dir, "Registry.toml"), 'name = "Two"\n');
  writeFileSync(join(dir, "E/Example/Deps.toml"), "x".repeat(MAX_JULIA_REGISTRY_FILE_BYTES + 1));
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "two");
  return { dir, first, second: git(dir, "rev-parse", "HEAD") };
}

describe("a Julia registry in git", () => {
  it("is read at the commit asked for, or where the ref is now; a missing optional file is none, a missing one is an error", async () => {
    const { dir, first, second } = registryRepo();
    const url = `git+${pathToFileURL(dir).href}#main`;
    const now = await openRegistryFiles(url, undefined);
    const old = await openRegistryFiles(url, first);
    try {
      expect(now.commit).toBe(second);
      expect((await now.read(["Registry.toml"])).get("Registry.toml")).toBe('name = "Two"\n');
      expect(old.commit).toBe(first);
      const files = await old.read(
        ["Registry.toml", "E/Example/Deps.toml"],
        new Set(["E/Example/Deps.toml"]),
      );
      expect(Object.fromEntries(files)).toEqual({
        "Registry.toml": 'name = "One"\n',
        "E/Example/Deps.toml": undefined,
      });
      await expect(old.read(["E/Example/Versions.toml"])).rejects.toThrow(
        `the registry has no E/Example/Versions.toml at commit ${first}`,
      );
    } finally {
      await now.close();
      await old.close();
    }
  });

  it("refuses a file over 8 MiB by its size, and a commit the repository does not have", async () => {
    const { dir } = registryRepo();
    const url = `git+${pathToFileURL(dir).href}#main`;
    const files = await openRegistryFiles(url, undefined);
    try {
      await expect(files.read(["E/Example/Deps.toml"])).rejects.toThrow(
        `E/Example/Deps.toml is larger than ${MAX_JULIA_REGISTRY_FILE_BYTES} bytes`,
      );
    } finally {
      await files.close();
    }
    await expect(openRegistryFiles(url, "dead".repeat(10))).rejects.toThrow(
      `the commit ${"dead".repeat(10)} the lock records is not in the repository`,
    );
    await expect(
      openRegistryFiles(`git+${pathToFileURL(dir).href}#nope`, undefined),
    ).rejects.toThrow("the repository has no commit nope");
  });
});
