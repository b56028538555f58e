import { envKey, type Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import {
  successionEnvironments,
  successionSnapshotName,
} from "../successions/succession-environments.js";
import { decideKeep, type KeepCandidate, type KeepDecision } from "./keep-policy.js";
import { holdOf } from "./prune-guard.js";
import { scheduleOf, slotOf } from "./schedule.js";

/** What pruning needs to know besides git and the provider: the snapshots whose last verify passed. */
export interface PruneFacts {
  verified?: ReadonlySet<string>;
}

export interface PrunePlan {
  /** Per environment (`lab/env`), every scheduled snapshot and whether it is kept, newest first. */
  decisions: Map<string, KeepDecision[]>;
  /** The provider resources (by key) that pruning deletes, with the reason the plan shows. */
  prune: Map<string, string>;
}

/** The scheduled snapshot (`lab/env/scheduled-…`) an observed volume snapshot or backup job belongs to. */
export function scheduledIdOf(o: ObservedResource): string | undefined {
  if (o.kind !== "ebs-snapshot" && o.kind !== "backup-job") return undefined;
  const id = o.key.slice(o.key.indexOf(":") + 1);
  const name = id.split("/")[2];
  return name && slotOf(name) ? id : undefined;
}

/**
 * Why a snapshot may never be pruned, or undefined: a Snapshot document asks for it (with its
 * legal hold or keepUntil), an environment is restored from it, a share lends it, a succession
 * hands it over, its SnapshotRecord is in git. Pure.
 */
export function protectionOf(repo: Repository, id: string, today: string): string | undefined {
  const doc = repo.snapshots.get(id);
  if (doc) {
    const r = doc.doc.spec.retention;
    if (r?.legalHold) return `under legal hold (${doc.file})`;
    if (r?.keepUntil && today <= r.keepUntil) return `kept until ${r.keepUntil} (${doc.file})`;
    return `asked for by ${doc.file}`;
  }
  for (const env of repo.environments.values())
    if (env.doc.spec.restoreFrom?.snapshot === id) return `${env.file} restores from it`;
  for (const sh of repo.shares.values()) {
    const s = sh.doc.spec;
    if (s.snapshot && `${sh.doc.metadata.lab}/${s.environment}/${s.snapshot}` === id)
      return `${sh.file} shares it`;
  }
  for (const s of repo.successions.values())
    for (const e of successionEnvironments(repo, s))
      if (`${e}/${successionSnapshotName(s)}` === id) return `${s.file} hands it over`;
  const record = repo.snapshotRecords.get(id);
  if (record) return `its record ${record.file} is in git`;
  return undefined;
}

/**
 * Why a part (a volume snapshot or recovery point, by provider id) may never be pruned, whatever
 * its name says: it was not taken by a schedule, a hold tag on it keeps it (`holdOf`), a
 * SnapshotRecord in git names it, or a service's volume is created from it. Pure.
 */
export function partProtectionOf(
  repo: Repository,
  part: ObservedResource,
  observed: readonly ObservedResource[],
  today: string,
): string | undefined {
  const trigger = (part.spec as { trigger?: string }).trigger;
  if (trigger !== "schedule")
    return `${part.id} was not taken by a schedule (${trigger ?? "no trigger"})`;
  const held = holdOf(part.tags, today);
  if (held) return `${part.id}: ${held}`;
  const same = (ref: string | undefined) =>
    ref !== undefined && (ref === part.id || ref.endsWith(`:${part.id}`));
  for (const r of repo.snapshotRecords.values()) {
    const spec = r.doc.spec;
    if (same(spec.volumeSnapshotId) || same(spec.home?.recoveryPointArn))
      return `${r.file} names ${part.id}`;
  }
  for (const o of observed)
    if (
      o.kind === "service" &&
      same((o.spec as { volume?: { fromSnapshot?: string } }).volume?.fromSnapshot)
    )
      return `${o.key}'s volume is created from ${part.id}`;
  return undefined;
}

/**
 * Which scheduled snapshots the keep policies prune, from what the provider holds: per
 * environment still in git and scheduled, every scheduled snapshot the provider holds a part of
 * (`exclude`: the slot due now, which is being taken) is decided by its schedule's `keep`. Never
 * pruned: what `protectionOf` names, and each environment's newest snapshot whose last verify
 * passed, and a snapshot any part of which `partProtectionOf` protects (not a schedule's, named by
 * a record, a service's volume source). An environment without a keep policy, or gone from git,
 * prunes nothing. Pure.
 */
export function planPrunes(
  repo: Repository,
  observed: readonly ObservedResource[],
  today: string,
  facts: PruneFacts = {},
  exclude: ReadonlySet<string> = new Set(),
): PrunePlan {
  const parts = new Map<string, ObservedResource[]>();
  for (const o of observed) {
    const id = scheduledIdOf(o);
    if (id) parts.set(id, [...(parts.get(id) ?? []), o]);
  }
  const byEnv = new Map<string, string[]>();
  for (const id of [...parts.keys(), ...exclude]) {
    const env = id.split("/").slice(0, 2).join("/");
    if (!byEnv.get(env)?.includes(id)) byEnv.set(env, [...(byEnv.get(env) ?? []), id]);
  }
  const decisions = new Map<string, KeepDecision[]>();
  const prune = new Map<string, string>();
  for (const [env, ids] of [...byEnv].sort(([a], [b]) => a.localeCompare(b))) {
    const [lab, name] = env.split("/") as [string, string];
    const doc = repo.environments.get(envKey(lab, name));
    const keep = doc ? scheduleOf(repo, doc)?.keep : undefined;
    if (!keep) continue;
    const newestVerified = ids
      .filter((id) => facts.verified?.has(id))
      .sort()
      .at(-1);
    const candidates: KeepCandidate[] = ids.map((id) => {
      const protectedBy = exclude.has(id)
        ? "the slot due now"
        : (protectionOf(repo, id, today) ??
          (parts.get(id) ?? [])
            .map((o) => partProtectionOf(repo, o, observed, today))
            .find((why) => why !== undefined) ??
          (id === newestVerified ? "the environment's last verified snapshot" : undefined));
      return {
        id,
        slot: slotOf(id.split("/")[2]!)!.toISOString(),
        ...(protectedBy ? { protectedBy } : {}),
      };
    });
    const decided = decideKeep(candidates, keep);
    decisions.set(env, decided);
    for (const d of decided)
      if (!d.keep)
        for (const o of parts.get(d.id) ?? []) prune.set(o.key, `${pruneWhat(o)}: ${d.reason}`);
  }
  return { decisions, prune };
}

/** What deleting one part of a pruned snapshot deletes, as the plan names it. */
function pruneWhat(o: ObservedResource): string {
  const name = o.key.split("/")[2];
  return o.kind === "ebs-snapshot"
    ? `delete ${name}'s /opt/jupyter volume snapshot ${o.id}`
    : `delete ${name}'s home backup ${o.id}`;
}

/** The keep decision's reason inside a prune action's reason (what follows the part it deletes). */
export function pruneReasonOf(actionReason: string): string {
  const at = actionReason.indexOf(": ");
  return at < 0 ? actionReason : actionReason.slice(at + 2);
}
