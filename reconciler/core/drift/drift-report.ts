/**
 * The drift report: what runs in one environment compared with what git says,
 * item by item, each with a severity and the rule that gave it. Plain data,
 * produced by `drift()`, read by the CLI, the drift pull request and the audit.
 */

export const DRIFT_ITEM_KINDS = [
  "package",
  "kernel",
  "extension",
  "config",
  "infrastructure",
  "r-package",
  "julia-package",
] as const;
export type DriftItemKind = (typeof DRIFT_ITEM_KINDS)[number];

export const DRIFT_CHANGES = ["added", "removed", "changed"] as const;
export type DriftChange = (typeof DRIFT_CHANGES)[number];

export type DriftSeverity = "minor" | "critical";
export type DriftStatus = "STABLE" | "MINOR_DRIFT" | "CRITICAL_DRIFT";

/** One difference, before a severity is given to it. */
export interface DriftDifference {
  item: DriftItemKind;
  change: DriftChange;
  /** Package, kernel or extension name, config key, or resource key. */
  name: string;
  /** What the lock (or the last apply) says; absent for an added item. */
  locked?: string;
  /** What runs; absent for a removed item. */
  observed?: string;
  /** Packages only: the lock pins it from the domain pack (the image's Python counts as pinned). */
  pinned?: boolean;
  /** Packages only: where the lock says the package came from. */
  source?: "pack" | "environment" | "dependency";
  /** Packages only: someone asked for it (pip's REQUESTED marker) rather than it coming in as a dependency. */
  requested?: boolean;
}

export interface DriftItem extends DriftDifference {
  severity: DriftSeverity;
  /** The rule that decided the severity, in words. */
  why: string;
}

/** Whether the in-container observation took part. */
export type ObservationState = "present" | "missing" | "stale";

export interface DriftReport {
  /** `lab/env` */
  environment: string;
  status: DriftStatus;
  /** Sorted by kind, name and change. */
  items: DriftItem[];
  /** sha256 (hex) over the sorted items without their severities: the same drift always has the same fingerprint. */
  fingerprint: string;
  /** Items a rule with severity `ignore` dropped. */
  ignored: number;
  observation: ObservationState;
  observedAt?: string;
  /** The task (ARN or sandbox id) the observation came from. */
  task?: string;
  source?: "agent" | "sandbox";
}

/** A severity rule, as in `lab.yaml` `spec.drift.rules`: every field given must match; the first rule that matches wins. */
export interface DriftRule {
  item?: DriftItemKind;
  change?: DriftChange;
  pinned?: boolean;
  names?: string[];
  severity: DriftSeverity | "ignore";
  /** Why, as shown in the report (defaults carry one; lab rules get one from where they are written). */
  why?: string;
}

export function statusOf(items: readonly DriftItem[]): DriftStatus {
  if (items.some((i) => i.severity === "critical")) return "CRITICAL_DRIFT";
  return items.length > 0 ? "MINOR_DRIFT" : "STABLE";
}
