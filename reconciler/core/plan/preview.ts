import type { Repository } from "../model/documents.js";
import type { Plan } from "../model/plan.js";
import type { DesiredState, ObservedState } from "../model/resources.js";
import { desire } from "../desire/desire.js";
import { plan } from "./plan.js";
import { homeOverwrites, restoreDone, withHomeOverwrites } from "../snapshots/home-overwrite.js";
import { restoreSources, withRestoreSources } from "../snapshots/restore-source.js";
import {
  restoreRetries,
  retryOverwrites,
  withRestoreRetries,
} from "../snapshots/restore-attempt.js";
import { homeOwnersOf, keepHomeOwners } from "../desire/home-owners.js";
import { keepRulePriorities } from "../desire/keep-rule-priorities.js";

/**
 * What a pull request would change, before it merges: the head branch's
 * desired state planned against the base branch's desired state (what main
 * says should run). Used by the GitHub App's plan comment; the reconciler
 * plans against what really runs.
 */
export function previewPlan(
  base: Repository,
  head: Repository,
  options: { maxDeletes?: number; commit?: string; today?: string } = {},
): Plan {
  const when = options.today !== undefined ? { today: options.today } : {};
  const before = desire(base, {}, when).state;
  const running = asObserved(before);
  // A home that main already has keeps the identity it was made with, as the reconciler keeps it.
  const after = keepRulePriorities(
    keepHomeOwners(desire(head, {}, when).state, homeOwnersOf(running.resources, [])),
    running,
  );
  const planned = plan(after, running, {
    // The cap comes from the base: a pull request cannot raise its own (the lower of the two holds).
    maxDeletes:
      options.maxDeletes ??
      Math.min(
        base.config?.doc.spec.plan?.maxDeletes ?? 5,
        head.config?.doc.spec.plan?.maxDeletes ?? 5,
      ),
    ...(options.commit ? { commit: options.commit } : {}),
    costsBefore: Object.fromEntries(before.environments.map((e) => [e.key, e.monthlyCostUsd])),
  });
  // An overwrite the pull request asks for is destructive: shown, bound in the digest, gated like
  // a delete, whatever the target (the sandbox's and AWS's restorers both restore over a home).
  // A retry (a raised restoreFrom.attempt) is shown; one over a home's files is gated as the first.
  const retried = withRestoreRetries(
    withHomeOverwrites(planned, [
      ...homeOverwrites(head, { base }),
      ...retryOverwrites(head, { base }),
    ]),
    restoreRetries(head, { base }),
  );
  // Where each restore the pull request asks for comes from (by labenv's schedule as main kept
  // it: the App reads no storage tiers), and what it waits for; one main asks for is not this one's.
  return options.today
    ? withRestoreSources(
        retried,
        restoreSources(head, [], options.today, restoresOnBase(base, head), base),
      )
    : retried;
}

/** The restores main already asks for, named as `restoreSources` names a done one. */
function restoresOnBase(base: Repository, head: Repository): Set<string> {
  const out = new Set<string>();
  for (const [key, env] of head.environments) {
    const from = env.doc.spec.restoreFrom?.snapshot;
    if (from && base.environments.get(key)?.doc.spec.restoreFrom?.snapshot === from)
      out.add(restoreDone(key, from));
  }
  return out;
}

/** A desired state seen as if it were running: one observed resource per desired one, id = key. */
export function asObserved(state: DesiredState): ObservedState {
  return {
    resources: state.resources.map((r) => ({
      kind: r.kind,
      key: r.key,
      environment: r.environment,
      id: r.key,
      spec: r.spec,
      tags: r.tags,
      ...(r.kind === "service"
        ? { runningCount: (r.spec as { desiredCount: number }).desiredCount }
        : {}),
    })),
  };
}
