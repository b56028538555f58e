import { describe, expect, it } from "vitest";
import { approvalFindings } from "../../../reconciler/core/audit/approval-findings.js";
import type {
  AttributedChange,
  TimelineCommit,
} from "../../../reconciler/core/audit/timeline-commit.js";
import type { PullRequestRecord } from "../../../reconciler/ports/pull-requests.js";

const lab = (
  name: string,
  o: { pi: string; approvers: string[]; members: string[]; policy?: string },
) => ({
  metadata: { name },
  spec: {
    pi: o.pi,
    approvers: o.approvers,
    members: o.members.map((id) => ({ id, github: `${id}-gh` })),
    ...(o.policy ? { approvals: { environmentChanges: o.policy } } : {}),
  },
});
const labs: Record<string, unknown> = {
  "genomics-core": lab("genomics-core", {
    pi: "mchen",
    approvers: ["mchen", "rpatel"],
    members: ["mchen", "rpatel", "ajones"],
  }),
  "ml-vision": lab("ml-vision", {
    pi: "dsato",
    approvers: ["dsato"],
    members: ["dsato", "epetrov"],
  }),
  strict: lab("strict", {
    pi: "p",
    approvers: ["a"],
    members: ["p", "a", "o"],
    policy: "approver",
  }),
};
const change = (c: Partial<AttributedChange>): AttributedChange => ({
  kind: "Environment",
  action: "updated",
  path: "x",
  words: [],
  readable: true,
  concerns: [],
  ...c,
});
const commit = (
  changes: AttributedChange[],
  environments: Record<string, unknown> = {},
  files: TimelineCommit["files"] = { before: [], after: [] },
): TimelineCommit => ({
  commit: "c".repeat(40),
  parents: ["p"],
  date: "2026-03-01T00:00:00Z",
  subject: "s",
  author: "a",
  authorEmail: "e",
  origin: { via: "squash", pullRequest: 1, title: "t" },
  changes,
  base: { labs, environments },
  files,
});
const review = (
  user: string,
  state: PullRequestRecord["reviews"][number]["state"],
  at = "2026-03-01T10:00:00Z",
  commitId = "head",
) => ({ user, state, submittedAt: at, commitId });
const pr = (author: string, reviews: PullRequestRecord["reviews"]): PullRequestRecord => ({
  number: 1,
  title: "t",
  author,
  mergedAt: "2026-03-01T12:00:00Z",
  headSha: "head",
  headRef: "b",
  reviews,
});
const findings = (c: TimelineCommit, p: PullRequestRecord | undefined) =>
  approvalFindings([c], new Map([[1, p]])).map((f) => `${f.code}: ${f.message}`);

const SHARE = "environments/genomics-core/shares/s.yaml";
const shareDoc = {
  spec: {
    environment: "rnaseq",
    to: { lab: "ml-vision" },
    access: "read-only",
    expires: "2027-01-01",
    purpose: "p",
  },
};
const share = (before: unknown, after: unknown) =>
  change({
    kind: "Share",
    path: SHARE,
    lab: "genomics-core",
    name: "s",
    share: { to: "ml-vision" },
    documents: { before, after },
  });

describe("approvals a merged pull request lacked, by the rules on main before it merged", () => {
  it("a share needs an approver of both labs", () => {
    const c = commit([share(undefined, shareDoc)], {}, { before: [], after: [SHARE] });
    expect(findings(c, pr("rpatel-gh", [review("mchen-gh", "APPROVED")]))).toEqual([
      'missing-approval: PR #1 "t" by @rpatel-gh merged without the approval share genomics-core/s: needs an approver of ml-vision (@dsato-gh) — ml-vision receives genomics-core\'s environment rnaseq (read-only); approvals that counted: @mchen-gh as approver of genomics-core',
    ]);
    expect(
      findings(
        c,
        pr("rpatel-gh", [review("mchen-gh", "APPROVED"), review("dsato-gh", "APPROVED")]),
      ),
    ).toEqual([]);
  });

  it("revoking a share needs only the lending lab, as the app rules", () => {
    const c = commit([share(shareDoc, undefined)], {}, { before: [SHARE], after: [] });
    expect(findings(c, pr("rpatel-gh", [review("mchen-gh", "APPROVED")]))).toEqual([]);
  });

  it("a succession needs the PI; the author's own approval and approvals of an older commit never count", () => {
    const path = "environments/genomics-core/successions/g.yaml";
    const doc = {
      spec: {
        from: "rpatel",
        to: "ajones",
        environments: ["rnaseq"],
        effective: "2026-04-30",
        reason: "r",
      },
    };
    const c = commit(
      [
        change({
          kind: "Succession",
          path,
          lab: "genomics-core",
          name: "g",
          documents: { before: undefined, after: doc },
        }),
      ],
      {},
      { before: [], after: [path] },
    );
    const out = findings(
      c,
      pr("mchen-gh", [
        review("mchen-gh", "APPROVED"),
        review("rpatel-gh", "APPROVED", "2026-03-01T10:00:00Z", "older"),
      ]),
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toContain(
      "succession genomics-core/g: needs the PI of genomics-core (mchen) (only @mchen-gh, the author, who cannot approve their own pull request)",
    );
    expect(out[0]).toContain(
      "not counted: @mchen-gh is the author: their own approval never counts; @rpatel-gh approved older, not the head commit head: approve again",
    );
    expect(out[1]).toContain("needs rpatel, who hands over");
  });

  it("other environment changes need the owner or an approver, or only an approver when the lab says so; reviews after the merge do not count", () => {
    const env = (key: string) => `environments/${key}/environment.yaml`;
    const c = commit(
      [
        change({
          path: env("genomics-core/rnaseq"),
          lab: "genomics-core",
          environment: "genomics-core/rnaseq",
        }),
        change({ path: env("strict/e"), lab: "strict", environment: "strict/e" }),
      ],
      {
        "genomics-core/rnaseq": { spec: { owner: "ajones" } },
        "strict/e": { spec: { owner: "o" } },
      },
      {
        before: [env("genomics-core/rnaseq"), env("strict/e")],
        after: [env("genomics-core/rnaseq"), env("strict/e")],
      },
    );
    const out = findings(
      c,
      pr("rpatel-gh", [
        review("ajones-gh", "APPROVED"),
        review("o-gh", "APPROVED"),
        review("a-gh", "APPROVED", "2026-03-02T00:00:00Z"),
      ]),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toContain("environment strict/e: needs an approver of strict (@a-gh)");
  });

  it("says when the rules cannot be read, and when the git host does not know the pull request", () => {
    const c = {
      ...commit([
        change({ path: "environments/old/e/environment.yaml", lab: "old", environment: "old/e" }),
      ]),
      base: { labs: { old: { spec: { pi: "x" } } }, environments: {} },
    };
    expect(findings(c, pr("x-gh", []))).toEqual([
      expect.stringMatching(
        /^approval-unverifiable: PR #1 "t": old's lab.yaml on main before the merge does not name/,
      ),
    ]);
    expect(findings(commit([]), undefined)).toEqual([
      expect.stringMatching(
        /^pull-request-unknown: PR #1 \(commit ccccccc\) is not known to the git host/,
      ),
    ]);
  });
});
