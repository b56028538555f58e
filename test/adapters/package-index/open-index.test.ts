import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { strictNock } from "../../helpers/strict-nock.js";
import { describe, expect, it } from "vitest";
import { openPackageIndex } from "../../../reconciler/adapters/package-index/open-index.js";
import { loadFromDisk } from "../../../reconciler/cli/load.js";
import { runCli } from "../../helpers/cli.js";
import { pypiServer } from "../../helpers/pypi-server.js";
import { copyExampleRepo, repoRoot } from "../../helpers/example-repo.js";
import { fixtureSha, PYPI } from "./pypi-fixtures.js";

const RNASEQ = "environments/genomics-core/rnaseq";
strictNock();

/** A copy of the example repository whose labenv.yaml points at a PyPI-compatible API. */
function pypiRepo(url = PYPI): string {
  const dir = copyExampleRepo();
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "kind: embedded\n    path: package-index.yaml",
      `kind: pypi\n    url: ${url}`,
    ),
  );
  return dir;
}

describe("openPackageIndex", () => {
  it("embedded: the checked-in file, whatever is asked", async () => {
    const source = openPackageIndex(repoRoot, loadFromDisk(repoRoot).repository);
    expect(source.kind).toBe("embedded");
    expect((await source.forEnvironment([], {}, "3.11.9")).has("pydeseq2")).toBe(true);
    expect(await source.has("samtools")).toBe(false);
  });

  it("pypi: a project that answers 404 is not on the index", async () => {
    const dir = pypiRepo();
    nock(PYPI)
      .get("/pypi/samtools/json")
      .reply(404)
      .get("/pypi/pydeseq2/json")
      .reply(200, readFileSync(join(repoRoot, "test/fixtures/pypi/pydeseq2.json")));
    const source = openPackageIndex(dir, loadFromDisk(dir).repository);
    expect([source.kind, source.name]).toEqual(["pypi", PYPI]);
    expect([await source.has("samtools"), await source.has("pydeseq2")]).toEqual([false, true]);
  });

  it("sends LABENV_INDEX_AUTH as basic auth and refuses credentials in labenv.yaml", async () => {
    const dir = pypiRepo("https://pkgs.example.org/root/prod");
    nock("https://pkgs.example.org", {
      reqheaders: { authorization: `Basic ${Buffer.from("labenv:s3cret").toString("base64")}` },
    })
      .get("/root/prod/pypi/idna/json")
      .reply(404);
    const source = openPackageIndex(dir, loadFromDisk(dir).repository, {
      env: { LABENV_INDEX_AUTH: "labenv:s3cret" },
    });
    expect(await source.has("idna")).toBe(false);
    const leaky = pypiRepo("https://labenv:s3cret@pkgs.example.org");
    expect(() => openPackageIndex(leaky, loadFromDisk(leaky).repository)).toThrow(
      /carries credentials/,
    );
  });
});

describe("indexForRepository and `labenv lock` with packageIndex.kind: pypi", () => {
  it("`lock --check` asks the index for every locked release, pins included, and nothing else", async () => {
    const server = await pypiServer({}, { fixtures: true });
    try {
      const dir = pypiRepo(server.url);
      const r = await runCli(["lock", "--check", "genomics-core/rnaseq", "--repo", dir]);
      expect(r.code).toBe(1);
      // The example locks were made from the embedded index, whose pydeseq2 0.4.12 this index lacks.
      expect(r.stdout).toMatch(
        /environment\.lock\.yaml:80:16 error spec\.packages\[19\]\.version: the lock says pydeseq2 0\.4\.12 but the package index has no such release/,
      );
      expect(server.requests).toContain("/pypi/numpy/1.26.4/json");
      expect(server.requests).toContain("/pypi/wrapt/1.16.0/json");
      expect(server.requests.filter((p) => /^\/pypi\/[^/]+\/json$/.test(p))).toEqual([]);
      expect(new Set(server.requests).size).toBe(server.requests.length);
    } finally {
      await server.close();
    }
  });

  it("`lock --upgrade` resolves from the API and locks the sha256 of the wheel for the image; --check then passes and catches an edited hash", async () => {
    const server = await pypiServer({}, { fixtures: true });
    try {
      const dir = pypiRepo(server.url);
      const r = await runCli(["lock", "genomics-core/rnaseq", "--upgrade", "--repo", dir]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const file = join(dir, RNASEQ, "environment.lock.yaml");
      const lock = readFileSync(file, "utf8");
      expect(lock).toContain(
        `- name: pydeseq2\n      version: 0.4.11\n      source: environment\n      sha256: ${fixtureSha("pydeseq2-0.4.11-py3-none-any.whl")}`,
      );
      const wrapt = fixtureSha(
        "wrapt-1.16.0-cp311-cp311-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      );
      expect(lock).toContain(`sha256: ${wrapt}`);
      const check = ["lock", "--check", "genomics-core/rnaseq", "--repo", dir];
      expect((await runCli(check)).code).toBe(0);
      writeFileSync(file, lock.replace(wrapt, "a".repeat(64)));
      const edited = await runCli(check);
      expect(edited.code).toBe(1);
      expect(edited.stdout).toMatch(
        new RegExp(
          `error spec\\.packages\\[\\d+\\]\\.sha256: the lock says aaaaaaaaaaaa but the package index gives ${wrapt.slice(0, 12)} for wrapt 1\\.16\\.0 .*\\[lock-edited\\]`,
        ),
      );
    } finally {
      await server.close();
    }
  });

  it("a stale lock is judged against its locked releases, which the index may have lost", async () => {
    const server = await pypiServer({}, { fixtures: true });
    try {
      const dir = pypiRepo(server.url);
      const env = join(dir, RNASEQ, "environment.yaml");
      writeFileSync(
        env,
        readFileSync(env, "utf8").replace('"pydeseq2>=0.4.10,<0.5"', '"pydeseq2>=0.4.10,<0.4.12"'),
      );
      const r = await runCli(["lock", "--check", "genomics-core/rnaseq", "--repo", dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        "pydeseq2 is locked at 0.4.12, which does not satisfy `pydeseq2>=0.4.10,<0.4.12`",
      );
      expect(r.stdout).toContain("pydeseq2==0.4.12 is no longer in the package index");
    } finally {
      await server.close();
    }
  });

  it("a pypi index without a url is a usage error with a hint", async () => {
    const dir = copyExampleRepo();
    const config = join(dir, "labenv.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("kind: embedded", "kind: pypi"));
    const r = await runCli(["lock", "--upgrade", "--repo", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("packageIndex.kind is pypi but packageIndex.url is not set");
  });
});
