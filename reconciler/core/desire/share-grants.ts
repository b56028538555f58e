import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { shareAccessKey } from "../kinds/share-access.js";
import { paths } from "./names.js";
import { accessUntil, keepAccessDays } from "../successions/succession-environments.js";
import { copyKey } from "../shares/snapshot-share-copies.js";

/** One receiving member's read-only access to a shared environment, as git asks for it today. */
export interface ShareGrant {
  /** `lab/name` of the share document. */
  share: string;
  /** `share-access:<lab>/<share>/<member>` */
  key: string;
  /** The shared environment, `lab/env`. */
  environment: string;
  ownerLab: string;
  /** The receiving lab and member, and the member's uid. */
  lab: string;
  member: string;
  uid: number;
  /** The owning lab's gid: the access point reads what the lab's group may read. */
  gid: number;
  rootPath: string;
  mountPath: string;
  /** The member's environments in the receiving lab (`lab/env`), where the share is mounted. */
  mountedIn: string[];
  /** The last day it is granted (the share's `expires`, or the end of a hand-over's grace). */
  until: string;
  /** For a share of a snapshot, `lab/env/name`: what it opens is the copy restored from it. */
  snapshot?: string;
}

/** Where a read-only share is mounted when it does not say. */
export function defaultMountPath(lab: string, environment: string): string {
  return `/shared/${lab}/${environment}`;
}

/** A share is live through its `expires` day; from the day after it is expired. */
export function isExpired(share: Loaded<"Share">, today: string): boolean {
  return share.doc.spec.expires < today;
}

/**
 * The read-only shares git grants today, one per receiving member who owns an environment in
 * the receiving lab (a member without one has nothing to mount it in), and the shares that
 * expired (revoked, with their last day). A share of a snapshot opens the copy restored for it
 * (`copies`: `copyKey(share, snapshot)` → its directory, see snapshot-share-copies.ts), never the live home, and
 * grants nothing until that copy was restored and checked. A clone share, a share to the owning
 * lab or of a restricted environment without `allowRestricted` grants nothing here. Without
 * `today` no share counts as expired. Pure.
 */
export function shareGrants(
  repo: Repository,
  today?: string,
  copies: ReadonlyMap<string, string> = new Map(),
  handedOver: ReadonlyMap<string, readonly string[]> = new Map(),
): { grants: ShareGrant[]; expired: Record<string, string> } {
  const grants: ShareGrant[] = [];
  const expired: Record<string, string> = {};
  for (const [id, sh] of [...repo.shares].sort(([a], [b]) => a.localeCompare(b))) {
    const { lab } = sh.doc.metadata;
    const { environment, to, access, snapshot, mountPath, allowRestricted } = sh.doc.spec;
    if (today !== undefined && isExpired(sh, today)) {
      expired[id] = sh.doc.spec.expires;
      continue;
    }
    const env = repo.environments.get(envKey(lab, environment));
    const owning = repo.labs.get(lab);
    const receiving = repo.labs.get(to.lab);
    if (access !== "read-only" || !env || !owning || !receiving) continue;
    const rootPath =
      snapshot === undefined
        ? paths.home(lab, environment)
        : copies.get(copyKey(id, `${lab}/${environment}/${snapshot}`));
    if (rootPath === undefined) continue;
    if (to.lab === lab || (env.doc.spec.criticality === "restricted" && allowRestricted !== true))
      continue;
    const wanted = new Set(to.members ?? receiving.doc.spec.members.map((m) => m.id));
    for (const m of receiving.doc.spec.members) {
      if (!wanted.has(m.id)) continue;
      const mountedIn = [...repo.environments.values()]
        .filter((e) => e.doc.metadata.lab === to.lab && e.doc.spec.owner === m.id)
        .map((e) => envKey(to.lab, e.doc.metadata.name))
        .sort();
      if (mountedIn.length === 0) continue;
      grants.push({
        share: id,
        key: shareAccessKey(lab, sh.doc.metadata.name, m.id),
        environment: envKey(lab, environment),
        ownerLab: lab,
        lab: to.lab,
        member: m.id,
        uid: m.uid,
        gid: owning.doc.spec.posixGid,
        rootPath,
        mountPath: mountPath ?? defaultMountPath(lab, environment),
        mountedIn,
        until: sh.doc.spec.expires,
        ...(snapshot !== undefined ? { snapshot: `${lab}/${environment}/${snapshot}` } : {}),
      });
    }
  }
  grants.push(...handoverGrants(repo, today, expired, handedOver));
  return { grants, expired };
}

