import { shareGrants, isExpired } from "../desire/share-grants.js";
import type { Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import type { ShareAccessEvent } from "../../ports/state-store.js";
import { lastShareEvents } from "./share-events.js";
import { cloneSnapshotId } from "./clone-shares.js";
import { copyKey } from "./snapshot-share-copies.js";

/** One member's way into a shared home: what git asks for today, and whether it is in place. */
export interface ShareAccessRow {
  /** `lab/name` of the share (`lab/succession-<name>.<env>` for a predecessor's hand-over access). */
  share: string;
  /** The shared environment, `lab/env`. */
  environment: string;
  /** `lab/member` who may read it. */
  member: string;
  /** Where it is mounted, read-only, and in which of the member's environments. */
  mountPath: string;
  mountedIn: string[];
  /** The last day it is granted. */
  until?: string;
  /** For a share of a snapshot (`lab/env/name`): the copy restored from it is what is read. */
  snapshot?: string;
  /**
   * `granted`: its access point exists; `pending`: git grants it, the next reconcile creates it;
   * `revoking`: git no longer grants it (expired or removed), the next reconcile deletes it.
   */
  state: "granted" | "pending" | "revoking";
  accessPoint?: string;
  /** When the reconciler granted the access in place (its last recorded grant). */
  grantedAt?: string;
  reason?: string;
}

/** A share document that grants nobody access today, and why. */
export interface ShareNote {
  share: string;
  note: string;
}

/**
 * Every read-only share and hand-over access: what git grants today against what the provider
 * holds (its share access points), so `labenv shares` says what is in place, what the next
 * reconcile adds and what it revokes, with every grant and revoke the state store recorded
 * (`history`, oldest first). Pure.
 */
export function shareStatus(
  repo: Repository,
  observed: readonly ObservedResource[],
  today: string,
  events: readonly ShareAccessEvent[] = [],
  copies: ReadonlyMap<string, string> = new Map(),
  handedOver: ReadonlyMap<string, readonly string[]> = new Map(),
): { access: ShareAccessRow[]; notes: ShareNote[]; history: ShareAccessEvent[] } {
  const last = lastShareEvents(events);
  const grantedAt = (share: string, member: string, accessPoint: string) => {
    const e = last.get(`${share} ${member}`);
    return e?.event === "granted" && e.accessPoint === accessPoint ? { grantedAt: e.at } : {};
  };
  const { grants, expired } = shareGrants(repo, today, copies, handedOver);
  const live = new Map(
    observed.filter((o) => o.kind === "share-access").map((o) => [o.key, o] as const),
  );
  const access: ShareAccessRow[] = grants.map((g) => {
    const o = live.get(g.key);
    live.delete(g.key);
    return {
      share: g.share,
      environment: g.environment,
      member: `${g.lab}/${g.member}`,
      mountPath: g.mountPath,
      mountedIn: g.mountedIn,
      until: g.until,
      ...(g.snapshot ? { snapshot: g.snapshot } : {}),
      state: o ? "granted" : "pending",
      ...(o ? { accessPoint: o.id, ...grantedAt(g.share, `${g.lab}/${g.member}`, o.id) } : {}),
    };
  });
  for (const o of live.values()) {
    const spec = o.spec as { share: string; lab: string; member: string };
    access.push({
      share: spec.share,
      environment: o.environment,
      member: `${spec.lab}/${spec.member}`,
      mountPath: "",
      mountedIn: [],
      state: "revoking",
      accessPoint: o.id,
      ...grantedAt(spec.share, `${spec.lab}/${spec.member}`, o.id),
      reason: expired[spec.share]
        ? `expired on ${expired[spec.share]}`
        : "no longer granted by git (the share was removed or no longer names them)",
    });
  }
  const granting = new Set(grants.map((g) => g.share));
  const notes: ShareNote[] = [];
  for (const [id, sh] of [...repo.shares].sort(([a], [b]) => a.localeCompare(b))) {
    if (granting.has(id)) continue;
    const s = sh.doc.spec;
    notes.push({
      share: id,
      note: isExpired(sh, today)
        ? `expired on ${s.expires}`
        : s.access === "clone"
          ? `a clone share: nothing is mounted; ${s.to.lab} makes its own copy from the snapshot ${cloneSnapshotId(sh)} taken at share time (\`labenv shares clone ${id}\`)`
          : s.snapshot !== undefined &&
              !copies.has(copyKey(id, `${sh.doc.metadata.lab}/${s.environment}/${s.snapshot}`))
            ? `a share of the snapshot ${sh.doc.metadata.lab}/${s.environment}/${s.snapshot}: nothing is mounted until its home is restored into the share's own copy and checked file by file (the reconcile after the snapshot is captured; sandbox only: the home restore is not built on AWS)`
            : `grants nobody today: no member of ${s.to.lab} it names owns an environment there to mount it in`,
    });
  }
  access.sort((a, b) => a.share.localeCompare(b.share) || a.member.localeCompare(b.member));
  return { access, notes, history: [...events] };
}
