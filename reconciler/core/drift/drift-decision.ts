import type { DriftReport } from "./drift-report.js";

export type DriftPolicy = "pr" | "revert" | "alert";

/** What labenv remembers per environment between runs (in the object store). */
export interface DriftMemory {
  /** Drift pull requests whose closing was already acted on (or that labenv closed itself). */
  handled: number[];
  /** Drift that people rejected by closing its pull request: seen again, it is put back without a pull request. */
  rejected: { fingerprint: string; pullRequest?: number; at: string }[];
  /** When labenv last put the environment back: older observations describe a task that is gone. */
  revertedAt?: string;
}

export const EMPTY_MEMORY: DriftMemory = { handled: [], rejected: [] };

/** The newest drift pull request of the environment's branch, as the git host reports it. */
export interface DriftPullRequestState {
  number: number;
  state: "open" | "closed" | "merged";
  fingerprint?: string;
}

export interface DecisionInput {
  report: DriftReport;
  policy: DriftPolicy;
  pullRequest?: DriftPullRequestState;
  memory: DriftMemory;
  /** Whether a pull request could write anything of this drift to git. */
  writable: boolean;
  /** Whether a task runs that could be put back. */
  running: boolean;
  /** Open drift pull requests of the lab, and the cap. */
  openInLab: number;
  maxOpenInLab: number;
}

export type DriftAction =
  | { kind: "none"; reason: string }
  | { kind: "alert"; reason: string }
  | { kind: "open-pr"; reason: string }
  | { kind: "update-pr"; number: number; reason: string }
  | { kind: "close-pr"; number: number; reason: string }
  | { kind: "revert"; reason: string };

export interface DriftDecision {
  action: DriftAction;
  /** What to remember after the action succeeded. */
  remember?: { handled?: number; rejected?: { fingerprint: string; pullRequest?: number } };
}

/** The policy applied to one report. Pure: the same inputs always give the same decision. */
export function decideDrift(input: DecisionInput): DriftDecision {
  const { report, pullRequest: pr, memory } = input;
  const drifting = report.status !== "STABLE";
  if (pr && pr.state === "closed" && !memory.handled.includes(pr.number)) {
    const rejected = { fingerprint: pr.fingerprint ?? report.fingerprint, pullRequest: pr.number };
    if (!drifting)
      return {
        action: {
          kind: "none",
          reason: `drift pull request #${pr.number} was closed and the drift is gone`,
        },
        remember: { handled: pr.number, rejected },
      };
    return {
      action: putBack(
        input,
        `drift pull request #${pr.number} was closed without merging: put it back`,
      ),
      remember: { handled: pr.number, rejected },
    };
  }
  const open = pr?.state === "open" ? pr : undefined;
  if (!drifting) {
    if (open && report.observation === "present")
      return {
        action: {
          kind: "close-pr",
          number: open.number,
          reason: "the drift went away: what runs matches the lock again",
        },
        remember: { handled: open.number },
      };
    return {
      action: {
        kind: "none",
        reason:
          report.observation === "present"
            ? "stable"
            : `stable as far as known (observation ${report.observation})`,
      },
    };
  }
  const refusal = memory.rejected.find((r) => r.fingerprint === report.fingerprint);
  if (refusal)
    return {
      action: putBack(
        input,
        `this drift was rejected before${refusal.pullRequest ? ` (#${refusal.pullRequest})` : ""}: put it back without a pull request`,
      ),
    };
  if (input.policy === "revert") return { action: putBack(input, "policy revert: put it back") };
  if (input.policy === "alert")
    return { action: { kind: "alert", reason: "policy alert: report only" } };
  if (!input.writable) {
    if (open)
      return {
        action: {
          kind: "close-pr",
          number: open.number,
          reason: "the drift changed to differences git cannot record (see the report)",
        },
        remember: { handled: open.number },
      };
    return {
      action: {
        kind: "alert",
        reason:
          "nothing of this drift can be written to git (pinned by the pack, extensions, config hashes or infrastructure): report only; set policy revert to put it back",
      },
    };
  }
  if (open)
    return {
      action: {
        kind: "update-pr",
        number: open.number,
        reason: `drift pull request #${open.number} is open`,
      },
    };
  if (input.openInLab >= input.maxOpenInLab)
    return {
      action: {
        kind: "alert",
        reason: `the lab already has ${input.openInLab} open drift pull requests (the cap is ${input.maxOpenInLab}): report only`,
      },
    };
  return { action: { kind: "open-pr", reason: "policy pr: ask people to keep it or put it back" } };
}

function putBack(input: DecisionInput, reason: string): DriftAction {
  if (!input.running)
    return {
      kind: "alert",
      reason: `${reason} — but no task runs, so there is nothing to put back`,
    };
  return { kind: "revert", reason };
}

/** The memory after a decision's action succeeded. */
export function remembered(memory: DriftMemory, decision: DriftDecision, at: string): DriftMemory {
  const r = decision.remember;
  let next = memory;
  if (r?.handled !== undefined && !next.handled.includes(r.handled))
    next = { ...next, handled: [...next.handled, r.handled].sort((a, b) => a - b) };
  if (r?.rejected && !next.rejected.some((x) => x.fingerprint === r.rejected!.fingerprint))
    next = { ...next, rejected: [...next.rejected, { ...r.rejected, at }] };
  if (decision.action.kind === "revert") next = { ...next, revertedAt: at };
  return next;
}
