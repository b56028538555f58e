import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStateStore } from "../../reconciler/adapters/file/file-state-store.js";
import nock from "nock";
import { strictNock } from "../helpers/strict-nock.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildAuditRepo, type AuditRepo } from "../fixtures/audit/audit-repo.js";
import { expectGolden } from "../fixtures/audit/golden.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/example-repo.js";

let repo: AuditRepo;
const API = "https://api.github.com";
const REPO = "/repos/westtek/environments";

beforeAll(() => {
  vi.stubEnv("GITHUB_TOKEN", "");
  repo = buildAuditRepo();
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(repo.dir, { recursive: true, force: true });
});

describe("labenv history", () => {
  it("tells every change to an environment, newest first, across its rename", async () => {
    const r = await runCli(["history", "genomics-core/bulk-rnaseq", "-C", repo.dir]);
    expect(r.code).toBe(0);
    expectGolden(r.stdout, "history/bulk-rnaseq.txt");
    const json = await runCli(["history", "genomics-core/bulk-rnaseq", "-C", repo.dir, "--json"]);
    expectGolden(json.stdout, "history/bulk-rnaseq.json");
  });

  it("shows creation and deletion of an environment that no longer exists", async () => {
    const r = await runCli(["history", "ml-vision/segmentation", "-C", repo.dir]);
    expect(r.code).toBe(0);
    expectGolden(r.stdout, "history/segmentation.txt");
  });

  it("reads this repository's own history: the example rnaseq environment was created by the seed commit", async () => {
    const r = await runCli(["history", "genomics-core/rnaseq", "-C", repoRoot, "--json"]);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout) as {
      entries: { commit: string; via: string; changes: string[] }[];
    };
    const first = h.entries.at(-1)!;
    expect(first.commit.startsWith("4174f06")).toBe(true);
    expect(first.via).toBe("direct");
    expect(first.changes).toContain(
      "environment created (owner rpatel, domain pack genomics@^1.1, experiment EXP-2026-014, funding nih-r01-hg012345)",
    );
    expect(first.changes).toContain("snapshot before-genomics-2 requested");
  });

  it("refuses a malformed environment name with exit 2", async () => {
    const r = await runCli(["history", "rnaseq", "-C", repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an environment: "rnaseq"/);
  });
});

