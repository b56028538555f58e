import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DESCRIPTION_FILE } from "../../reconciler/adapters/git/description-file.js";
import {
  DESCRIPTION_VERSION,
  descriptionKey,
} from "../../reconciler/core/audit/change-descriptions.js";
import { buildAuditRepo, type AuditRepo } from "../fixtures/audit/audit-repo.js";
import { runCli } from "../helpers/cli.js";

// labenv audit remembers each file change's description in the repository's
// git directory, by status, path and the blob ids on both sides. These tests
// run real git histories and hold the remembered descriptions to the words
// describing the blobs again gives.

const LOCK = "environments/g/rnaseq/environment.lock.yaml";
const lock = (numpy: string) =>
  `apiVersion: labenv.westtek.io/v1\nkind: EnvironmentLock\nmetadata:\n  name: rnaseq\n  lab: g\nspec:\n  lockVersion: 1\n  packages:\n    - name: numpy\n      version: ${numpy}\n      source: pack\n`;
const lab = `apiVersion: labenv.westtek.io/v1\nkind: Lab\nmetadata:\n  name: g\nspec:\n  pi: m0\n  approvers: [m0]\n  posixGid: 30000\n  members:\n    - {id: m0, github: m0, uid: 30000, role: pi}\n`;
const env = `apiVersion: labenv.westtek.io/v1\nkind: Environment\nmetadata:\n  name: rnaseq\n  lab: g\n  experiment: EXP-1\nspec:\n  owner: m0\n  domainPack: "genomics@^1.1"\n`;

let dir: string;
let audit: AuditRepo;
const cacheFile = (d: string) => join(d, ".git", DESCRIPTION_FILE);

function git(args: string[], day: string): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Mei Chen",
      GIT_AUTHOR_EMAIL: "mei@example.org",
      GIT_AUTHOR_DATE: `${day}T10:00:00Z`,
      GIT_COMMITTER_NAME: "Mei Chen",
      GIT_COMMITTER_EMAIL: "mei@example.org",
      GIT_COMMITTER_DATE: `${day}T10:00:00Z`,
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: dir,
    },
  });
}
function commit(files: Record<string, string>, message: string, day: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(["add", "-A"], day);
  git(["commit", "-q", "-m", message], day);
}
const blob = (rev: string) => git(["rev-parse", rev], "2026-01-01").trim();

beforeAll(() => {
  vi.stubEnv("GITHUB_TOKEN", "");
  dir = mkdtempSync(join(tmpdir(), "labenv-audit-descriptions-"));
  git(["init", "-q", "-b", "main"], "2026-01-01");
  commit(
    {
      "environments/g/lab.yaml": lab,
      "environments/g/rnaseq/environment.yaml": env,
      [LOCK]: lock("1.26.4"),
    },
    "Create rnaseq (#1)",
    "2026-01-02",
  );
  // The same change (1.26.4 → 2.0.1, the same two blobs at the same path) in two commits.
  commit({ [LOCK]: lock("2.0.1") }, "NumPy 2 (#2)", "2026-01-03");
  commit({ [LOCK]: lock("1.26.4") }, 'Revert "NumPy 2" (#3)', "2026-01-04");
  commit({ [LOCK]: lock("2.0.1") }, "NumPy 2 again (#4)", "2026-01-05");
  audit = buildAuditRepo();
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
  rmSync(audit.dir, { recursive: true, force: true });
});

const packageChanges = (stdout: string) =>
  (JSON.parse(stdout) as { packageChanges: { commit: string; from: string; to: string }[] })
    .packageChanges;

