import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { LocalGitHost } from "../../../reconciler/adapters/git-host/local-git-host.js";
import { commitOrigin, driftTarget } from "../../../reconciler/core/audit/commit-origin.js";
import type { DriftPullRequestSpec } from "../../../reconciler/ports/git-host.js";

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@t",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@t",
    },
  }).trim();
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const ENV = "environments/genomics-core/rnaseq/environment.yaml";

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "labenv-local-host-"));
  git(dir, "init", "-q", "-b", "main");
  mkdirSync(join(dir, "environments/genomics-core/rnaseq"), { recursive: true });
  writeFileSync(join(dir, LOCK), "packages: []\n");
  writeFileSync(join(dir, ENV), "spec: {}\n");
  writeFileSync(join(dir, ".gitignore"), ".labenv/\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "init");
  return dir;
}

function spec(over: Partial<DriftPullRequestSpec> = {}): DriftPullRequestSpec {
  return {
    environment: "genomics-core/rnaseq",
    branch: "labenv/drift/genomics-core/rnaseq",
    base: "main",
    title: "drift: genomics-core/rnaseq — 5 packages added (MINOR_DRIFT)",
    body: "<!-- labenv:drift fingerprint=aaaa000011112222 -->\nbody\n",
    files: [
      { path: LOCK, content: "packages: [requests]\n" },
      { path: ENV, content: "spec: {packages: [requests==2.32.3]}\n" },
    ],
    commitMessage: "drift: genomics-core/rnaseq\n\nfingerprint aaaa",
    labels: ["labenv:drift", "labenv:drift-minor"],
    reviewers: ["rpatel-bio"],
    fingerprint: "aaaa000011112222",
    filesDigest: "d1",
    ...over,
  };
}

/** Every file under .labenv/prs with its mtime and contents, and every ref: what a write would change. */
function footprint(dir: string): string {
  const prs = join(dir, ".labenv/prs");
  const files = readdirSync(prs, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const p = join(prs, f);
      return statSync(p).isDirectory()
        ? f
        : `${f} ${statSync(p).mtimeMs} ${readFileSync(p, "utf8").length}`;
    });
  return [...files, git(dir, "for-each-ref"), git(dir, "count-objects")].join("\n");
}

