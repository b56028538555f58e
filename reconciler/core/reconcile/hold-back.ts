import type { Diagnostic } from "../model/diagnostic.js";
import type { Repository } from "../model/documents.js";
import type { HeldBack, Plan } from "../model/plan.js";
import type { DesiredState, ObservedState } from "../model/resources.js";
import { heldBy, holdsFrom, type Holds } from "../validate/units.js";

/** How many findings a held-back environment lists (the rest are counted). */
const REASONS_SHOWN = 5;

/**
 * A repository split into what is applied and what is held back: each finding
 * holds back its unit (see `unitOf`) and nothing else, so one bad document
 * stops only what depends on it. What is held back is neither desired nor
 * planned: what runs of it stays exactly as it is — never deleted because its
 * document failed to load.
 */
export interface Isolation {
  /** The repository without the held-back environments (their locks and snapshots too): what desire sees. */
  repository: Repository;
  /** The findings that hold back `key` (`lab/env`, or a lab name for its shared resources); empty when not held. */
  heldBy(key: string): Diagnostic[];
  /** True when findings hold back everything (labenv.yaml): nothing can be applied at all. */
  everything: Diagnostic[];
}

export function isolate(repo: Repository, diagnostics: readonly Diagnostic[]): Isolation {
  const holds: Holds = holdsFrom(repo, diagnostics);
  const cache = new Map<string, Diagnostic[]>();
  const held = (key: string) => {
    let found = cache.get(key);
    if (!found) cache.set(key, (found = heldBy(repo, holds, key)));
    return found;
  };
  const environments = new Map([...repo.environments].filter(([k]) => held(k).length === 0));
  const locks = new Map([...repo.locks].filter(([k]) => environments.has(k)));
  const snapshots = new Map(
    [...repo.snapshots].filter(([, s]) =>
      environments.has(`${s.doc.metadata.lab}/${s.doc.metadata.environment}`),
    ),
  );
  const snapshotRecords = new Map(
    [...repo.snapshotRecords].filter(([, r]) =>
      environments.has(`${r.doc.metadata.lab}/${r.doc.metadata.environment}`),
    ),
  );
  return {
    repository: { ...repo, environments, locks, snapshots, snapshotRecords },
    heldBy: held,
    everything: holds.repository,
  };
}

/** The lab an observed resource belongs to (`lab/env` or a lab's own `lab`). */
function labOf(environment: string): string {
  return environment.split("/")[0]!;
}

/**
 * The observed resources the plan may touch: all but a held environment's, a
 * held lab's, and a lab's shared resource (a dataset access point) that only a
 * held environment may still want. Those stay exactly as they run.
 */
export function plannable(
  observed: ObservedState,
  desired: DesiredState,
  isolation: Isolation,
  environmentKeys: ReadonlySet<string>,
): ObservedState {
  const wanted = new Set(desired.resources.map((r) => r.key));
  const labsWithHeld = new Set(
    [...environmentKeys].filter((k) => isolation.heldBy(k).length > 0).map(labOf),
  );
  return {
    resources: observed.resources.filter((r) => {
      const own = isolation.heldBy(r.environment).length > 0;
      const shared =
        !r.environment.includes("/") && !wanted.has(r.key) && labsWithHeld.has(r.environment);
      return !own && !shared;
    }),
  };
}

/**
 * The held-back environments — named in git (`environmentKeys`, from
 * `environmentKeysOf`) or running — with why, in key order.
 */
export function heldBack(
  environmentKeys: ReadonlySet<string>,
  isolation: Isolation,
  observed: ObservedState,
): HeldBack[] {
  const keys = new Set(environmentKeys);
  for (const r of observed.resources) if (r.environment.includes("/")) keys.add(r.environment);
  const out: HeldBack[] = [];
  for (const key of [...keys].sort()) {
    const findings = isolation.heldBy(key);
    if (findings.length === 0) continue;
    const reasons = [...new Set(findings.map(formatReason))];
    out.push({
      environment: key,
      reasons: reasons.slice(0, REASONS_SHOWN),
      findings: reasons.length,
      kept: observed.resources.filter((r) => r.environment === key).length,
    });
  }
  return out;
}

function formatReason(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.message} [${d.code}]`;
}

/** The plan with what it holds back (nothing added when nothing is held). */
export function withHeldBack(plan: Plan, held: readonly HeldBack[]): Plan {
  return held.length === 0 ? plan : { ...plan, heldBack: [...held] };
}

/** One line per held-back environment: `lab/env: file:line:col message [code] (+2 more)`. */
export function describeHeldBack(held: readonly HeldBack[]): string[] {
  return held.map(
    (h) =>
      `${h.environment} (${h.kept > 0 ? "left as it runs" : "not created"}): ${h.reasons[0]}${h.findings > 1 ? ` (+${h.findings - 1} more)` : ""}`,
  );
}
