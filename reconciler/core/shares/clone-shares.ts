import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { isExpired } from "../desire/share-grants.js";

/**
 * The snapshot a clone share takes of the lent environment: `share-<share name>` (cut to a DNS
 * label). Taken once, by the first reconcile after the share is merged, and kept as a record:
 * the receiving lab's copy is created from it, so what the owners change later never reaches it.
 */
export function cloneSnapshotName(share: Loaded<"Share">): string {
  return `share-${share.doc.metadata.name}`.slice(0, 63).replace(/-+$/, "");
}

/** `<lending lab>/<environment>/share-<name>`: the id `labenv snapshot` and `restoreFrom` use. */
export function cloneSnapshotId(share: Loaded<"Share">): string {
  const { lab } = share.doc.metadata;
  return `${lab}/${share.doc.spec.environment}/${cloneSnapshotName(share)}`;
}

/**
 * The clone shares that grant today: `access: clone`, not expired, of an environment the lab
 * has, to another lab that exists, and a restricted environment only with `allowRestricted`.
 * Without `today` none is expired. Pure.
 */
export function liveCloneShares(repo: Repository, today?: string): Loaded<"Share">[] {
  return [...repo.shares.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, s]) => s)
    .filter((s) => {
      const { lab } = s.doc.metadata;
      const { environment, to, access, allowRestricted, snapshot } = s.doc.spec;
      const env = repo.environments.get(envKey(lab, environment));
      if (access !== "clone" || snapshot !== undefined || !env) return false;
      if (today !== undefined && isExpired(s, today)) return false;
      if (to.lab === lab || !repo.labs.has(to.lab)) return false;
      return env.doc.spec.criticality !== "restricted" || allowRestricted === true;
    });
}

/**
 * The clone share's snapshot as a Snapshot document of the lent environment (packages and
 * home), captured like any other (objects first, manifest last), so `labenv snapshot show`,
 * `verify` and `restore` work on it. Not a file in git: it stands for the share.
 */
export function cloneSnapshotDocument(share: Loaded<"Share">): Loaded<"Snapshot"> {
  const { lab } = share.doc.metadata;
  const { environment, to, purpose } = share.doc.spec;
  return {
    kind: "Snapshot",
    file: share.file,
    positions: share.positions,
    text: share.text,
    doc: {
      apiVersion: "labenv.westtek.io/v1",
      kind: "Snapshot",
      metadata: { name: cloneSnapshotName(share), lab, environment },
      spec: {
        requestedBy: `share ${lab}/${share.doc.metadata.name}`,
        reason: `clone share ${lab}/${share.doc.metadata.name} to ${to.lab}: ${purpose}`,
        include: { packages: true, home: true },
      },
    },
  };
}

/**
 * The repository with each live clone share's snapshot among its Snapshot documents: for capture
 * (with `today`: a share that expired before its snapshot was taken takes none), and for listing
 * (without: every clone share in git, expired or not).
 */
export function withCloneSnapshots(repo: Repository, today?: string): Repository {
  const clones = liveCloneShares(repo, today);
  if (clones.length === 0) return repo;
  const snapshots = new Map(repo.snapshots);
  for (const s of clones) snapshots.set(cloneSnapshotId(s), cloneSnapshotDocument(s));
  return { ...repo, snapshots };
}
