import { envKey, type Loaded, type Repository } from "../model/documents.js";

/** `<lab>/<name>` of a Succession document. */
export function successionId(s: Loaded<"Succession">): string {
  return `${s.doc.metadata.lab}/${s.doc.metadata.name}`;
}

/** Whether a succession is due on `today` (YYYY-MM-DD): on its effective date or later, never before. */
export function successionDue(s: Loaded<"Succession">, today: string | undefined): boolean {
  return today !== undefined && today >= s.doc.spec.effective;
}

/** The name of the snapshot a succession takes of each environment: `succession-<name>`. */
export function successionSnapshotName(s: Loaded<"Succession">): string {
  return `succession-${s.doc.metadata.name}`;
}

/**
 * The environments (`lab/env`) a succession hands over, as git says now: those it names that
 * are in git, or by default every environment of its lab that `from` owns. A started
 * succession keeps the list it recorded when it started (`from` owns none once it is done).
 */
export function successionEnvironments(repo: Repository, s: Loaded<"Succession">): string[] {
  const lab = s.doc.metadata.lab;
  const named = s.doc.spec.environments;
  const keys = named
    ? named.map((e) => envKey(lab, e)).filter((k) => repo.environments.has(k))
    : [...repo.environments.values()]
        .filter((e) => e.doc.metadata.lab === lab && e.doc.spec.owner === s.doc.spec.from)
        .map((e) => envKey(lab, e.doc.metadata.name));
  return [...new Set(keys)].sort();
}

/** Days the predecessor keeps read access (default 30); 0 keeps none. */
export function keepAccessDays(s: Loaded<"Succession">): number {
  return s.doc.spec.data?.keepAccessDays ?? 30;
}

/** The last day the outgoing member keeps read access: `effective` + `keepAccessDays` (default 30). */
export function accessUntil(s: Loaded<"Succession">): string {
  const days = keepAccessDays(s);
  const d = new Date(`${s.doc.spec.effective}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