describe("local git host (real git repositories)", () => {
  let dir: string;
  let host: LocalGitHost;
  let now: Date;
  beforeEach(() => {
    dir = repo();
    now = new Date("2026-11-23T12:00:00Z");
    host = new LocalGitHost(dir, join(dir, ".labenv/prs"), () => now);
  });

  it("opens a pull request: one commit on main with the files, a description and metadata; the working tree is untouched", async () => {
    const r = await host.ensureDriftPullRequest(spec());
    expect(r).toEqual({ number: 1, outcome: "created", warnings: [] });
    const tip = git(dir, "rev-parse", "labenv/drift/genomics-core/rnaseq");
    expect(git(dir, "rev-parse", `${tip}^`)).toBe(git(dir, "rev-parse", "main"));
    expect(git(dir, "show", `${tip}:${LOCK}`)).toBe("packages: [requests]");
    expect(git(dir, "log", "-1", "--format=%an <%ae> %s", tip)).toBe(
      "labenv <labenv@localhost> drift: genomics-core/rnaseq",
    );
    expect(readFileSync(join(dir, LOCK), "utf8")).toBe("packages: []\n");
    expect(git(dir, "status", "--porcelain")).toBe("");
    expect(
      readFileSync(join(dir, ".labenv/prs/labenv__drift__genomics-core__rnaseq.md"), "utf8"),
    ).toContain("labenv:drift fingerprint=aaaa000011112222");
    expect(await host.listDriftPullRequests()).toMatchObject([
      {
        number: 1,
        state: "open",
        fingerprint: "aaaa000011112222",
        branch: "labenv/drift/genomics-core/rnaseq",
      },
    ]);
  });

  it("writes nothing when nothing changed", async () => {
    await host.ensureDriftPullRequest(spec());
    const before = footprint(dir);
    now = new Date("2026-11-23T12:15:00Z");
    const [open] = await host.listDriftPullRequests();
    expect(
      await host.ensureDriftPullRequest(
        spec({ body: "newer observation time, same drift\n" }),
        open,
      ),
    ).toMatchObject({ number: 1, outcome: "unchanged" });
    expect(footprint(dir)).toBe(before);
  });

  it("updates in place: new files → a new commit on the same branch and number; a new title only → the same commit", async () => {
    await host.ensureDriftPullRequest(spec());
    const first = git(dir, "rev-parse", "labenv/drift/genomics-core/rnaseq");
    now = new Date("2026-11-23T12:15:00Z");
    expect(
      await host.ensureDriftPullRequest(
        spec({
          fingerprint: "bbbb",
          filesDigest: "d2",
          files: [{ path: LOCK, content: "packages: [requests, idna]\n" }],
        }),
      ),
    ).toMatchObject({ number: 1, outcome: "updated" });
    const second = git(dir, "rev-parse", "labenv/drift/genomics-core/rnaseq");
    expect(second).not.toBe(first);
    expect(git(dir, "rev-list", "--count", `main..${second}`)).toBe("1");
    expect(git(dir, "show", `${second}:${LOCK}`)).toBe("packages: [requests, idna]");
    expect(
      await host.ensureDriftPullRequest(
        spec({ fingerprint: "bbbb", filesDigest: "d2", title: "drift: renamed" }),
      ),
    ).toMatchObject({ outcome: "updated" });
    expect(git(dir, "rev-parse", "labenv/drift/genomics-core/rnaseq")).toBe(second);
  });

  it("reads a deleted branch as closed; the next pull request on the branch gets a new number and the old one is kept", async () => {
    await host.ensureDriftPullRequest(spec());
    git(dir, "branch", "-D", "labenv/drift/genomics-core/rnaseq");
    expect((await host.listDriftPullRequests())[0]).toMatchObject({ number: 1, state: "closed" });
    expect(
      await host.ensureDriftPullRequest(spec({ fingerprint: "cccc", filesDigest: "d3" })),
    ).toMatchObject({ number: 2, outcome: "created" });
    expect((await host.listDriftPullRequests()).map((p) => [p.number, p.state])).toEqual([
      [2, "open"],
      [1, "closed"],
    ]);
    expect(readFileSync(join(dir, ".labenv/prs/archive/1.md"), "utf8")).toContain(
      "aaaa000011112222",
    );
  });

  it("closes: `labenv prs close` (a person) and labenv's own close with a comment both delete the branch", async () => {
    await host.ensureDriftPullRequest(spec());
    expect(host.close(1, "labenv prs close")).toMatchObject({
      state: "closed",
      closedBy: "labenv prs close",
    });
    expect(git(dir, "branch", "--list", "labenv/*")).toBe("");
    await host.ensureDriftPullRequest(spec({ fingerprint: "dddd" }));
    await host.closePullRequest(2, "the drift went away");
    expect(host.records.byNumber(2)).toMatchObject({ state: "closed", closedBy: "labenv" });
    expect(host.records.description(host.records.byNumber(2)!)).toContain(
      "**labenv:** the drift went away",
    );
    expect(() => host.close(2, "x")).toThrow(/already closed/);
  });

  it("merges into main with a merge commit the audit recognizes as a drift pull request", async () => {
    await host.ensureDriftPullRequest(spec());
    expect(host.merge(1)).toMatchObject({ state: "merged" });
    expect(readFileSync(join(dir, LOCK), "utf8")).toBe("packages: [requests]\n");
    const message = git(dir, "log", "-1", "--format=%B");
    expect(driftTarget(commitOrigin(message, 2))).toBe("genomics-core/rnaseq");
    expect(git(dir, "branch", "--list", "labenv/*")).toBe("");
    expect((await host.listDriftPullRequests())[0]!.state).toBe("merged");
  });

  it("sees a branch merged by hand as merged, refuses to merge when another branch is checked out, and reads files at a ref", async () => {
    await host.ensureDriftPullRequest(spec());
    git(dir, "checkout", "-qb", "other");
    expect(() => host.merge(1)).toThrow(/check|checked out/);
    git(dir, "checkout", "-q", "main");
    git(dir, "merge", "-q", "--no-ff", "-m", "by hand", "labenv/drift/genomics-core/rnaseq");
    expect((await host.listDriftPullRequests())[0]!.state).toBe("merged");
    expect(await host.readFile("main", LOCK)).toBe("packages: [requests]\n");
    expect(await host.readFile("main", "nope.yaml")).toBeUndefined();
  });
});
