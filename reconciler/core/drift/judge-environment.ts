import { lockDigest } from "../lock/build-lock.js";
import type { PackageIndexData } from "../lock/package-index.js";
import { lockPath } from "../lock/lock-repository.js";
import type { Loaded, Observation, Repository } from "../model/documents.js";
import type { DesiredResource, ObservedResource } from "../model/resources.js";
import { packChecksum } from "../packs/checksum.js";
import type { AppliedRecord } from "../../ports/state-store.js";
import type { DriftMemory, DriftPolicy } from "./drift-decision.js";
import type { DriftReport } from "./drift-report.js";
import { drift } from "./drift.js";
import { proposeDriftChange, type DriftProposal, type ProposalInput } from "./propose-change.js";
import { effectiveRules } from "./severity-rules.js";

export interface EnvironmentFacts {
  environment: Loaded<"Environment">;
  applied: AppliedRecord | undefined;
  observation: Observation | undefined;
  memory: DriftMemory;
  /** The environment's desired resources (its own and its lab's dataset access points). */
  desired: readonly DesiredResource[];
  observed: ReadonlyMap<string, ObservedResource>;
  /** The lock's digest, when already known (desire computes it). */
  lockDigest?: string;
}

export type Judgement =
  | { judged: false; reason: string }
  | {
      judged: true;
      report: DriftReport;
      policy: DriftPolicy;
      proposal?: DriftProposal;
      proposalInput?: ProposalInput;
      packLabel: string;
      lockFile: string;
      running: boolean;
    };

/**
 * One environment's drift, judged against what was applied: skipped when
 * nothing was applied yet or git has moved since (the next reconcile applies
 * it first); an observation older than the last apply or put-back is stale.
 */
export function judgeEnvironment(
  repo: Repository,
  index: PackageIndexData,
  facts: EnvironmentFacts,
): Judgement {
  const { environment: env, applied } = facts;
  const key = `${env.doc.metadata.lab}/${env.doc.metadata.name}`;
  const lock = repo.locks.get(key);
  if (!lock) return { judged: false, reason: "no lock: run `labenv lock`" };
  if (!applied)
    return { judged: false, reason: "not applied yet: `labenv reconcile` applies it first" };
  if ((facts.lockDigest ?? lockDigest(lock.doc)) !== applied.lockDigest)
    return {
      judged: false,
      reason: "git changed since the last apply: drift is judged after the next reconcile",
    };
  const since = [applied.appliedAt, facts.memory.revertedAt ?? ""].sort().pop()!;
  const stale = facts.observation !== undefined && facts.observation.metadata.observedAt < since;
  const appliedKeys = new Set(applied.resources.map((r) => r.key));
  const report = drift({
    lock: lock.doc,
    ...(facts.observation
      ? {
          observation: facts.observation,
          observationState: stale ? ("stale" as const) : ("present" as const),
        }
      : {}),
    infra: {
      desired: facts.desired,
      observed: [...appliedKeys].flatMap((k) => facts.observed.get(k) ?? []),
      applied,
    },
    rules: effectiveRules(repo.labs.get(env.doc.metadata.lab)?.doc),
  });
  const { name, version } = lock.doc.spec.domainPack;
  const pack = repo.packs.get(`${name}@${version}`);
  const policy = env.doc.spec.drift?.policy ?? "pr";
  const service = facts.observed.get(`service:${key}`);
  const proposalInput: ProposalInput | undefined =
    report.status !== "STABLE" && pack
      ? {
          report,
          environment: { file: env.file, text: env.text, doc: env.doc },
          lock: { file: lock.file, doc: lock.doc },
          pack: pack.doc,
          packChecksum: packChecksum(pack.doc),
          index,
          ...(facts.observation && !stale ? { observation: facts.observation } : {}),
        }
      : undefined;
  const proposal = proposalInput ? proposeDriftChange(proposalInput) : undefined;
  return {
    judged: true,
    report,
    policy,
    ...(proposal && proposalInput ? { proposal, proposalInput } : {}),
    packLabel: `${name}@${version}`,
    lockFile: lockPath(env),
    running: (service?.runningCount ?? 0) > 0,
  };
}
