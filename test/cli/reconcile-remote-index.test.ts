import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEmbeddedIndex } from "../../reconciler/core/lock/package-index.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/example-repo.js";
import { pypiServer, type PypiServer, type ServedRelease } from "../helpers/pypi-server.js";
import { exampleGitRepo, git } from "../e2e/temp-git-repo.js";

// The reconciler with packageIndex.kind: pypi asks the index for every locked release before it
// applies, so a hash edited by hand is refused there too, not only by `labenv lock --check`.

/** The example's embedded index served as a PyPI JSON API: each version one wheel with the index's hash. */
function servedExampleIndex(): Record<string, ServedRelease[]> {
  const index = parseEmbeddedIndex(readFileSync(join(repoRoot, "package-index.yaml"), "utf8"));
  return Object.fromEntries(
    [...index].map(([name, versions]) => [
      name,
      versions.map((v) => ({
        version: v.version,
        requires: v.requires,
        ...(v.requiresPython ? { requiresPython: v.requiresPython } : {}),
        ...(v.yanked ? { yanked: "example" } : {}),
        files: [
          {
            filename: `${name.replace(/-/g, "_")}-${v.version}-py3-none-any.whl`,
            ...(v.sha256 ? { sha256: v.sha256 } : {}),
          },
        ],
      })),
    ]),
  );
}

const NOW = { now: new Date("2026-11-23T12:00:00Z") };
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
let server: PypiServer;
beforeAll(async () => {
  server = await pypiServer(servedExampleIndex());
});
afterAll(() => server.close());

function remoteRepo(): string {
  const dir = exampleGitRepo();
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "kind: embedded\n    path: package-index.yaml",
      `kind: pypi\n    url: ${server.url}`,
    ),
  );
  git(dir, "commit", "-qam", "remote index");
  return dir;
}

describe("labenv reconcile with a remote package index", () => {
  it("applies locks whose every release and hash the index confirms", async () => {
    const dir = remoteRepo();
    expect((await runCli(["lock", "--check", "--repo", dir])).code).toBe(0);
    const r = await runCli(["reconcile", "--repo", dir], NOW);
    expect(r.stderr).not.toContain("lock-check");
    expect(r.code).toBe(0);
    expect(server.requests).toContain("/pypi/pydeseq2/0.4.12/json");
  });

  it("holds back a lock whose sha256 was edited, naming the field; a plan stays offline", async () => {
    const dir = remoteRepo();
    const file = join(dir, LOCK);
    const text = readFileSync(file, "utf8");
    const sha = /- name: pydeseq2\n(?: {6}.*\n)*? {6}sha256: ([0-9a-f]{64})/.exec(text)![1]!;
    writeFileSync(file, text.replace(sha, "a".repeat(64)));
    git(dir, "commit", "-qam", "edit a hash");
    const before = server.requests.length;
    expect((await runCli(["plan", "--repo", dir], NOW)).code).toBe(0);
    expect(server.requests.length).toBe(before);
    const r = await runCli(["reconcile", "--repo", dir, "--json"], NOW);
    expect(r.code).not.toBe(0);
    const out = JSON.parse(r.stdout) as {
      plan: { heldBack: { environment: string }[] };
      diagnostics: { code: string; path: string; file: string; message: string }[];
    };
    expect(out.plan.heldBack.map((h) => h.environment)).toEqual(["genomics-core/rnaseq"]);
    expect(out.diagnostics).toContainEqual(
      expect.objectContaining({
        file: LOCK,
        code: "lock-edited",
        path: "spec.packages[19].sha256",
      }),
    );
  });
});
