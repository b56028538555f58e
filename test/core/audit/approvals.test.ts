import { describe, expect, it } from "vitest";
import { countedApprovals } from "../../../reconciler/core/audit/counted-approvals.js";
import { requiredApprovals } from "../../../reconciler/core/audit/required-approvals.js";
import type { AttributedChange, TimelineCommit } from "../../../reconciler/core/audit/timeline-commit.js";
import type { PullRequestRecord } from "../../../reconciler/ports/pull-requests.js";

const lab = (name: string, o: { pi: string; approvers: string[]; members: string[]; policy?: string }) => ({
  metadata: { name },
  spec: { pi: o.pi, approvers: o.approvers, members: o.members.map((id) => ({ id, github: `${id}-gh` })), ...(o.policy ? { approvals: { environmentChanges: o.policy } } : {}) },
});
const labs = {
  "genomics-core": lab("genomics-core", { pi: "mchen", approvers: ["mchen", "rpatel"], members: ["mchen", "rpatel", "ajones"] }),
  "ml-vision": lab("ml-vision", { pi: "dsato", approvers: ["dsato"], members: ["dsato", "epetrov"] }),
  strict: lab("strict", { pi: "p", approvers: ["a"], members: ["p", "a", "o"], policy: "approver" }),
};
const change = (c: Partial<AttributedChange>): AttributedChange => ({ kind: "Environment", action: "updated", path: "x", words: [], readable: true, concerns: [], ...c });
const commit = (changes: AttributedChange[], environments: Record<string, unknown> = {}): TimelineCommit => ({
  commit: "c", parents: ["p"], date: "2026-03-01T00:00:00Z", subject: "s", author: "a", authorEmail: "e", origin: { via: "squash", pullRequest: 1, title: "t" }, changes, base: { labs, environments },
});
const who = (c: TimelineCommit) => requiredApprovals(c).map((r) => `${r.who}: ${r.candidates.map((m) => m.id).join(",")} for ${r.subjects.join(", ")}`);

describe("approvals a merged change needed, by the rules before it merged", () => {
  it("a share needs an approver of both labs", () => {
    expect(who(commit([change({ kind: "Share", lab: "genomics-core", name: "s", share: { to: "ml-vision" } })]))).toEqual([
      "an approver of genomics-core: mchen,rpatel for share genomics-core/s",
      "an approver of ml-vision: dsato for share genomics-core/s",
    ]);
  });

  it("a succession needs the PI", () => {
    expect(who(commit([change({ kind: "Succession", lab: "genomics-core", name: "g" })]))).toEqual(["the PI of genomics-core: mchen for succession genomics-core/g"]);
  });

  it("other environment changes need the owner or an approver (once per environment), or only an approver when the lab says so", () => {
    const envs = { "genomics-core/rnaseq": { spec: { owner: "ajones" } }, "strict/e": { spec: { owner: "o" } } };
    const c = commit([change({ lab: "genomics-core", environment: "genomics-core/rnaseq" }), change({ kind: "EnvironmentLock", lab: "genomics-core", environment: "genomics-core/rnaseq" }), change({ lab: "strict", environment: "strict/e" })], envs);
    expect(who(c)).toEqual(["the owner (ajones) or an approver of genomics-core: ajones,mchen,rpatel for environment genomics-core/rnaseq", "an approver of strict: a for environment strict/e"]);
  });

  it("asks once when one approval satisfies two rules (an owner who is also an approver, next to a share)", () => {
    const c = commit([change({ lab: "genomics-core", environment: "genomics-core/rnaseq" }), change({ kind: "Share", lab: "genomics-core", name: "s", share: { to: "genomics-core" } })], { "genomics-core/rnaseq": { spec: { owner: "rpatel" } } });
    expect(who(c)).toEqual(["an approver of genomics-core: mchen,rpatel for share genomics-core/s, environment genomics-core/rnaseq"]);
  });

  it("says when a lab had no rules on main yet", () => {
    const r = requiredApprovals(commit([change({ lab: "new-lab", environment: "new-lab/e" })]));
    expect(r[0]).toMatchObject({ who: "an approver of new-lab", candidates: [], unknownRules: "new-lab had no readable lab.yaml on main before this merge" });
  });
});

describe("approvals that count", () => {
  const pr = (reviews: PullRequestRecord["reviews"]): PullRequestRecord => ({ number: 1, title: "t", author: "rpatel-gh", mergedAt: "2026-03-01T12:00:00Z", headSha: "head", headRef: "b", reviews });
  const r = (user: string, state: PullRequestRecord["reviews"][number]["state"], at: string, commitId = "head") => ({ user, state, submittedAt: at, commitId });

  it("counts each reviewer's last decisive review on the head commit before the merge, never the author's", () => {
    const counted = countedApprovals(pr([
      r("rpatel-gh", "APPROVED", "2026-03-01T10:00:00Z"),
      r("mchen-gh", "APPROVED", "2026-03-01T09:00:00Z", "older"),
      r("dsato-gh", "APPROVED", "2026-03-01T09:00:00Z"),
      r("dsato-gh", "CHANGES_REQUESTED", "2026-03-01T10:00:00Z"),
      r("epetrov-gh", "APPROVED", "2026-03-01T10:00:00Z"),
      r("epetrov-gh", "COMMENTED", "2026-03-01T11:00:00Z"),
      r("ajones-gh", "APPROVED", "2026-03-01T13:00:00Z"),
    ]));
    expect([...counted.logins]).toEqual(["epetrov-gh"]);
    expect(counted.ignored).toEqual([{ login: "mchen-gh", why: "approved an older commit older" }, { login: "rpatel-gh", why: "the pull request's author" }]);
  });
});
