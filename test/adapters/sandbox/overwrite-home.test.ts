import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { overwriteHome } from "../../../reconciler/adapters/sandbox/overwrite-home.js";

const AT = new Date("2026-12-07T12:00:00.123Z");

function tree(root: string, files: Record<string, string>): void {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
}

describe("restoring over a home (restoreFrom.overwrite) in the sandbox", () => {
  it("replaces what differs, keeps every replaced thing aside as it was, never follows a symlink, and leaves the rest", () => {
    const work = mkdtempSync(join(tmpdir(), "labenv-overwrite-"));
    const from = join(work, "restored");
    const home = join(work, "home");
    const outside = join(work, "outside");
    tree(from, { "a.ipynb": "A snapshot", "same.txt": "same", "data/x.csv": "x", "link/y": "y" });
    tree(home, {
      "a.ipynb": "A edited",
      "same.txt": "same",
      data: "a file where the snapshot has a directory",
      "mine.txt": "mine",
    });
    mkdirSync(outside);
    // A symlink in the home where the snapshot has a directory: it must not lead the restore outside.
    symlinkSync(outside, join(home, "link"));

    const r = overwriteHome(from, home, AT);
    expect(r.keptAside).toBe(".labenv-replaced/20261207T120000Z");
    expect(r.replaced.map((x) => x.path).sort()).toEqual(["a.ipynb", "data", "link"]);
    expect(r.restored).toEqual(["a.ipynb", "data/x.csv", "link/y", "same.txt"]);
    expect(readFileSync(join(home, "a.ipynb"), "utf8")).toBe("A snapshot");
    expect(readFileSync(join(home, r.keptAside, "a.ipynb"), "utf8")).toBe("A edited");
    expect(readFileSync(join(home, "data/x.csv"), "utf8")).toBe("x");
    expect(readFileSync(join(home, r.keptAside, "data"), "utf8")).toBe(
      "a file where the snapshot has a directory",
    );
    expect(lstatSync(join(home, r.keptAside, "link")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(home, "link/y"), "utf8")).toBe("y");
    expect(() => lstatSync(join(outside, "y"))).toThrow();
    expect(readFileSync(join(home, "mine.txt"), "utf8")).toBe("mine");
    expect(r.replaced.some((x) => x.path === "same.txt")).toBe(false);

    // A second overwrite in the same second keeps its own directory: nothing kept aside is overwritten.
    tree(from, { "a.ipynb": "A again" });
    const again = overwriteHome(from, home, AT);
    expect(again.keptAside).toBe(".labenv-replaced/20261207T120000Z-1");
    expect(readFileSync(join(home, again.keptAside, "a.ipynb"), "utf8")).toBe("A snapshot");
    expect(readFileSync(join(home, r.keptAside, "a.ipynb"), "utf8")).toBe("A edited");
  });
});
