import { describe, expect, it } from "vitest";
import {
  evaluateApprovals,
  latestVerdicts,
  type ApprovalRequirement,
  type Review,
} from "../../../reconciler/core/approvals/index.js";

const HEAD = "a".repeat(40);
const OLD = "b".repeat(40);

const shareLender: ApprovalRequirement = {
  id: "share-lender:g/s",
  kind: "share-lender",
  subject: "share g/s",
  needs: "an approver of g",
  why: "g lends e to m",
  anyOf: [
    { login: "Alice-G", member: "alice", lab: "g", role: "approver" },
    { login: "bob-g", member: "bob", lab: "g", role: "approver" },
  ],
};
const shareReceiver: ApprovalRequirement = {
  id: "share-receiver:g/s:m",
  kind: "share-receiver",
  subject: "share g/s",
  needs: "an approver of m",
  why: "m receives e",
  anyOf: [{ login: "carol-m", member: "carol", lab: "m", role: "approver" }],
};
const newLab: ApprovalRequirement = {
  id: "new-lab:p",
  kind: "new-lab",
  subject: "new lab p",
  needs: "a repository admin",
  why: "p is new",
  anyOf: [],
  repositoryAdmin: true,
};

let nextId = 1;
function review(
  login: string,
  state: string,
  commit = HEAD,
  at = `2026-11-23T10:00:${String(nextId).padStart(2, "0")}Z`,
): Review {
  return { id: nextId++, user: { login }, state, commit_id: commit, submitted_at: at };
}
const ctx = { author: "dave", headSha: HEAD };

