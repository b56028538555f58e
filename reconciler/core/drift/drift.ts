import { canonicalJson, sha256Hex } from "../lock/canonical.js";
import type { EnvironmentLock, Observation } from "../model/documents.js";
import { compareContainer } from "./compare-container.js";
import { compareInfrastructure, type EnvironmentInfrastructure } from "./compare-infrastructure.js";
import {
  DRIFT_CHANGES,
  DRIFT_ITEM_KINDS,
  statusOf,
  type DriftDifference,
  type DriftItem,
  type DriftReport,
  type DriftRule,
  type ObservationState,
} from "./drift-report.js";
import { classify } from "./severity-rules.js";

export interface DriftInput {
  lock: EnvironmentLock;
  /** What the agent (or the sandbox) saw in the running container; undefined when there is none yet. */
  observation?: Observation;
  /** `stale` when an observation exists but predates the last apply or revert (it describes a task that is gone). */
  observationState?: ObservationState;
  infra: EnvironmentInfrastructure;
  /** Effective rules: the lab's, then the defaults (`effectiveRules`). */
  rules: readonly DriftRule[];
}

/**
 * lock × Observation × infrastructure → DriftReport. Pure: the same inputs
 * give the same report, items in a fixed order and the same fingerprint.
 */
export function drift(input: DriftInput): DriftReport {
  const { lock } = input;
  const environment = `${lock.metadata.lab}/${lock.metadata.name}`;
  const state: ObservationState =
    input.observation === undefined ? "missing" : (input.observationState ?? "present");
  const differences = [
    ...(state === "present" && input.observation ? compareContainer(lock, input.observation) : []),
    ...compareInfrastructure(input.infra),
  ].sort(compareDifferences);
  const items: DriftItem[] = [];
  let ignored = 0;
  for (const d of differences) {
    const item = classify(d, input.rules);
    if (item) items.push(item);
    else ignored += 1;
  }
  const o = state === "present" ? input.observation : undefined;
  return {
    environment,
    status: statusOf(items),
    items,
    fingerprint: fingerprintOf(items),
    ignored,
    observation: state,
    ...(o
      ? {
          observedAt: o.metadata.observedAt,
          source: o.metadata.source,
          ...(o.metadata.task ? { task: o.metadata.task } : {}),
        }
      : {}),
  };
}

/** sha256 over the sorted items, without severity and why: a change of rules is not a new drift. */
export function fingerprintOf(items: readonly DriftDifference[]): string {
  const keyed = items.map((i) => ({
    item: i.item,
    change: i.change,
    name: i.name,
    locked: i.locked ?? null,
    observed: i.observed ?? null,
  }));
  return sha256Hex(canonicalJson(keyed));
}

export function compareDifferences(a: DriftDifference, b: DriftDifference): number {
  return (
    DRIFT_ITEM_KINDS.indexOf(a.item) - DRIFT_ITEM_KINDS.indexOf(b.item) ||
    cmp(a.name, b.name) ||
    DRIFT_CHANGES.indexOf(a.change) - DRIFT_CHANGES.indexOf(b.change) ||
    cmp(a.locked ?? "", b.locked ?? "") ||
    cmp(a.observed ?? "", b.observed ?? "")
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
