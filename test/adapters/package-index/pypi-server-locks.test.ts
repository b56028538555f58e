import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { nameSha, pypiServer, type PypiServer } from "../../helpers/pypi-server.js";

// A PyPI-compatible JSON API on 127.0.0.1: hashes, upload times and yanked files as `labenv lock` sees them.
const RNASEQ = "environments/genomics-core/rnaseq";
let server: PypiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The example repository pointed at the server, with rnaseq asking for `packages`. */
function repo(url: string, packages?: string[]): string {
  const dir = copyExampleRepo();
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "kind: embedded\n    path: package-index.yaml",
      `kind: pypi\n    url: ${url}`,
    ),
  );
  if (packages) {
    const env = join(dir, RNASEQ, "environment.yaml");
    writeFileSync(
      env,
      readFileSync(env, "utf8").replace(
        '    - "pydeseq2>=0.4.10,<0.5"',
        packages.map((p) => `    - "${p}"`).join("\n"),
      ),
    );
  }
  return dir;
}

const lockText = (dir: string) => readFileSync(join(dir, RNASEQ, "environment.lock.yaml"), "utf8");
const entry = (text: string, name: string) =>
  new RegExp(`- name: ${name}\\n((?: {6}.*\\n)+)`).exec(text)?.[1] ?? "";

describe("labenv lock against a PyPI-compatible JSON API", () => {
  it("--exclude-newer resolves as the index stood then, from each file's upload time", async () => {
    server = await pypiServer({}, { fixtures: true });
    const dir = repo(server.url);
    const args = ["lock", "genomics-core/rnaseq", "--upgrade", "--repo", dir];
    const r = await runCli([...args, "--exclude-newer", "2024-07-15"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // pydeseq2 0.4.11 was uploaded on 2024-08-27, after the date.
    expect(entry(lockText(dir), "pydeseq2")).toMatch(/^ {6}version: 0\.4\.10\n/);
    expect((await runCli(["lock", "--check", "genomics-core/rnaseq", "--repo", dir])).code).toBe(0);
    expect((await runCli(args)).code).toBe(0);
    expect(entry(lockText(dir), "pydeseq2")).toMatch(/^ {6}version: 0\.4\.11\n/);
  });

  it("locks the hash of the file that was there at the date, and of a file that is not yanked", async () => {
    const sdist = { filename: "tool-1.0.tar.gz", uploadTime: "2024-01-01T00:00:00.000000Z" };
    const wheel = {
      filename: "tool-1.0-py3-none-any.whl",
      uploadTime: "2024-06-01T00:00:00.000000Z",
    };
    server = await pypiServer({
      tool: [{ version: "1.0", files: [sdist, wheel] }],
      other: [
        {
          version: "2.0",
          files: [
            { filename: "other-2.0-py3-none-any.whl", yanked: true },
            { filename: "other-2.0.tar.gz" },
          ],
        },
      ],
    });
    const dir = repo(server.url, ["tool", "other"]);
    const lock = ["lock", "genomics-core/rnaseq", "--upgrade", "--repo", dir];
    expect((await runCli([...lock, "--exclude-newer", "2024-03-01"])).code).toBe(0);
    expect(entry(lockText(dir), "tool")).toContain(`sha256: ${nameSha(sdist.filename)}`);
    expect(entry(lockText(dir), "other")).toContain(`sha256: ${nameSha("other-2.0.tar.gz")}`);
    // The lock records its cut-off, so --check asks the index for the files of that date too.
    expect(lockText(dir)).toContain("\n  excludeNewer: 2024-03-01T00:00:00.000Z\n");
    const check = await runCli(["lock", "--check", "genomics-core/rnaseq", "--repo", dir]);
    expect(check.stdout).toContain("✓ 1 locks up to date");
    expect(check.code).toBe(0);
    expect((await runCli(lock)).code).toBe(0);
    expect(entry(lockText(dir), "tool")).toContain(`sha256: ${nameSha(wheel.filename)}`);
    expect(lockText(dir)).not.toContain("excludeNewer");
  });

  it("skips a yanked release unless asked for exactly, and refuses a release the date hides", async () => {
    server = await pypiServer({
      tool: [
        {
          version: "1.0",
          files: [{ filename: "tool-1.0-py3-none-any.whl", uploadTime: "2024-01-01T00:00:00Z" }],
        },
        { version: "1.1", yanked: "broken metadata" },
      ],
    });
    const dir = repo(server.url, ["tool"]);
    const lock = ["lock", "genomics-core/rnaseq", "--upgrade", "--repo", dir];
    expect((await runCli(lock)).code).toBe(0);
    expect(entry(lockText(dir), "tool")).toMatch(/^ {6}version: "1\.0"\n/);

    const exact = repo(server.url, ["tool==1.1"]);
    expect(
      (await runCli(["lock", "genomics-core/rnaseq", "--upgrade", "--repo", exact])).code,
    ).toBe(0);
    expect(entry(lockText(exact), "tool")).toMatch(/^ {6}version: "1\.1"\n/);

    const hidden = repo(server.url, ["tool>=1.0"]);
    const r = await runCli([
      "lock",
      "genomics-core/rnaseq",
      "--upgrade",
      "--repo",
      hidden,
      "--exclude-newer",
      "2023-12-01",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("no version of tool satisfies tool>=1.0");
    expect(r.stdout).toContain("uploaded by 2023-12-01T00:00:00.000Z");
  });

  it("a date that is not one is a usage error and changes nothing", async () => {
    server = await pypiServer({});
    const dir = repo(server.url);
    const before = lockText(dir);
    const r = await runCli(["lock", "--repo", dir, "--exclude-newer", "last tuesday"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--exclude-newer: `last tuesday` is not a date or an RFC 3339 time");
    expect(lockText(dir)).toBe(before);
    expect(server.requests).toEqual([]);
  });
});
