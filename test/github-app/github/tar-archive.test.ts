import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unpackTarball } from "../../../github-app/github/tar-archive.js";
import { LabenvError } from "../../../reconciler/core/errors.js";
import { tarball } from "../helpers/tarball.js";

function git(cwd: string, ...args: string[]): Buffer {
  return execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args],
    { cwd },
  );
}

describe("unpackTarball", () => {
  it("reads what `git archive` writes (pax global header, long names, symbolic links) and strips the top directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "labenv-tar-"));
    git(dir, "init", "-q");
    const deep = `environments/${"a".repeat(60)}/${"b".repeat(60)}/environment.yaml`;
    mkdirSync(join(dir, deep, ".."), { recursive: true });
    writeFileSync(join(dir, deep), "kind: Environment\n");
    writeFileSync(join(dir, "labenv.yaml"), "kind: RepoConfig\n");
    symlinkSync("/etc/passwd", join(dir, "link.yaml"));
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "x");
    const sha = git(dir, "rev-parse", "HEAD").toString().trim();
    const gz = git(
      dir,
      "archive",
      "--format=tar.gz",
      `--prefix=octo-labs-${sha.slice(0, 7)}/`,
      "HEAD",
    );
    const entries = await unpackTarball(gz);
    expect(entries.map((e) => e.path).sort()).toEqual([deep, "labenv.yaml", "link.yaml"]);
    expect(Buffer.from(entries.find((e) => e.path === deep)!.content).toString()).toBe(
      "kind: Environment\n",
    );
    expect(entries.find((e) => e.path === "link.yaml")!.symlink).toBe(true);
  });

  it("copies out only the files `keep` names, and reports every path, long names included", async () => {
    const long = `environments/lab/${"x".repeat(120)}.yaml`;
    const seen: string[] = [];
    const entries = await unpackTarball(
      tarball(
        [
          { path: "labenv.yaml", content: "a: 1\n" },
          { path: long, content: "b" },
          { path: "environments/other/env/environment.yaml", content: "c" },
        ],
        "f".repeat(40),
      ),
      {
        keep: (p) => p !== long && !p.startsWith("environments/other/"),
        onFile: (p) => seen.push(p),
      },
    );
    expect(entries.map((e) => [e.path, Buffer.from(e.content).toString()])).toEqual([
      ["labenv.yaml", "a: 1\n"],
    ]);
    expect(seen.sort()).toEqual(
      [long, "environments/other/env/environment.yaml", "labenv.yaml"].sort(),
    );
  });

  it("reads the test helper's GitHub-shaped tarballs", async () => {
    const long = `environments/lab/${"x".repeat(120)}.yaml`;
    const entries = await unpackTarball(
      tarball(
        [
          { path: "labenv.yaml", content: "a: 1\n" },
          { path: long, content: "b" },
        ],
        "f".repeat(40),
      ),
    );
    expect(entries.map((e) => [e.path, Buffer.from(e.content).toString()])).toEqual([
      [long, "b"],
      ["labenv.yaml", "a: 1\n"],
    ]);
  });

  it("refuses an archive that unpacks to more than the limit, and one that is not gzip", async () => {
    await expect(
      unpackTarball(gzipSync(Buffer.alloc(4096)), { maxBytes: 1024 }),
    ).rejects.toBeInstanceOf(LabenvError);
    await expect(unpackTarball(Buffer.from("<html>not found</html>"))).rejects.toThrow(
      /cannot be unpacked/,
    );
  });

  it("reads an archive as gunzip streams it, across pieces that split headers and files, each file a buffer of its own", async () => {
    // 300 files of 1,000 to 3,000 bytes and one of 200 KiB: gunzip's 64 KiB pieces end inside headers and bodies.
    const files = Array.from({ length: 300 }, (_, i) => ({
      path: `environments/lab/env-${i}/environment.yaml`,
      content: `# ${i}\n${"x".repeat(1000 + ((i * 7919) % 2000))}\n`,
    }));
    files.push({ path: "big.yaml", content: "y".repeat(200 * 1024) });
    const entries = await unpackTarball(tarball(files, "e".repeat(40)));
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(entries).toHaveLength(files.length);
    for (const f of files)
      expect(Buffer.from(byPath.get(f.path)!.content).toString()).toBe(f.content);
    // Not a view into the unpacked archive: keeping one file keeps only its own bytes alive.
    for (const e of entries) expect(e.content.buffer.byteLength).toBe(e.content.length);
  });

  it("refuses an entry whose header claims more than the limit before reading it", async () => {
    const gz = tarball([{ path: "a.yaml", content: "z".repeat(4096) }], "d".repeat(40));
    await expect(unpackTarball(gz, { maxBytes: 2048 })).rejects.toThrow(
      /larger than 2048 bytes|more than 2048 bytes/,
    );
  });
});