describe("labenv audit remembers what it described", () => {
  it("says the same thing about the same blob pair in two commits, described once and remembered", async () => {
    rmSync(cacheFile(dir), { force: true });
    const fresh = await runCli(["audit", "-C", dir, "--json"]);
    expect(fresh.code).toBe(0);
    expect(existsSync(cacheFile(dir))).toBe(true);
    const upgrades = packageChanges(fresh.stdout).filter((p) => p.to === "2.0.1");
    expect(upgrades).toHaveLength(2);
    expect(upgrades.map((p) => p.from)).toEqual(["1.26.4", "1.26.4"]);
    const file = JSON.parse(readFileSync(cacheFile(dir), "utf8")) as {
      version: string;
      entries: Record<string, unknown>;
    };
    expect(file.version).toBe(DESCRIPTION_VERSION);
    const pair = descriptionKey({
      status: "M",
      path: LOCK,
      oldBlob: blob("HEAD~1:" + LOCK),
      newBlob: blob("HEAD:" + LOCK),
    });
    // One entry for the pair the two commits share: 3 lock changes, 2 distinct pairs, + the created files.
    expect(Object.keys(file.entries).filter((k) => k.includes(LOCK))).toHaveLength(3);
    expect(file.entries[pair]).toMatchObject({
      kind: "EnvironmentLock",
      words: ["numpy 1.26.4 → 2.0.1"],
    });
    const remembered = await runCli(["audit", "-C", dir, "--json"]);
    expect(remembered.stdout).toBe(fresh.stdout);
  });

  it("gives byte-identical reports from remembered descriptions on a history of merges, renames, shares and successions", async () => {
    rmSync(cacheFile(audit.dir), { force: true });
    for (const format of ["json", "md", "csv"]) {
      const fresh = await runCli(["audit", "-C", audit.dir, "--format", format, "--reread"]);
      const remembered = await runCli(["audit", "-C", audit.dir, "--format", format]);
      expect(remembered.stdout, format).toBe(fresh.stdout);
      expect(remembered.code).toBe(fresh.code);
    }
    const quarter = ["--since", "2026-03-01", "--until", "2026-04-30", "--json"];
    const fresh = await runCli(["audit", "-C", audit.dir, ...quarter, "--reread"]);
    expect((await runCli(["audit", "-C", audit.dir, ...quarter])).stdout).toBe(fresh.stdout);
  });

  it("uses what it remembered instead of reading the blobs again (so it must only ever remember the truth)", async () => {
    await runCli(["audit", "-C", dir, "--json"]);
    const file = JSON.parse(readFileSync(cacheFile(dir), "utf8")) as {
      version: string;
      entries: Record<string, { words: string[] }>;
    };
    const pair = Object.keys(file.entries).find((k) => k.startsWith("M\0") && k.includes(LOCK))!;
    file.entries[pair]!.words = ["a description that no blob says"];
    writeFileSync(cacheFile(dir), JSON.stringify(file));
    expect((await runCli(["audit", "-C", dir])).stdout).toContain(
      "a description that no blob says",
    );
    // --reread describes from the blobs and replaces what was remembered.
    expect((await runCli(["audit", "-C", dir, "--reread"])).stdout).not.toContain("no blob says");
    expect(readFileSync(cacheFile(dir), "utf8")).not.toContain("no blob says");
  });

  it("ignores descriptions written for other words, a file that is not JSON, and entries of the wrong shape", async () => {
    const truth = (await runCli(["audit", "-C", dir, "--json", "--reread"])).stdout;
    const file = JSON.parse(readFileSync(cacheFile(dir), "utf8")) as {
      version: string;
      entries: Record<string, Record<string, unknown>>;
    };
    const keys = Object.keys(file.entries).filter((k) => k.includes(LOCK));
    const forged = (version: string, change: (e: Record<string, unknown>) => void) => {
      const copy = structuredClone(file);
      copy.version = version;
      for (const k of keys) change(copy.entries[k]!);
      writeFileSync(cacheFile(dir), JSON.stringify(copy));
    };
    // Another version of labenv: its words are not these.
    forged("sha256:other", (e) => (e.words = ["old words"]));
    expect((await runCli(["audit", "-C", dir, "--json"])).stdout).toBe(truth);
    // Entries that are not descriptions, or are about another path, are left out one by one.
    forged(DESCRIPTION_VERSION, (e) => (e.words = "not a list"));
    expect((await runCli(["audit", "-C", dir, "--json"])).stdout).toBe(truth);
    forged(DESCRIPTION_VERSION, (e) => (e.path = "environments/g/other/environment.lock.yaml"));
    expect((await runCli(["audit", "-C", dir, "--json"])).stdout).toBe(truth);
    // Cut short (a write that died) or not JSON at all.
    writeFileSync(cacheFile(dir), readFileSync(cacheFile(dir), "utf8").slice(0, 100));
    expect((await runCli(["audit", "-C", dir, "--json"])).stdout).toBe(truth);
    writeFileSync(cacheFile(dir), "\u0000\u0001 not json");
    const again = await runCli(["audit", "-C", dir, "--json"]);
    expect(again.stdout).toBe(truth);
    expect(again.stderr).toBe("");
    // …and the next audit wrote a good file again.
    expect((JSON.parse(readFileSync(cacheFile(dir), "utf8")) as { version: string }).version).toBe(
      DESCRIPTION_VERSION,
    );
  });
});
