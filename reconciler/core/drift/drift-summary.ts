import {
  DRIFT_CHANGES,
  DRIFT_ITEM_KINDS,
  type DriftDifference,
  type DriftItemKind,
  type DriftReport,
} from "./drift-report.js";

const NOUNS: Record<DriftItemKind, [string, string]> = {
  package: ["package", "packages"],
  kernel: ["kernel", "kernels"],
  extension: ["extension", "extensions"],
  config: ["config setting", "config settings"],
  infrastructure: ["infrastructure item", "infrastructure items"],
  "r-package": ["R package", "R packages"],
  "julia-package": ["Julia package", "Julia packages"],
};

/** `2 packages added, 1 changed, 1 kernel removed`: counts per kind and change, the noun said once per kind. */
export function summarizeItems(items: readonly DriftDifference[]): string {
  const parts: string[] = [];
  for (const kind of DRIFT_ITEM_KINDS) {
    let first = true;
    for (const change of DRIFT_CHANGES) {
      const n = items.filter((i) => i.item === kind && i.change === change).length;
      if (n === 0) continue;
      parts.push(first ? `${n} ${NOUNS[kind][n === 1 ? 0 : 1]} ${change}` : `${n} ${change}`);
      first = false;
    }
  }
  return parts.length > 0 ? parts.join(", ") : "no differences";
}

/** `drift: genomics-core/rnaseq — 2 packages added, 1 changed (MINOR_DRIFT)` */
export function driftTitle(report: DriftReport): string {
  return `drift: ${report.environment} — ${summarizeItems(report.items)} (${report.status})`;
}

/** `labenv/drift/<lab>/<env>`: one fixed branch per environment. */
export function driftBranch(environment: string): string {
  return `labenv/drift/${environment}`;
}

export const DRIFT_LABEL = "labenv:drift";

export function severityLabel(status: DriftReport["status"]): string {
  return status === "CRITICAL_DRIFT" ? "labenv:drift-critical" : "labenv:drift-minor";
}

/** The hidden marker the GitHub App and labenv find drift pull requests by. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- labenv:drift fingerprint=${fingerprint} -->`;
}

export function readFingerprint(body: string | null | undefined): string | undefined {
  return /<!-- labenv:drift fingerprint=([0-9a-f]{16,64}) -->/.exec(body ?? "")?.[1];
}

/** A second marker: the digest of the files the pull request writes, so an unchanged pull request needs no write. */
export function filesMarker(digest: string): string {
  return `<!-- labenv:drift-files sha256=${digest} -->`;
}

export function readFilesDigest(body: string | null | undefined): string | undefined {
  return /<!-- labenv:drift-files sha256=([0-9a-f]{64}) -->/.exec(body ?? "")?.[1];
}

/** Whether an open drift pull request already says this drift: same fingerprint, same change, same title, every label there. */
export function pullRequestUpToDate(
  open:
    | {
        state: string;
        title: string;
        fingerprint?: string;
        filesDigest?: string;
        labels: readonly string[];
      }
    | undefined,
  want: { title: string; fingerprint: string; filesDigest: string; labels: readonly string[] },
): boolean {
  if (!open || open.state !== "open") return false;
  const staleSeverity = open.labels.some(
    (l) => l.startsWith("labenv:drift-") && !want.labels.includes(l),
  );
  return (
    open.fingerprint === want.fingerprint &&
    open.filesDigest === want.filesDigest &&
    open.title === want.title &&
    want.labels.every((l) => open.labels.includes(l)) &&
    !staleSeverity
  );
}
