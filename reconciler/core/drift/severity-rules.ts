import type { Lab } from "../model/documents.js";
import type { DriftDifference, DriftItem, DriftRule } from "./drift-report.js";

/** Distributions pip and virtual environments bring by themselves; no lock lists them unless a pack pins them. */
export const INSTALLER_TOOLS = ["pip", "setuptools", "wheel"];

/**
 * The default severity rules, tried after a lab's own rules. `criticalPackages`
 * (lab.yaml `spec.drift.criticalPackages`) fills in the second rule.
 */
export function defaultRules(criticalPackages: readonly string[] = []): DriftRule[] {
  return [
    {
      item: "package",
      pinned: true,
      severity: "critical",
      why: "default: the domain pack pins this package",
    },
    ...(criticalPackages.length > 0
      ? [
          {
            item: "package" as const,
            names: [...criticalPackages],
            severity: "critical" as const,
            why: "default: listed in the lab's criticalPackages",
          },
        ]
      : []),
    {
      item: "r-package",
      pinned: true,
      severity: "critical",
      why: "default: the domain pack provides this R package",
    },
    {
      item: "kernel",
      change: "removed",
      severity: "critical",
      why: "default: a kernel the lock offers is gone",
    },
    {
      item: "infrastructure",
      severity: "critical",
      why: "default: infrastructure differs from what was applied",
    },
    {
      item: "package",
      names: [...INSTALLER_TOOLS],
      severity: "ignore",
      why: "default: installer tooling, not locked",
    },
    {
      item: "package",
      change: "added",
      severity: "minor",
      why: "default: an added package nothing pins",
    },
    { item: "config", severity: "minor", why: "default: a Jupyter setting changed" },
    { severity: "minor", why: "default: any other difference" },
  ];
}

/** A lab's rules first (in order), then the defaults. */
export function effectiveRules(lab: Lab | undefined): DriftRule[] {
  const drift = lab?.spec.drift;
  const own = (drift?.rules ?? []).map((r, i): DriftRule => ({
    ...r,
    why: `lab ${lab!.metadata.name} rule ${i + 1} (${describeRule(r)})`,
  }));
  return [...own, ...defaultRules(drift?.criticalPackages ?? [])];
}

export function ruleMatches(rule: DriftRule, d: DriftDifference): boolean {
  if (rule.item !== undefined && rule.item !== d.item) return false;
  if (rule.change !== undefined && rule.change !== d.change) return false;
  if (
    rule.pinned !== undefined &&
    ((d.item !== "package" && d.item !== "r-package") || (d.pinned ?? false) !== rule.pinned)
  )
    return false;
  if (rule.names !== undefined && !rule.names.includes(d.name)) return false;
  return true;
}

/** The first rule that matches decides; `ignore` drops the item (undefined). */
export function classify(d: DriftDifference, rules: readonly DriftRule[]): DriftItem | undefined {
  const rule = rules.find((r) => ruleMatches(r, d));
  if (!rule) return { ...d, severity: "minor", why: "no rule matched" };
  if (rule.severity === "ignore") return undefined;
  return { ...d, severity: rule.severity, why: rule.why ?? describeRule(rule) };
}

export function describeRule(r: Omit<DriftRule, "why">): string {
  const parts = [
    r.item ?? "any item",
    r.change ?? "",
    r.pinned === undefined ? "" : r.pinned ? "pinned by the pack" : "not pinned by the pack",
    r.names ? `named ${r.names.join(", ")}` : "",
  ].filter((p) => p !== "");
  return `${parts.join(", ")} → ${r.severity}`;
}
