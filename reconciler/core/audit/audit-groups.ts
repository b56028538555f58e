import type { ChangeRow, ExperimentGroup, FundingGroup, PackageEvent } from "./audit-report.js";
import { field, isRecord, stringField } from "./field-diff.js";

export const NO_EXPERIMENT = "(no experiment)";
export const NO_FUNDING = "(no funding source)";

/**
 * Changes grouped for funder reports: by funding source (with the funder and
 * award from the lab's `spec.funding` at the end of the period) and by
 * experiment, each with the environments and how much changed.
 */
export function auditGroups(
  rows: readonly ChangeRow[],
  packages: readonly PackageEvent[],
  labs: Record<string, unknown>,
): { byFunding: FundingGroup[]; byExperiment: ExperimentGroup[] } {
  const attributed = rows.filter((r) => r.environment !== undefined);
  const counts = packageCounts(packages);
  const byExperiment = groupBy(attributed, (r) => r.experiment ?? NO_EXPERIMENT).map(
    ([experiment, rs]): ExperimentGroup => ({
      experiment,
      funding: unique(rs.map((r) => r.funding ?? NO_FUNDING)),
      environments: unique(rs.map((r) => r.environment!)),
      commits: new Set(rs.map((r) => r.commit)).size,
      packageChanges: countPackages(counts, rs),
    }),
  );
  const byFunding = groupBy(attributed, (r) => r.funding ?? NO_FUNDING).map(
    ([funding, rs]): FundingGroup => {
      const source = fundingSource(
        labs,
        unique(rs.map((r) => r.lab ?? r.environment!.split("/")[0]!)),
        funding,
      );
      return {
        funding,
        ...source,
        experiments: unique(rs.map((r) => r.experiment ?? NO_EXPERIMENT)),
        environments: unique(rs.map((r) => r.environment!)),
        commits: new Set(rs.map((r) => r.commit)).size,
        packageChanges: countPackages(counts, rs),
      };
    },
  );
  return { byFunding, byExperiment };
}

/** Package changes per `commit environment`, counted once for all groups. */
function packageCounts(packages: readonly PackageEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of packages) {
    const key = `${p.commit} ${p.environment}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function countPackages(counts: ReadonlyMap<string, number>, rows: readonly ChangeRow[]): number {
  let n = 0;
  for (const key of new Set(rows.map((r) => `${r.commit} ${r.environment}`)))
    n += counts.get(key) ?? 0;
  return n;
}

function fundingSource(
  labs: Record<string, unknown>,
  labIds: string[],
  id: string,
): { funder?: string; award?: string } {
  for (const lab of labIds) {
    const list = field(labs[lab], "spec", "funding");
    const entry = Array.isArray(list) ? list.find((f) => isRecord(f) && f.id === id) : undefined;
    if (entry) {
      const funder = stringField(entry, "funder");
      const award = stringField(entry, "award");
      return { ...(funder ? { funder } : {}), ...(award ? { award } : {}) };
    }
  }
  return {};
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return [...map.entries()].sort(
    ([a], [b]) => (a.startsWith("(") ? 1 : 0) - (b.startsWith("(") ? 1 : 0) || a.localeCompare(b),
  );
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}
