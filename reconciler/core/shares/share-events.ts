import type { Action } from "../model/plan.js";
import type { AppliedResource } from "../../ports/provider.js";
import type { ShareAccessEvent } from "../../ports/state-store.js";
import type { ShareAccessSpec } from "../kinds/share-access.js";

/**
 * The grants and revokes a run confirmed: each share access point it created or replaced is a
 * `granted` event, each it deleted a `revoked` one, with the plan's reason. Actions that failed
 * or were left out are not among `applied`, so nothing is recorded for them. Pure.
 */
export function shareEventsOf(
  applied: readonly { action: Action; result: AppliedResource }[],
  at: Date,
  commit: string,
  run: string,
): ShareAccessEvent[] {
  const out: ShareAccessEvent[] = [];
  for (const { action, result } of applied) {
    if (action.kind !== "share-access") continue;
    const revoke = action.outcome === "delete";
    const spec = (revoke ? action.observed?.spec : action.desired?.spec) as
      ShareAccessSpec | undefined;
    if (!spec) continue;
    out.push({
      event: revoke ? "revoked" : "granted",
      at: at.toISOString(),
      share: spec.share,
      environment: action.environment,
      member: `${spec.lab}/${spec.member}`,
      accessPoint: result.id || action.observed?.id || "",
      reason: action.reason,
      commit,
      run,
    });
  }
  return out;
}

/** The last event of each member's access to each share (`share` + `member`), for `labenv shares`. */
export function lastShareEvents(
  events: readonly ShareAccessEvent[],
): Map<string, ShareAccessEvent> {
  const last = new Map<string, ShareAccessEvent>();
  for (const e of events) last.set(`${e.share} ${e.member}`, e);
  return last;
}
