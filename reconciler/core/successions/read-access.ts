import { envKey, type Loaded, type Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import { shareAccessKey } from "../kinds/share-access.js";
import { handoverMountPath, handoverShareId } from "../desire/share-grants.js";
import type { ShareAccessEvent, SuccessionRecord } from "../../ports/state-store.js";
import { accessUntil, keepAccessDays } from "./succession-environments.js";
import { handoverViewName } from "./ownership-pull-request.js";

/** What a step left: done (with the run that did it), or waiting for something outside it. */
export type StepResult =
  | { done: { detail: string; refs: string[]; run?: string } }
  | { waiting: string; record?: Partial<SuccessionRecord> };

/** What the predecessor's access steps read: the account as it is and the recorded grants. */
export interface ReadAccessView {
  repository: Repository;
  today: string;
  resources: readonly ObservedResource[];
  events: readonly ShareAccessEvent[];
}

interface Access {
  environment: string;
  share: string;
  key: string;
  /** The access point as observed now, if it exists. */
  observed?: ObservedResource;
  granted?: ShareAccessEvent;
  revoked?: ShareAccessEvent;
}

/** Each handed-over home's hand-over access: as observed, and its newest recorded grant and revoke. */
function accesses(
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  view: ReadAccessView,
): Access[] {
  const lab = s.doc.metadata.lab;
  return record.environments.map((environment) => {
    const name = environment.split("/")[1]!;
    const share = handoverShareId(s, name);
    const key = shareAccessKey(lab, `succession-${s.doc.metadata.name}.${name}`, s.doc.spec.from);
    const newest = (event: "granted" | "revoked") =>
      view.events.filter((e) => e.share === share && e.event === event).at(-1);
    const observed = view.resources.find((r) => r.key === key);
    const granted = newest("granted");
    const revoked = newest("revoked");
    return {
      environment,
      share,
      key,
      ...(observed ? { observed } : {}),
      ...(granted ? { granted } : {}),
      ...(revoked ? { revoked } : {}),
    };
  });
}

/** The predecessor's environments of the lab, where the handed-over homes are mounted. */
function mountedIn(repo: Repository, s: Loaded<"Succession">): string[] {
  const lab = s.doc.metadata.lab;
  return [...repo.environments.values()]
    .filter((e) => e.doc.metadata.lab === lab && e.doc.spec.owner === s.doc.spec.from)
    .map((e) => envKey(lab, e.doc.metadata.name))
    .sort();
}

/**
 * The predecessor's read access, granted: done once the reconcile's apply created the
 * hand-over access point of every handed-over home (seen in the account; the run is the one
 * whose grant was recorded), or at once when `keepAccessDays` is 0. It waits while the
 * predecessor owns no environment of the lab to mount it in, and is done without a grant when
 * the last day passed before one was made.
 */
export function accessStep(
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  view: ReadAccessView,
): StepResult {
  const { from } = s.doc.spec;
  const lab = s.doc.metadata.lab;
  if (keepAccessDays(s) === 0)
    return { done: { detail: "no read access kept (data.keepAccessDays: 0)", refs: [] } };
  const until = accessUntil(s);
  const all = accesses(s, record, view);
  const there = all.filter((a) => a.observed);
  if (all.length > 0 && there.length === all.length) {
    const into = mountedIn(view.repository, s);
    const run = all.map((a) => a.granted?.run).find((r) => r !== undefined);
    return {
      done: {
        detail: `${from} reads ${all.map((a) => a.environment).join(", ")} read-only (${all
          .map((a) => handoverMountPath(lab, a.environment.split("/")[1]!))
          .join(", ")} in ${into.join(", ") || "none of their environments"}) until ${until}`,
        refs: there.map((a) => a.observed!.id),
        ...(run ? { run } : {}),
      },
    };
  }
  if (view.today > until || all.length === 0) {
    // A grant made and already revoked (a run that died before recording this step) is said so.
    const revoked = all.filter((a) => a.revoked);
    return {
      done: {
        detail:
          revoked.length > 0
            ? `${from}'s read access was granted and has ended (${until})`
            : `no read access was granted: it ended on ${until} before ${from} had an environment of ${lab} to mount it in`,
        refs: [],
      },
    };
  }
  if (!view.repository.labs.get(lab)?.doc.spec.members.some((m) => m.id === from))
    return {
      done: {
        detail: `no read access: ${from} is no longer a member of ${lab}`,
        refs: [],
      },
    };
  if (mountedIn(view.repository, s).length === 0)
    return {
      waiting: `${from} owns no environment of ${lab} to mount the handed-over home${all.length === 1 ? "" : "s"} in: give them one (spec.owner: ${from}) and the next reconcile mounts ${all.length === 1 ? "it" : "them"} read-only, until ${until}`,
    };
  return {
    waiting: `the next reconcile grants ${from} read-only access to ${all
      .filter((a) => !a.observed)
      .map((a) => a.environment)
      .join(", ")} (until ${until})`,
  };
}

/**
 * The predecessor's read access, removed: waits through the last day; from the day after, done
 * once the reconcile's apply deleted every hand-over access point (none left in the account;
 * the run is the one whose revoke was recorded). The homes' files stay.
 */
export function revokeStep(
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  view: ReadAccessView,
): StepResult {
  const { from } = s.doc.spec;
  if (keepAccessDays(s) === 0)
    return { done: { detail: "nothing to revoke (data.keepAccessDays: 0)", refs: [] } };
  const until = accessUntil(s);
  const all = accesses(s, record, view);
  if (view.today <= until)
    return {
      waiting: `${from} keeps read access through ${until}; the first reconcile after that day revokes it`,
    };
  const left = all.filter((a) => a.observed);
  if (left.length > 0)
    return {
      waiting: `${left.map((a) => `${a.observed!.id} (${a.share})`).join(", ")} still in the account: the reconcile's plan deletes ${left.length === 1 ? "it" : "them"} (its \`- revoke share\` line)`,
    };
  const revoked = all.filter((a) => a.revoked);
  const run = revoked.map((a) => a.revoked!.run).find((r) => r !== undefined);
  // The view environment the ownership pull request added is git's: it goes when git drops it.
  const viewKey = envKey(s.doc.metadata.lab, handoverViewName(from));
  const stays =
    view.repository.environments.get(viewKey)?.doc.spec.owner === from
      ? `; ${viewKey} stays until it is removed in git (its data is kept)`
      : "";
  return {
    done: {
      detail:
        (revoked.length > 0
          ? `revoked ${from}'s read access to ${revoked.map((a) => a.environment).join(", ")} after ${until} (${revoked.map((a) => `${a.revoked!.accessPoint} deleted ${a.revoked!.at}`).join(", ")}); the files stay`
          : `${from} holds no read access after ${until}`) + stays,
      refs: revoked.map((a) => a.revoked!.accessPoint),
      ...(run ? { run } : {}),
    },
  };
}
