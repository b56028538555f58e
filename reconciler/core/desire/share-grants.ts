import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { shareAccessKey } from "../kinds/share-access.js";
import { paths } from "./names.js";

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
 * expired (revoked, with their last day). A share of a snapshot, a clone share, a share to the
 * owning lab or of a restricted environment without `allowRestricted` grants nothing here.
 * Without `today` no share counts as expired. Pure.
 */
export function shareGrants(
  repo: Repository,
  today?: string,
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
    if (access !== "read-only" || snapshot !== undefined || !env || !owning || !receiving) continue;
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
        rootPath: paths.home(lab, environment),
        mountPath: mountPath ?? defaultMountPath(lab, environment),
        mountedIn,
      });
    }
  }
  return { grants, expired };
}
