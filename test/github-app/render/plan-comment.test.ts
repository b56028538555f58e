import { describe, expect, it } from "vitest";
import { renderPlanComment } from "../../../github-app/render/plan-comment.js";
import type { Action, Plan } from "../../../reconciler/core/model/plan.js";

const marker = "<!-- labenv:plan head=abc1234 at=2026-11-23T10:00:00Z -->";

function plan(
  environments: number,
  reason = "update task definition: image digest sha256:0123456789ab… → sha256:ba9876543210…",
  blocked?: string,
): Plan {
  const actions: Action[] = [];
  const costs: Plan["costs"] = [];
  for (let i = 0; i < environments; i++) {
    const env = `lab-${String(Math.floor(i / 20)).padStart(2, "0")}/env-${String(i % 20).padStart(2, "0")}`;
    actions.push({
      outcome: "update",
      kind: "task-definition",
      key: `task-definition:${env}`,
      environment: env,
      reason: `${reason} (${env})`,
      changes: [],
    });
    actions.push({
      outcome: "update",
      kind: "service",
      key: `service:${env}`,
      environment: env,
      reason: `update service ${env}: runs the new task definition revision`,
      changes: [],
    });
    actions.push({
      outcome: "unchanged",
      kind: "access-point",
      key: `access-point:${env}/home`,
      environment: env,
      reason: "matches git",
      changes: [],
    });
    costs.push({ environment: env, beforeUsd: 10, afterUsd: 12.5 });
  }
  return {
    version: 1,
    stages: [{ name: "task-definitions", actions }],
    costs,
    digest: `sha256:${"d".repeat(64)}`,
    summary: {
      create: 0,
      update: environments * 2,
      replace: 0,
      delete: 0,
      unchanged: environments,
      skipped: 0,
    },
    ...(blocked ? { blocked } : {}),
  };
}

describe("renderPlanComment", () => {
  it("shows the summary, costs, digest and each changing action's reason", () => {
    const body = renderPlanComment(plan(2), { headSha: "abc1234def", marker });
    expect(body.split("\n")[0]).toBe(marker);
    expect(body).toContain(
      "**2 environments change:** 0 create · 4 update · 0 replace · 0 delete · 2 unchanged · 0 skipped",
    );
    expect(body).toContain("Monthly cost: $20.00 → $25.00 (+$5.00)");
    expect(body).toContain("| lab-00/env-01 | 0 | 2 | 0 | 0 | 0 | $10.00 → $12.50 | +$2.50 |");
    expect(body).toContain(
      "- **update** service: update service lab-00/env-00: runs the new task definition revision",
    );
    expect(body).not.toContain("matches git");
    expect(body).not.toContain("not shown");
  });

  it("shows a restore over a home as destructive, with its reason, HTML-escaped, in the summary that is always kept", () => {
    const overwrites = Array.from({ length: 23 }, (_, i) => ({
      environment: `lab-00/env-${i}`,
      snapshot: "lab-00/env-00/thesis",
      reason: `overwrite lab-00/env-${i}'s home with snapshot lab-00/env-00/thesis: kept in .labenv-replaced/<time>/`,
    }));
    const body = renderPlanComment(
      { ...plan(400), overwrites },
      { headSha: "abc1234def", marker },
      20_000,
    );
    expect(body).toContain(
      "> **Destructive: 23 homes restored over.** Needs the approvals of a delete.\n> - overwrite lab-00/env-0's home with snapshot lab-00/env-00/thesis: kept in .labenv-replaced/&lt;time&gt;/",
    );
    expect(body).toContain("> - … and 3 more (`labenv plan` lists them)");
    expect(body.length).toBeLessThanOrEqual(20_000);
  });

  it("names each retried restore (restoreFrom.attempt raised) in the summary that is always kept, bounded", () => {
    const retries = Array.from({ length: 21 }, (_, i) => ({
      environment: `lab-00/env-${i}`,
      snapshot: "lab-00/env-00/thesis",
      attempt: 2,
      reason: `retry: attempt 2 of the restore from lab-00/env-00/thesis — a fresh restore; attempt 1 failed at <T>`,
    }));
    const body = renderPlanComment(
      { ...plan(400), retries },
      { headSha: "abc1234def", marker },
      20_000,
    );
    expect(body).toContain(
      "> **21 restores retried** (`restoreFrom.attempt` raised): each a fresh restore; nothing an earlier attempt left is deleted.\n> - retry: attempt 2 of the restore from lab-00/env-00/thesis — a fresh restore; attempt 1 failed at &lt;T&gt;",
    );
    expect(body).toContain("> - … and 1 more (`labenv plan` lists them)");
    expect(body.length).toBeLessThanOrEqual(20_000);
  });

  it("says where each restore comes from and what it waits for, in the summary that is always kept, bounded", () => {
    const restoreSources = Array.from({ length: 21 }, (_, i) => ({
      environment: `lab-00/env-${i}`,
      snapshot: "lab-00/env-00/thesis",
      tier: "archive" as const,
      tierFrom: "schedule" as const,
      reason: `restore from lab-00/env-00/thesis, archive (by labenv's schedule: …): it waits for the volume snapshot's return from the EBS archive tier first (RestoreSnapshotTier: 24–72 hours) <now>`,
    }));
    const body = renderPlanComment(
      { ...plan(400), restoreSources },
      { headSha: "abc1234def", marker },
      20_000,
    );
    expect(body).toContain(
      "> **21 restores from a snapshot**: where each comes from and what it waits for before it starts (a cold tier takes hours, not minutes).\n> - `lab-00/env-0`: restore from lab-00/env-00/thesis, archive (by labenv's schedule: …): it waits for the volume snapshot's return from the EBS archive tier first (RestoreSnapshotTier: 24–72 hours) &lt;now&gt;",
    );
    expect(body).toContain("> - … and 1 more (`labenv plan` lists them)");
    expect(body.length).toBeLessThanOrEqual(20_000);
  });

  it("says when the plan is blocked", () => {
    expect(
      renderPlanComment(
        plan(1, undefined, "the plan deletes 9 resources, more than the cap of 5"),
        { headSha: "abc1234", marker },
      ),
    ).toContain("> **This plan is blocked:** the plan deletes 9 resources, more than the cap of 5");
  });

  it("drops whole sections from the end, keeps the summary and every table row, and says what was cut", () => {
    const body = renderPlanComment(plan(400, `update task definition: ${"x".repeat(150)}`), {
      headSha: "abc1234",
      marker,
    });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("**400 environments change:**");
    expect(body).toContain("| lab-19/env-19 |");
    expect(body).toMatch(
      /The reasons for \d+ environments are not shown here: the comment would exceed GitHub's 65,536 characters\. Cut: lab-\d\d\/env-\d\d/,
    );
    expect(body).toContain("<summary><b>lab-00/env-00</b>");
    expect(body).not.toContain("<summary><b>lab-19/env-19</b>");
    expect(body.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("cuts table rows too when even the table is too long", () => {
    const body = renderPlanComment(plan(3000), { headSha: "abc1234", marker });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("**3000 environments change:**");
    expect(body).toMatch(/\| … and \d+ more environments \|/);
    expect(body).toContain("Plan digest: `sha256:");
    expect(body).toContain("and 2960 more. Run `labenv plan` for the full plan");
  });

  it("respects a smaller limit", () => {
    const body = renderPlanComment(plan(50), { headSha: "abc1234", marker }, 6000);
    expect(body.length).toBeLessThanOrEqual(6000);
    expect(body).toContain("not shown here");
  });
});