describe("evaluateApprovals", () => {
  it("is satisfied when every requirement has an approval on the head commit", () => {
    const r = evaluateApprovals(
      [shareLender, shareReceiver],
      [review("alice-g", "APPROVED"), review("carol-m", "APPROVED")],
      ctx,
    );
    expect(r.satisfied).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.counted).toEqual([
      { requirement: "share-lender:g/s", login: "alice-g", as: "approver of g" },
      { requirement: "share-receiver:g/s:m", login: "carol-m", as: "approver of m" },
    ]);
  });

  it("lists what is missing, who can give it and why", () => {
    const r = evaluateApprovals([shareLender, shareReceiver], [review("bob-g", "APPROVED")], ctx);
    expect(r.satisfied).toBe(false);
    expect(r.missing).toEqual([
      {
        requirement: "share-receiver:g/s:m",
        why: "share g/s: needs an approver of m (@carol-m) — m receives e",
      },
    ]);
  });

  it("never counts the author's own approval", () => {
    const r = evaluateApprovals([shareLender], [review("bob-g", "APPROVED")], {
      author: "Bob-G",
      headSha: HEAD,
    });
    expect(r.satisfied).toBe(false);
    expect(r.ignored).toEqual([
      { login: "bob-g", why: "is the author: their own approval never counts" },
    ]);
    expect(r.missing[0]!.why).toContain("(@Alice-G)");
  });

  it("says when only the author could approve", () => {
    const only: ApprovalRequirement = {
      ...shareReceiver,
      anyOf: [{ login: "dave", member: "d", lab: "m", role: "approver" }],
    };
    expect(evaluateApprovals([only], [], ctx).missing[0]!.why).toContain(
      "only @dave, the author, who cannot approve their own pull request",
    );
  });

  it("does not count an approval of an older commit", () => {
    const r = evaluateApprovals([shareLender], [review("alice-g", "APPROVED", OLD)], ctx);
    expect(r.satisfied).toBe(false);
    expect(r.ignored).toEqual([
      {
        login: "Alice-G".toLowerCase(),
        why: `approved bbbbbbb, not the head commit aaaaaaa: approve again`,
      },
    ]);
  });

  it("takes each reviewer's latest verdict: a later change request or dismissal cancels, a comment does not", () => {
    expect(
      evaluateApprovals(
        [shareLender],
        [review("alice-g", "APPROVED"), review("alice-g", "CHANGES_REQUESTED")],
        ctx,
      ).satisfied,
    ).toBe(false);
    expect(
      evaluateApprovals(
        [shareLender],
        [review("alice-g", "APPROVED"), review("alice-g", "COMMENTED")],
        ctx,
      ).satisfied,
    ).toBe(true);
    expect(evaluateApprovals([shareLender], [review("alice-g", "DISMISSED")], ctx).ignored).toEqual(
      [{ login: "alice-g", why: "their approval was dismissed" }],
    );
    expect(
      evaluateApprovals(
        [shareLender],
        [review("alice-g", "CHANGES_REQUESTED"), review("alice-g", "APPROVED")],
        ctx,
      ).satisfied,
    ).toBe(true);
  });

  it("orders reviews by submission time, not by the order given", () => {
    const late = review("alice-g", "CHANGES_REQUESTED", HEAD, "2026-11-23T12:00:00Z");
    const early = review("alice-g", "APPROVED", HEAD, "2026-11-23T11:00:00Z");
    expect(latestVerdicts([late, early]).get("alice-g")?.state).toBe("CHANGES_REQUESTED");
  });

  it("compares logins without case", () => {
    expect(evaluateApprovals([shareLender], [review("ALICE-G", "APPROVED")], ctx).satisfied).toBe(
      true,
    );
  });

  it("does not count an approver of the wrong lab", () => {
    const r = evaluateApprovals(
      [shareLender, shareReceiver],
      [review("alice-g", "APPROVED"), review("bob-g", "APPROVED")],
      ctx,
    );
    expect(r.satisfied).toBe(false);
    expect(r.missing.map((m) => m.requirement)).toEqual(["share-receiver:g/s:m"]);
    expect(r.ignored).toEqual([
      {
        login: "bob-g",
        why: "is not a member with a role any requirement needs (per the base branch's lab.yaml)",
      },
    ]);
  });

  it("counts a repository admin for a new lab, and nobody else", () => {
    expect(evaluateApprovals([newLab], [review("carol-m", "APPROVED")], ctx).satisfied).toBe(false);
    const r = evaluateApprovals([newLab], [review("root", "APPROVED")], {
      ...ctx,
      repositoryAdmins: new Set(["Root"]),
    });
    expect(r.counted).toEqual([
      { requirement: "new-lab:p", login: "root", as: "repository admin" },
    ]);
    expect(evaluateApprovals([newLab], [], ctx).missing[0]!.why).toBe(
      "new lab p: needs a repository admin (a repository admin) — p is new",
    );
  });

  it("is satisfied with no requirements and ignores nothing then", () => {
    expect(evaluateApprovals([], [review("x", "APPROVED")], ctx)).toEqual({
      satisfied: true,
      missing: [],
      counted: [],
      ignored: [],
    });
  });

  it("skips reviews of deleted accounts", () => {
    expect(
      evaluateApprovals(
        [shareLender],
        [{ id: 1, user: null, state: "APPROVED", commit_id: HEAD }],
        ctx,
      ).satisfied,
    ).toBe(false);
  });
});

describe("the last pusher", () => {
  it("cannot approve the commit they pushed, even into someone else's pull request", () => {
    const r = evaluateApprovals([shareLender], [review("alice-g", "APPROVED")], {
      ...ctx,
      lastPusher: "ALICE-G",
    });
    expect(r.satisfied).toBe(false);
    expect(r.ignored).toEqual([
      {
        login: "alice-g",
        why: "pushed the head commit: whoever pushed the latest commit cannot approve it",
      },
    ]);
    expect(r.missing[0]!.why).toContain("(@bob-g)");
  });

  it("counts nobody's approval when the pusher is unknown", () => {
    const r = evaluateApprovals([shareLender], [review("bob-g", "APPROVED")], {
      ...ctx,
      lastPusher: null,
      lastPusherUnknown: "no push of aaaaaaa was found",
    });
    expect(r.satisfied).toBe(false);
    expect(r.ignored[0]!.why).toBe("cannot count: no push of aaaaaaa was found");
  });

  it("says so when the only approver left is the pusher", () => {
    const only = { ...shareReceiver };
    const r = evaluateApprovals([only], [], { ...ctx, lastPusher: "carol-m" });
    expect(r.missing[0]!.why).toContain("only @carol-m, who pushed the head commit");
  });
});
