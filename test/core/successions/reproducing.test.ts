// Issue 16: the hand-over package says what drifted and is not settled, and who approved each
// change — approvals read from GitHub's real pull request and review payloads (strict nock): an
// approval of the merged head commit by someone other than the author counts, nothing else.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { fileCache } from "../../../reconciler/adapters/github/pull-request-cache.js";
import { gitHubPullRequests } from "../../../reconciler/adapters/github/pull-requests.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { SnapshotManifest } from "../../../reconciler/core/snapshots/manifest.js";
import { withApprovals } from "../../../reconciler/core/successions/history-approvals.js";
import {
  renderReproducing,
  type HistoryLine,
} from "../../../reconciler/core/successions/reproducing.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { strictNock } from "../../helpers/strict-nock.js";

strictNock();

const API = "https://api.github.com";
const REPO = "/repos/westtek/environments";
const HEAD = "h".repeat(40);
const repo = loadRepository(exampleFiles(), createSchemaValidator()).repository;
const ENV = "genomics-core/variant-calling";

const manifest = {
  id: `${ENV}/succession-lwu-graduation`,
  capturedAt: "2026-12-31T06:00:00.000Z",
  commit: "c".repeat(40),
  provider: "sandbox",
  lock: { file: "x", digest: "sha256:1", key: "objects/1", image: "img@sha256:2" },
  home: {
    backupJobId: "b-1",
    recoveryPointArn: "arn:rp",
    path: "/labs/genomics-core/environments/variant-calling",
    fileCount: 2,
    totalBytes: 40,
    files: [
      {
        path: "qc.ipynb",
        size: 29,
        sha256: "e".repeat(64),
        modifiedAt: "2026-11-30T09:15:00.000Z",
      },
      { path: "old.ipynb", size: 11, sha256: "f".repeat(64) },
    ],
  },
} as unknown as SnapshotManifest;

const render = (over: Partial<Parameters<typeof renderReproducing>[0]> = {}) =>
  renderReproducing({
    succession: repo.successions.get("genomics-core/lwu-graduation")!,
    environment: repo.environments.get(ENV)!,
    lock: repo.locks.get(ENV),
    snapshotId: manifest.id,
    manifest,
    manifestKey: `snapshots/${manifest.id}/manifest.json`,
    ...over,
  });

describe("REPRODUCING.md", () => {
  it("lists each notebook's last-modified time, and says when a snapshot did not record one", () => {
    const text = render();
    expect(text).toContain("| qc.ipynb | 29 | 2026-11-30T09:15:00.000Z | `eeeeeeeeeeee…` |");
    expect(text).toContain("| old.ipynb | 11 | not recorded | `ffffffffffff…` |");
  });

  it("lists the open drift item by item, or says there is none", () => {
    const text = render({
      drift: {
        environment: ENV,
        status: "CRITICAL_DRIFT",
        observedAt: "2026-12-30T22:00:00Z",
        items: [
          {
            item: "package",
            change: "changed",
            name: "numpy",
            locked: "1.26.4",
            observed: "2.0.1",
            severity: "critical",
            why: "a pinned package changed",
          },
          {
            item: "package",
            change: "added",
            name: "requests",
            observed: "2.32.3",
            severity: "minor",
            why: "default",
          },
        ],
        fingerprint: "x",
        ignored: 0,
        observation: "present",
      },
    });
    expect(text).toContain(
      "## Open drift\n\n**CRITICAL_DRIFT** (observed 2026-12-30T22:00:00Z): what runs differs from the lock.",
    );
    expect(text).toContain("- critical package numpy: 1.26.4 → 2.0.1 (changed)");
    expect(text).toContain("- minor package requests: — → 2.32.3 (added)");
    expect(render()).toContain("## Open drift\n\nNone on record");
  });

  it("names who approved each change's pull request, read from GitHub", async () => {
    const pull = (n: number, author: string) => ({
      number: n,
      title: `change ${n}`,
      user: { login: author },
      state: "closed",
      merged_at: "2026-10-01T12:00:00Z",
      head: { sha: HEAD, ref: `b${n}` },
    });
    const review = (login: string, state: string, commit: string) => ({
      user: { login },
      state,
      submitted_at: "2026-10-01T10:00:00Z",
      commit_id: commit,
    });
    nock(API)
      .get(`${REPO}/pulls/12`)
      .reply(200, pull(12, "linwu-phd"))
      .get(`${REPO}/pulls/12/reviews`)
      .query({ per_page: 100 })
      .reply(200, [
        review("rpatel-bio", "APPROVED", HEAD),
        review("meichen-lab", "APPROVED", "0".repeat(40)), // an older commit: does not count
        review("linwu-phd", "APPROVED", HEAD), // the author's own: does not count
        review("tkim-rc", "CHANGES_REQUESTED", HEAD),
      ])
      .get(`${REPO}/pulls/9`)
      .reply(200, pull(9, "linwu-phd"))
      .get(`${REPO}/pulls/9/reviews`)
      .query({ per_page: 100 })
      .reply(200, []);
    const history: HistoryLine[] = [
      {
        commit: "a".repeat(40),
        date: "2026-10-01",
        author: "Lin Wu",
        subject: "qc: bcftools",
        pullRequest: 12,
      },
      {
        commit: "b".repeat(40),
        date: "2026-09-01",
        author: "Lin Wu",
        subject: "qc (#12)",
        pullRequest: 12,
      },
      {
        commit: "d".repeat(40),
        date: "2026-08-01",
        author: "Lin Wu",
        subject: "cpu",
        pullRequest: 9,
      },
      { commit: "e".repeat(40), date: "2026-07-01", author: "Ravi Patel", subject: "seed" },
    ];
    const cache = fileCache(mkdtempSync(join(tmpdir(), "labenv-gh-")), "westtek", "environments");
    const pullRequests = gitHubPullRequests({
      token: "t",
      owner: "westtek",
      repo: "environments",
      cache,
    });
    const approved = await withApprovals(history, pullRequests);
    expect(approved.map((h) => h.approvedBy)).toEqual([
      ["rpatel-bio"],
      ["rpatel-bio"],
      [],
      undefined,
    ]);
    const text = render({ history: approved, approvalsRead: true });
    expect(text).toContain("Lin Wu: qc: bcftools — #12, approved by @rpatel-bio");
    expect(text).toContain("Lin Wu: cpu — #9, no approval of its merged commit");
    expect(text).toContain("Ravi Patel: seed — not merged through a pull request");
    // Without a GitHub token the numbers are given, and the package says approvals were not read.
    const unread = render({ history });
    expect(unread).toContain("Lin Wu: cpu — #9\n");
    expect(unread).toContain("approvals were not read");
  });
});
