import {
  SUCCESSION_STEPS,
  type AppliedRecord,
  type Lease,
  type RunRecord,
  type ShareAccessEvent,
  type SuccessionRecord,
  type UsageRecord,
} from "../../ports/state-store.js";
import { shapeProblem, type Shape } from "./shape.js";

const APPLIED: Shape = {
  environment: "string",
  commit: "string",
  lockDigest: "string",
  planDigest: "string",
  appliedAt: "string",
  resources: { arrayOf: { key: "string", kind: "string", id: "string", specHash: "string" } },
  monthlyCostUsd: { optional: "number" },
  homeOwner: { optional: { uid: "number", gid: "number" } },
};

const RUN: Shape = {
  id: "string",
  startedAt: "string",
  finishedAt: { optional: "string" },
  commit: "string",
  trigger: "string",
  outcome: { oneOf: ["succeeded", "failed", "no-changes", "refused", "running", "abandoned"] },
  summary: "object",
  error: { optional: { stage: "string", message: "string" } },
  maxDeletes: { optional: "number" },
};

const LEASE: Shape = {
  owner: "string",
  token: "string",
  expiresAt: "string",
  runId: { optional: "string" },
};

const SUCCESSION: Shape = {
  succession: "string",
  from: "string",
  to: "string",
  effective: "string",
  environments: { arrayOf: "string" },
  startedAt: "string",
  updatedAt: "string",
  done: {
    arrayOf: {
      step: { oneOf: [...SUCCESSION_STEPS] },
      doneAt: "string",
      detail: "string",
      refs: { arrayOf: "string" },
      run: { optional: "string" },
    },
  },
  pullRequest: { optional: { number: "number", openedAt: "string" } },
  waiting: { optional: { step: "string", at: "string", reason: "string" } },
  failed: { optional: { step: "string", at: "string", message: "string" } },
};

const SHARE_EVENT: Shape = {
  event: { oneOf: ["granted", "revoked"] },
  at: "string",
  share: "string",
  environment: "string",
  member: "string",
  accessPoint: "string",
  reason: "string",
  commit: "string",
  run: "string",
};

const USAGE: Shape = {
  environment: "string",
  wanted: { optional: { oneOf: ["running", "stopped"] } },
  parked: { optional: { at: "string", reason: "string", lastActivity: { optional: "string" } } },
  wakes: { arrayOf: { requestedAt: "string", readyAt: { optional: "string" } } },
  running: { arrayOf: { from: "string", to: { optional: "string" } } },
};

const SHAPES = {
  applied: APPLIED,
  run: RUN,
  lease: LEASE,
  succession: SUCCESSION,
  "share-event": SHARE_EVENT,
  usage: USAGE,
};

export type RecordKind = keyof typeof SHAPES;
type RecordOf<K extends RecordKind> = K extends "applied"
  ? AppliedRecord
  : K extends "run"
    ? RunRecord
    : K extends "succession"
      ? SuccessionRecord
      : K extends "share-event"
        ? ShareAccessEvent
        : K extends "usage"
          ? UsageRecord
          : Lease;

/** Why a stored record is not a record of its kind (`resources[0].id is missing, expected a string`), or undefined. */
export function recordProblem(kind: RecordKind, value: unknown): string | undefined {
  return shapeProblem(value, SHAPES[kind]);
}

/** The record, or a thrown error from `corrupt(problem)` naming what is wrong with it. */
export function checkedRecord<K extends RecordKind>(
  kind: K,
  value: unknown,
  corrupt: (problem: string) => Error,
): RecordOf<K> {
  const problem = recordProblem(kind, value);
  if (problem) throw corrupt(problem);
  return value as RecordOf<K>;
}

/** A share event's id, ordered by time: `<at>#<event>#<member>#<share>` (the same event recorded twice is one). */
export function shareEventId(e: ShareAccessEvent): string {
  return `${e.at}#${e.event}#${e.member}#${e.share}`;
}
