import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LabenvAppOptions } from "../../github-app/app.js";
import { readRepositoryFiles } from "../../reconciler/adapters/fs/read-repository-files.js";
import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";
import { pypiServer, type PypiServer } from "../helpers/pypi-server.js";
import { strictNock } from "../helpers/strict-nock.js";
import { editText, textOf } from "./helpers/repositories.js";
import { validateCheckOf } from "./helpers/validate-check.js";

// `app.lockProof: index` makes labenv/validate prove the pull request's locks against a remote
// package index, as `labenv validate --against-index --changed-from` does; an index that cannot
// answer never passes (issue 12). The index is a PyPI-compatible JSON API on 127.0.0.1.

strictNock();

const now = () => new Date("2026-11-23T12:00:00Z");
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function index(): Promise<PypiServer> {
  const served = await pypiServer({}, { fixtures: true });
  closers.push(() => served.close());
  return served;
}

/** The example repository on the index at `url` (rnaseq locked against it), as GitHub serves it. */
async function repositoryOn(url: string, lockProof?: "index" | "offline"): Promise<RepoFile[]> {
  const dir = copyExampleRepo();
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "kind: embedded\n    path: package-index.yaml",
      `kind: pypi\n    url: ${url}${lockProof ? `\n  app:\n    lockProof: ${lockProof}` : ""}`,
    ),
  );
  const locked = await runCli(["lock", "genomics-core/rnaseq", "--upgrade", "--repo", dir]);
  expect(locked.stderr).toBe("");
  return readRepositoryFiles(dir);
}

/** The files with pydeseq2's sha256 in rnaseq's lock replaced by hand; returns them and the line. */
function handEdited(files: readonly RepoFile[]): { head: RepoFile[]; line: number; sha: string } {
  const text = textOf(files, LOCK);
  const sha = /- name: pydeseq2\n(?: {6}.*\n)*? {6}sha256: ([0-9a-f]{64})/.exec(text)?.[1];
  if (!sha) throw new Error("no pydeseq2 sha256 in the lock");
  const line = text.split("\n").findIndex((l) => l.includes(sha)) + 1;
  return { head: editText(files, LOCK, (t) => t.replace(sha, "ab".repeat(32))), line, sha };
}

/** `pull_request.synchronize` of a change to rnaseq's lock through the real app; returns labenv/validate. */
const validateCheck = (
  base: readonly RepoFile[],
  head: readonly RepoFile[],
  app: LabenvAppOptions = {},
) => validateCheckOf({ base, head, changed: [LOCK], author: "rpatel-bio", now, app });

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

describe("labenv/validate with app.lockProof", () => {
  it("index: fails a hand-edited sha256 with a lock-edited annotation at the field", async () => {
    const served = await index();
    const base = await repositoryOn(served.url, "index");
    const { head, line, sha } = handEdited(base);
    const asked = served.requests.length;
    const check = await validateCheck(base, head);
    expect(check.conclusion).toBe("failure");
    const edited = check.output.annotations.filter((a: { title: string }) =>
      /^labenv lock-edited \(spec\.packages\[\d+\]\.sha256\)$/.test(a.title),
    );
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({ path: LOCK, start_line: line, annotation_level: "failure" });
    expect(edited[0].message).toMatch(
      new RegExp(
        `the lock says abababababab but the package index gives ${sha.slice(0, 12)} for pydeseq2`,
      ),
    );
    expect(check.output.summary).toContain(
      `Proven against ${served.url} (\`app.lockProof: index\`): releases, hashes, upload times and the dependency closure of the locks of 1 environment.`,
    );
    // Only the changed lock's releases were asked for.
    const paths = served.requests.slice(asked);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => /^\/pypi\/[^/]+\/[^/]+\/json$/.test(p))).toBe(true);
  });

  it("offline (the default): passes the same edit without asking the index", async () => {
    const served = await index();
    for (const setting of [undefined, "offline"] as const) {
      const base = await repositoryOn(served.url, setting);
      const { head } = handEdited(base);
      const asked = served.requests.length;
      const check = await validateCheck(base, head);
      expect(check.conclusion, setting).toBe("success");
      expect(served.requests.length, setting).toBe(asked);
      expect(check.output.summary).not.toContain("Proven against");
    }
  });

  it("index: an index that is down fails the check and names why", async () => {
    const served = await index();
    const base = await repositoryOn(served.url, "index");
    const down = await closedPort();
    const at = (files: readonly RepoFile[]) =>
      editText(files, "labenv.yaml", (t) => t.replace(served.url, down));
    const check = await validateCheck(at(base), at(handEdited(base).head), {
      lockProof: { retries: 0 },
    });
    expect(check.conclusion).toBe("failure");
    expect(check.output.title).toMatch(
      new RegExp(`^locks not proven: package index ${down} unreachable: GET ${down}/pypi/`),
    );
    expect(check.output.summary).toContain(
      `could not be proven against ${down}** (\`app.lockProof: index\`, 1 environment)`,
    );
    expect(check.output.summary).toContain("A lock that cannot be proven never passes");
  });

  it("index: an index that does not answer within the time limit fails the check and names the limit", async () => {
    const served = await index();
    const base = await repositoryOn(served.url, "index");
    const silent = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          silent.closeAllConnections();
          silent.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const at = (files: readonly RepoFile[]) =>
      editText(files, "labenv.yaml", (t) => t.replace(served.url, url));
    const check = await validateCheck(at(base), at(handEdited(base).head), {
      lockProof: { deadlineMs: 500, retries: 0 },
    });
    expect(check.conclusion).toBe("failure");
    expect(check.output.title).toContain(
      `locks not proven: package index ${url} did not answer everything within 0.5 s`,
    );
  });
});
