// `labenv which <notebook>`: a notebook saved through the image's pre-save hook (run with
// python3, as Jupyter calls it) is traced back to the lock version on main it was saved under.
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { lockDigest } from "../../reconciler/core/lock/build-lock.js";
import type { EnvironmentLock } from "../../reconciler/core/model/documents.js";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";

const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:${"b".repeat(64)}`;

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
    cwd: dir,
    encoding: "utf8",
  });
}

/** Saves a notebook through labenv_jupyter.pre_save_hook with the container's environment. */
function saveNotebook(dir: string, name: string, digest: string): string {
  const path = join(dir, name);
  const script = [
    "import json, sys",
    `sys.path.insert(0, ${JSON.stringify(join(repoRoot, "reconciler/agent"))})`,
    "import labenv_jupyter",
    "model = {'type': 'notebook', 'content': {'cells': [], 'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}}",
    `labenv_jupyter.pre_save_hook(model=model, path=${JSON.stringify(name)}, contents_manager=None)`,
    `json.dump(model['content'], open(${JSON.stringify(path)}, 'w'))`,
  ].join("\n");
  execFileSync("python3", ["-c", script], {
    env: {
      PATH: process.env.PATH ?? "",
      PYTHONDONTWRITEBYTECODE: "1",
      LABENV_LAB: "genomics-core",
      LABENV_ENVIRONMENT: "rnaseq",
      LABENV_LOCK_DIGEST: digest,
      LABENV_IMAGE: IMAGE,
    },
  });
  return path;
}

describe("labenv which", () => {
  let dir: string;
  let first: { commit: string; digest: string };
  let second: { commit: string; digest: string };

  beforeAll(() => {
    dir = copyExampleRepo();
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "initial");
    const digestNow = () =>
      lockDigest(parse(readFileSync(join(dir, LOCK), "utf8")) as EnvironmentLock);
    first = { commit: git(dir, "rev-parse", "HEAD").trim(), digest: digestNow() };
    writeFileSync(
      join(dir, LOCK),
      readFileSync(join(dir, LOCK), "utf8").replace("0.4.12", "0.4.13"),
    );
    git(dir, "commit", "-qam", "rnaseq: newer pydeseq2");
    second = { commit: git(dir, "rev-parse", "HEAD").trim(), digest: digestNow() };
  });

  it("says a notebook saved under the current lock is the current version", async () => {
    const nb = saveNotebook(dir, "now.ipynb", second.digest);
    const r = await runCli(["which", nb, "-C", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("was saved in genomics-core/rnaseq: the current version");
    expect(r.stdout).toContain(`image  ${IMAGE}`);
  });

  it("names the commit of an earlier lock and how to get it back (--json)", async () => {
    expect(first.digest).not.toBe(second.digest);
    const nb = saveNotebook(dir, "paper.ipynb", first.digest);
    const r = await runCli(["which", nb, "-C", dir, "--json"]);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      version: "earlier",
      commit: first.commit,
      provenance: {
        lab: "genomics-core",
        environment: "rnaseq",
        lockDigest: first.digest,
        image: IMAGE,
      },
    });
    expect((answer.getBack as string[])[0]).toBe(
      `git checkout ${first.commit} -- ${LOCK}   # the lock it was saved under`,
    );
  });

  it("says when main never had the lock", async () => {
    const nb = saveNotebook(dir, "elsewhere.ipynb", `sha256:${"9".repeat(64)}`);
    const r = await runCli(["which", nb, "-C", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("a version main never had");
  });

  it("refuses a notebook without labenv metadata with a positioned message and exit 2", async () => {
    const nb = join(dir, "plain.ipynb");
    writeFileSync(nb, JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    const r = await runCli(["which", nb, "-C", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${nb}:1:1: expected metadata.labenv with lab, environment and lockDigest`,
    );
    writeFileSync(nb, "{not json");
    const bad = await runCli(["which", nb, "-C", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${nb}:1:1: not a notebook`);
  });

  it("refuses a notebook over 256 MiB before reading it, with what to do", async () => {
    const nb = join(dir, "huge.ipynb");
    // Sparse: the size is real to stat, no disk is written.
    const fd = openSync(nb, "w");
    ftruncateSync(fd, 256 * 1024 * 1024 + 1);
    closeSync(fd);
    const r = await runCli(["which", nb, "-C", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${nb}:1:1: the notebook is 268435457 bytes`);
    expect(r.stderr).toContain("--clear-output");
  });

  it("--restore writes the version a notebook was saved under as a new environment (restore --at its commit)", async () => {
    const nb = saveNotebook(dir, "paper-again.ipynb", first.digest);
    const r = await runCli(["which", nb, "-C", dir, "--restore", "--as", "rnaseq-paper"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `✓ wrote genomics-core/rnaseq-paper: genomics-core/rnaseq as on main at ${first.commit.slice(0, 12)}`,
    );
    expect(r.stdout).toContain(
      "no snapshot restores its home: no snapshot of it was ever captured",
    );
    const written = parse(
      readFileSync(
        join(dir, "environments/genomics-core/rnaseq-paper/environment.lock.yaml"),
        "utf8",
      ),
    ) as EnvironmentLock;
    const original = parse(git(dir, "show", `${first.commit}:${LOCK}`)) as EnvironmentLock;
    expect(written.spec).toEqual(original.spec);
    expect(lockDigest({ ...written, metadata: original.metadata })).toBe(first.digest);

    const never = saveNotebook(dir, "never.ipynb", `sha256:${"8".repeat(64)}`);
    const none = await runCli(["which", never, "-C", dir, "--restore"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no commit on main has the lock it was saved under");
  });
});