describe("labenv at", () => {
  it("prints the environment and lock as they were at the end of a day, under the name they had then", async () => {
    const r = await runCli(["at", "2026-02-11", "genomics-core/bulk-rnaseq", "-C", repo.dir]);
    expect(r.code).toBe(0);
    expectGolden(r.stdout, "at/2026-02-11.yaml");
  });

  it("reads a given commit, with --json", async () => {
    const r = await runCli([
      "at",
      repo.commits.drift!,
      "genomics-core/bulk-rnaseq",
      "-C",
      repo.dir,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.commit.commit).toBe(repo.commits.drift);
    expect(s.lock.document.spec.packages).toContainEqual({
      name: "scanpy",
      version: "1.10.2",
      source: "pack",
    });
    expect(s.environment.document.spec.owner).toBe("ajones");
  });

  it("says when the environment did not exist yet (exit 1), and when main had no commit that early", async () => {
    const before = await runCli(["at", "2026-01-07", "genomics-core/bulk-rnaseq", "-C", repo.dir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(
      "genomics-core/bulk-rnaseq did not exist at that commit (nor under its former names genomics-core/rnaseq)",
    );
    const none = await runCli(["at", "2020-01-01", "genomics-core/bulk-rnaseq", "-C", repo.dir]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("main has no commit at or before 2020-01-01T23:59:59Z");
  });

  it("exits 2 for an unknown commit", async () => {
    const r = await runCli(["at", "no-such-branch", "genomics-core/bulk-rnaseq", "-C", repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no commit no-such-branch in this repository");
  });
});

describe("labenv audit", () => {
  it("reports the whole history as Markdown, JSON and CSV, exit 1 for the direct push", async () => {
    for (const format of ["md", "json", "csv"]) {
      const r = await runCli(["audit", "-C", repo.dir, "--format", format]);
      expect(r.code).toBe(1);
      expectGolden(r.stdout, `full/report.${format}`);
    }
  });

  it("reads the reconciler's grants from the state directory labenv.yaml names, whatever the other files of the checkout say, and refuses a broken labenv.yaml", async () => {
    const dir = mkdtempSync(join(tmpdir(), "labenv-audit-state-"));
    try {
      execFileSync("git", ["clone", "-q", repo.dir, dir]);
      writeFileSync(
        join(dir, "labenv.yaml"),
        "apiVersion: labenv.westtek.io/v1\nkind: RepoConfig\nmetadata:\n  name: t\nspec:\n  target: sandbox\n  state:\n    store: file\n    directory: recorded\n",
      );
      // A document of the checkout that does not parse: the audit reads history, not the checkout.
      mkdirSync(join(dir, "environments", "genomics-core", "broken"), { recursive: true });
      writeFileSync(
        join(dir, "environments", "genomics-core", "broken", "environment.yaml"),
        "a: [\n",
      );
      await new FileStateStore(join(dir, "recorded", "state")).putShareEvent({
        event: "granted",
        at: "2026-11-02T10:00:00Z",
        share: "genomics-core/to-ml",
        environment: "genomics-core/bulk-rnaseq",
        member: "ml-vision/epetrov",
        accessPoint: "fsap-0123",
        reason: "create share genomics-core/to-ml",
        commit: "0123456789ab",
        run: "r1",
      });
      const r = await runCli(["audit", "-C", dir, "--json"]);
      expect(r.code).toBe(1);
      expect(
        (
          JSON.parse(r.stdout) as { shares: { access: { accessPoint: string }[] } }
        ).shares.access.map((e) => e.accessPoint),
      ).toEqual(["fsap-0123"]);
      writeFileSync(
        join(dir, "labenv.yaml"),
        "apiVersion: labenv.westtek.io/v1\nkind: RepoConfig\nspec:\n  target: moon\n",
      );
      const refused = await runCli(["audit", "-C", dir, "--json"]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("labenv.yaml has");
      expect(refused.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("narrows to a period and a lab", async () => {
    const r = await runCli([
      "audit",
      "-C",
      repo.dir,
      "--since",
      "2026-03-01",
      "--until",
      "2026-04-30",
      "--lab",
      "ml-vision",
    ]);
    expect(r.code).toBe(0);
    expectGolden(r.stdout, "period-lab/report.md");
  });

  it("narrows to an experiment and to a funding source", async () => {
    const exp = await runCli(["audit", "-C", repo.dir, "--experiment", "EXP-2026-011", "--json"]);
    expect(exp.code).toBe(0);
    expectGolden(exp.stdout, "experiment/report.json");
    const funding = await runCli([
      "audit",
      "-C",
      repo.dir,
      "--funding",
      "nih-r01-hg012345",
      "--since",
      "2026-02-10",
      "--until",
      "2026-02-12",
    ]);
    expect(funding.code).toBe(1);
    expectGolden(funding.stdout, "funding/report.md");
  });

  it("refuses a bad date or format with exit 2", async () => {
    expect((await runCli(["audit", "-C", repo.dir, "--since", "2026-02-30"])).stderr).toContain(
      '--since: not a date: "2026-02-30"',
    );
    expect((await runCli(["audit", "-C", repo.dir, "--format", "xml"])).code).toBe(2);
  });
});

describe("labenv audit with a GitHub token", () => {
  strictNock();

  const head = (merge: string) =>
    execFileSync("git", ["rev-parse", `${merge}^2`], { cwd: repo.dir, encoding: "utf8" }).trim();
  const review = (user: string, commit: string, at: string, state = "APPROVED") => ({
    user: { login: user },
    state,
    submitted_at: at,
    commit_id: commit,
  });
  const pull = (
    n: number,
    title: string,
    author: string,
    sha: string,
    ref: string,
    mergedAt: string | null,
    state = "closed",
  ) => ({
    number: n,
    title,
    user: { login: author },
    state,
    merged_at: mergedAt,
    head: { sha, ref },
    created_at: "2026-02-20T10:00:00Z",
    updated_at: mergedAt ?? "2026-04-20T10:00:00Z",
    closed_at: mergedAt ?? "2026-04-20T10:00:00Z",
  });

  function mockPullRequests(): void {
    const prs = [
      {
        pr: pull(
          5,
          "Snapshot rnaseq before the upgrade",
          "rpatel-bio",
          head(repo.commits.snapshot!),
          "rpatel/snapshot",
          "2026-03-01T15:00:00Z",
        ),
        reviews: [
          review("rpatel-bio", head(repo.commits.snapshot!), "2026-03-01T10:00:00Z"),
          review("meichen-lab", head(repo.commits.snapshot!), "2026-03-01T11:00:00Z"),
        ],
      },
      // The ml-vision approver at the time was dsato: epetrov only became one on May 10th.
      {
        pr: pull(
          6,
          "Share rnaseq with ml-vision",
          "rpatel-bio",
          head(repo.commits.share!),
          "rpatel/share",
          "2026-03-05T15:00:00Z",
        ),
        reviews: [
          review("meichen-lab", head(repo.commits.share!), "2026-03-05T10:00:00Z"),
          review("epetrov", head(repo.commits.share!), "2026-03-05T11:00:00Z"),
        ],
      },
      // Approved, then pushed to again: the approval is for an older commit.
      {
        pr: pull(
          7,
          "Rename rnaseq to bulk-rnaseq",
          "rpatel-bio",
          "7".repeat(40),
          "rpatel/rename",
          "2026-03-20T15:00:00Z",
        ),
        reviews: [review("meichen-lab", "6".repeat(40), "2026-03-19T10:00:00Z")],
      },
      {
        pr: pull(
          8,
          "Hand bulk-rnaseq over to Amara",
          "ajones-sc",
          head(repo.commits.succession!),
          "ajones/succession",
          "2026-04-02T15:00:00Z",
        ),
        reviews: [review("meichen-lab", head(repo.commits.succession!), "2026-04-02T10:00:00Z")],
      },
      {
        pr: pull(
          9,
          "drift: genomics-core/bulk-rnaseq: scanpy 1.10.1 → 1.10.2",
          "labenv[bot]",
          head(repo.commits.drift!),
          "labenv/drift/genomics-core/bulk-rnaseq",
          "2026-04-15T15:00:00Z",
        ),
        reviews: [review("ajones-sc", head(repo.commits.drift!), "2026-04-15T10:00:00Z")],
      },
      {
        pr: pull(
          10,
          "End the ml-vision share",
          "meichen-lab",
          head(repo.commits.revoke!),
          "mchen/revoke",
          "2026-05-01T15:00:00Z",
        ),
        reviews: [
          review("rpatel-bio", head(repo.commits.revoke!), "2026-05-01T10:00:00Z"),
          review("dsato-ml", head(repo.commits.revoke!), "2026-05-01T11:00:00Z"),
        ],
      },
      // dsato was the only approver and opened it: his own approval never counts.
      {
        pr: pull(
          11,
          "ml-vision: Elena approves from now on",
          "dsato-ml",
          head(repo.commits.approvers!),
          "dsato/approvers",
          "2026-05-10T15:00:00Z",
        ),
        reviews: [
          review("dsato-ml", head(repo.commits.approvers!), "2026-05-10T10:00:00Z"),
          review("epetrov", head(repo.commits.approvers!), "2026-05-10T11:00:00Z"),
        ],
      },
    ];
    const api = nock(API);
    for (const { pr, reviews } of prs) {
      api.get(`${REPO}/pulls/${pr.number}`).reply(200, pr);
      api.get(`${REPO}/pulls/${pr.number}/reviews`).query({ per_page: 100 }).reply(200, reviews);
    }
    api
      .get(`${REPO}/pulls`)
      .query({ state: "all", sort: "updated", direction: "desc", per_page: 100 })
      .reply(200, [
        pull(16, "Bump pandas", "rpatel-bio", "a".repeat(40), "rpatel/pandas", null, "open"),
        pull(
          14,
          "drift: genomics-core/bulk-rnaseq: pandas 2.2.2 → 2.2.3",
          "labenv[bot]",
          "b".repeat(40),
          "labenv/drift/genomics-core/bulk-rnaseq",
          null,
        ),
        {
          ...pull(
            9,
            "drift: genomics-core/bulk-rnaseq: scanpy 1.10.1 → 1.10.2",
            "labenv[bot]",
            head(repo.commits.drift!),
            "labenv/drift/genomics-core/bulk-rnaseq",
            "2026-04-15T15:00:00Z",
          ),
          created_at: "2026-04-14T03:00:00Z",
          updated_at: "2026-04-15T15:00:00Z",
        },
        {
          ...pull(
            2,
            "New environment: rnaseq",
            "rpatel-bio",
            "c".repeat(40),
            "rpatel/rnaseq",
            "2026-01-12T15:00:00Z",
          ),
          updated_at: "2026-01-12T15:00:00Z",
        },
      ]);
  }

  it("checks who approved each merged pull request by the rules on main before it merged", async () => {
    mockPullRequests();
    const args = [
      "audit",
      "-C",
      repo.dir,
      "--since",
      "2026-03-01",
      "--until",
      "2026-05-15",
      "--github-token",
      "t0ken",
      "--repo",
      "westtek/environments",
    ];
    const r = await runCli(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expectGolden(r.stdout, "with-token/report.md");
    // Closed pull requests are cached: the second run asks GitHub only for the list of drift pull requests.
    nock(API).get(`${REPO}/pulls`).query(true).reply(200, []);
    const again = await runCli([...args, "--json"]);
    expectGolden(again.stdout, "with-token/report.json");
  });

  it("stops with exit 2 and a hint when GitHub refuses the token", async () => {
    nock(API).get("/repos/westtek/other/pulls/5").reply(401, { message: "Bad credentials" });
    const r = await runCli([
      "audit",
      "-C",
      repo.dir,
      "--since",
      "2026-03-01",
      "--until",
      "2026-03-01",
      "--github-token",
      "bad",
      "--repo",
      "westtek/other",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("GitHub: reading pull request #5 failed (HTTP 401)");
    expect(r.stderr).toContain("the GitHub token was refused");
  });
});