/** The POSIX user a predecessor's read-only access point acts as (see handoverGrants). */
export const NOBODY_UID = 65534;

/** The share id of a predecessor's hand-over access to one environment: `<lab>/succession-<name>.<env>`. */
export function handoverShareId(s: Loaded<"Succession">, environment: string): string {
  return `${s.doc.metadata.lab}/succession-${s.doc.metadata.name}.${environment}`;
}

/** Where a predecessor finds a handed-over environment's home, read-only, in their own environments. */
export function handoverMountPath(lab: string, environment: string): string {
  return `/handover/${lab}/${environment}`;
}

/**
 * A succession keeps the outgoing researcher's read access for `keepAccessDays` after the
 * hand-over: from the effective date, once git names the successor as owner, each handed-over
 * home is mounted read-only in the predecessor's own environments of the lab (the same kind of
 * access point as a read-only share: their uid, the lab's gid, nothing written). The day after
 * the last day it is revoked, reported as expired; with `keepAccessDays: 0` nothing is granted.
 * A predecessor with no environment left in the lab has nothing to mount it in (the ownership
 * pull request proposes one, see ownership-pull-request.ts). Share ids:
 * `<lab>/succession-<name>.<env>`. A succession naming no environments covers those its record
 * says it handed over (`handedOver`), nothing before it started.
 */
function handoverGrants(
  repo: Repository,
  today: string | undefined,
  expired: Record<string, string>,
  handedOver: ReadonlyMap<string, readonly string[]>,
): ShareGrant[] {
  const out: ShareGrant[] = [];
  if (today === undefined) return out;
  for (const [, s] of [...repo.successions].sort(([a], [b]) => a.localeCompare(b))) {
    const lab = s.doc.metadata.lab;
    const labDoc = repo.labs.get(lab);
    const { from, to, effective } = s.doc.spec;
    if (!labDoc || today < effective) continue;
    // Those it names, or those its record says it handed over: never the successor's own others.
    const handed = (
      s.doc.spec.environments ??
      (handedOver.get(`${lab}/${s.doc.metadata.name}`) ?? [])
        .filter((e) => e.startsWith(`${lab}/`))
        .map((e) => e.slice(lab.length + 1))
    ).filter((e) => repo.environments.get(envKey(lab, e))?.doc.spec.owner === to);
    const until = accessUntil(s);
    const shareOf = (e: string) => handoverShareId(s, e);
    if (today > until || keepAccessDays(s) === 0) {
      for (const e of handed) expired[shareOf(e)] = until;
      continue;
    }
    const member = labDoc.doc.spec.members.find((m) => m.id === from);
    if (!member) continue;
    const mountedIn = [...repo.environments.values()]
      .filter((e) => e.doc.metadata.lab === lab && e.doc.spec.owner === from)
      .map((e) => envKey(lab, e.doc.metadata.name))
      .sort();
    if (mountedIn.length === 0) continue;
    for (const e of handed)
      out.push({
        share: shareOf(e),
        key: shareAccessKey(lab, `succession-${s.doc.metadata.name}.${e}`, from),
        environment: envKey(lab, e),
        ownerLab: lab,
        lab,
        member: from,
        // Not the predecessor's uid: the home stays owned by the uid it was created with, which
        // is usually theirs, and an access point as the owner could write. As `nobody` with the
        // lab's gid, EFS lets it read what the lab's group may read (0750: r-x) and write nothing.
        uid: NOBODY_UID,
        gid: labDoc.doc.spec.posixGid,
        rootPath: paths.home(lab, e),
        mountPath: handoverMountPath(lab, e),
        mountedIn,
        until,
      });
  }
  return out;
}
