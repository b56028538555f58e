import { describe, expect, it } from "vitest";
import {
  decideDrift,
  EMPTY_MEMORY,
  remembered,
  type DecisionInput,
} from "../../../reconciler/core/drift/drift-decision.js";
import type { DriftReport } from "../../../reconciler/core/drift/drift-report.js";

const drifting: DriftReport = {
  environment: "lab/env",
  status: "MINOR_DRIFT",
  fingerprint: "f".repeat(64),
  ignored: 0,
  observation: "present",
  items: [
    {
      item: "package",
      change: "added",
      name: "requests",
      observed: "2.32.3",
      severity: "minor",
      why: "default",
    },
  ],
};
const stable: DriftReport = {
  ...drifting,
  status: "STABLE",
  items: [],
  fingerprint: "0".repeat(64),
};
const base: DecisionInput = {
  report: drifting,
  policy: "pr",
  memory: EMPTY_MEMORY,
  writable: true,
  running: true,
  openInLab: 0,
  maxOpenInLab: 3,
};
const decide = (over: Partial<DecisionInput>) => decideDrift({ ...base, ...over });

describe("drift policy decisions", () => {
  it("pr: opens a pull request, or updates the open one", () => {
    expect(decide({}).action.kind).toBe("open-pr");
    expect(
      decide({ pullRequest: { number: 4, state: "open", fingerprint: "e".repeat(64) } }).action,
    ).toMatchObject({ kind: "update-pr", number: 4 });
  });

  it("revert puts it back; alert only reports", () => {
    expect(decide({ policy: "revert" }).action.kind).toBe("revert");
    expect(decide({ policy: "alert" }).action.kind).toBe("alert");
    expect(decide({ policy: "revert", running: false }).action).toMatchObject({
      kind: "alert",
      reason: expect.stringContaining("no task runs"),
    });
  });

  it("a pull request closed without merging means put it back, remembered so it never reopens", () => {
    const d = decide({
      pullRequest: { number: 7, state: "closed", fingerprint: drifting.fingerprint },
    });
    expect(d.action.kind).toBe("revert");
    expect(d.remember).toEqual({
      handled: 7,
      rejected: { fingerprint: drifting.fingerprint, pullRequest: 7 },
    });
    const memory = remembered(EMPTY_MEMORY, d, "2026-11-23T12:00:00Z");
    expect(memory).toEqual({
      handled: [7],
      rejected: [{ fingerprint: drifting.fingerprint, pullRequest: 7, at: "2026-11-23T12:00:00Z" }],
      revertedAt: "2026-11-23T12:00:00Z",
    });
    // The same drift again: put back, no pull request; the handled closed one is not acted on twice.
    const again = decide({
      memory,
      pullRequest: { number: 7, state: "closed", fingerprint: drifting.fingerprint },
    });
    expect(again.action).toMatchObject({
      kind: "revert",
      reason: expect.stringContaining("rejected before (#7)"),
    });
    expect(remembered(memory, again, "2026-11-24T00:00:00Z").rejected).toHaveLength(1);
    // Different drift after a rejection: a new pull request.
    expect(
      decide({
        memory,
        report: { ...drifting, fingerprint: "a".repeat(64) },
        pullRequest: { number: 7, state: "closed" },
      }).action.kind,
    ).toBe("open-pr");
  });

  it("closes the open pull request when the drift went away (only with an observation to prove it)", () => {
    expect(decide({ report: stable, pullRequest: { number: 3, state: "open" } })).toEqual({
      action: { kind: "close-pr", number: 3, reason: expect.any(String) },
      remember: { handled: 3 },
    });
    expect(
      decide({
        report: { ...stable, observation: "missing" },
        pullRequest: { number: 3, state: "open" },
      }).action.kind,
    ).toBe("none");
    expect(decide({ report: stable }).action.kind).toBe("none");
    expect(decide({ report: stable, pullRequest: { number: 3, state: "closed" } })).toMatchObject({
      action: { kind: "none" },
      remember: { handled: 3 },
    });
  });

  it("respects the lab's cap on open drift pull requests, and reports what git cannot record", () => {
    expect(decide({ openInLab: 3 }).action).toMatchObject({
      kind: "alert",
      reason: expect.stringContaining("cap is 3"),
    });
    expect(decide({ writable: false }).action.kind).toBe("alert");
    expect(
      decide({ writable: false, pullRequest: { number: 2, state: "open" } }).action,
    ).toMatchObject({ kind: "close-pr", number: 2 });
  });

  it("leaves a merged pull request alone", () => {
    expect(decide({ pullRequest: { number: 9, state: "merged" } }).action.kind).toBe("open-pr");
    expect(
      decide({ report: stable, pullRequest: { number: 9, state: "merged" } }).action.kind,
    ).toBe("none");
  });
});
