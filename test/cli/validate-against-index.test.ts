import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";
import { pypiServer, type PypiServer } from "../helpers/pypi-server.js";

// `labenv validate --against-index` proves what offline validation leaves to `lock --check`:
// releases, hashes and the dependency closure, against a PyPI-compatible JSON API on 127.0.0.1.
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    },
  });
}

/** The example repository on the index at `url`, committed, with rnaseq locked against it. */
async function repoOn(url: string): Promise<string> {
  const dir = copyExampleRepo();
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "kind: embedded\n    path: package-index.yaml",
      `kind: pypi\n    url: ${url}`,
    ),
  );
  const locked = await runCli(["lock", "genomics-core/rnaseq", "--upgrade", "--repo", dir]);
  expect(locked.stderr).toBe("");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "start");
  return dir;
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("labenv validate --against-index", () => {
  it("catches a hand-edited sha256 that offline validation cannot see, at the field", async () => {
    const index: PypiServer = await pypiServer({}, { fixtures: true });
    closers.push(() => index.close());
    const dir = await repoOn(index.url);
    const path = join(dir, LOCK);
    const text = readFileSync(path, "utf8");
    const sha = /- name: pydeseq2\n(?: {6}.*\n)*? {6}sha256: ([0-9a-f]{64})/.exec(text)?.[1];
    expect(sha).toBeDefined();
    writeFileSync(path, text.replace(sha!, "ab".repeat(32)));

    const offline = await runCli(["validate", dir, "--changed-from", "HEAD"]);
    expect(offline.code).toBe(0);
    const asked = index.requests.length;
    const proven = await runCli(["validate", dir, "--changed-from", "HEAD", "--against-index"]);
    expect(proven.stderr).toBe("");
    expect(proven.stdout).toMatch(
      new RegExp(
        `${LOCK}:\\d+:\\d+ error spec\\.packages\\[\\d+\\]\\.sha256: the lock says abababababab but the package index gives ${sha!.slice(0, 12)} for pydeseq2 0\\.4\\.\\d+ — locks are generated: run \`labenv lock\` \\[lock-edited\\]`,
      ),
    );
    expect(proven.stdout).toContain(`locks proven against ${index.url}`);
    expect(proven.code).toBe(1);
    // Only the changed lock's releases were asked for.
    const paths = index.requests.slice(asked);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => /^\/pypi\/[^/]+\/[^/]+\/json$/.test(p))).toBe(true);
    expect(paths).toContain(
      "/pypi/pydeseq2/" + /pydeseq2\n {6}version: (\S+)/.exec(text)![1] + "/json",
    );
  });

  it("nothing changed: nothing is asked", async () => {
    const index = await pypiServer({}, { fixtures: true });
    closers.push(() => index.close());
    const dir = await repoOn(index.url);
    const asked = index.requests.length;
    const r = await runCli(["validate", dir, "--changed-from", "HEAD", "--against-index"]);
    expect(r.code).toBe(0);
    expect(index.requests.length).toBe(asked);
  });

  it("an index that does not answer in time ends the run with exit 2 and says so, within the limit", async () => {
    const index = await pypiServer({}, { fixtures: true });
    closers.push(() => index.close());
    const dir = await repoOn(index.url);
    const silent = await serve(() => {
      /* never answers */
    });
    const config = join(dir, "labenv.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace(index.url, silent));
    const started = performance.now();
    const r = await runCli(["validate", dir, "--against-index", "--index-time-limit", "1"]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.stderr).toContain(`package index ${silent} did not answer everything within 1 s`);
    expect(r.code).toBe(2);
  });

  it("an answer larger than 16 MiB is refused while it streams (exit 2)", async () => {
    const index = await pypiServer({}, { fixtures: true });
    closers.push(() => index.close());
    const dir = await repoOn(index.url);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const huge = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      let sent = 0;
      const more = () => {
        while (sent < 40 && res.write(chunk)) sent += 1;
        if (sent < 40) res.once("drain", more);
        else res.end();
      };
      more();
    });
    const config = join(dir, "labenv.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace(index.url, huge));
    const r = await runCli(["validate", dir, "--against-index"]);
    expect(r.stderr).toContain(`package index ${huge} sent more than 16 MiB for`);
    expect(r.code).toBe(2);
  });

  it("a time limit that is not a number is a usage error", async () => {
    const r = await runCli([
      "validate",
      copyExampleRepo(),
      "--against-index",
      "--index-time-limit",
      "soon",
    ]);
    expect(r.stderr).toContain("--index-time-limit: `soon` is not a number of seconds");
    expect(r.code).toBe(2);
  });
});
