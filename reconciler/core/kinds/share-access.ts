import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/**
 * One receiving member's read-only way into a shared environment's home: an EFS access point
 * onto the owner's directory that never creates it. Its POSIX user is the member's uid with the
 * owning lab's gid, so EFS lets it read what the lab's group may read (a home is 0750: group
 * r-x) and write nothing; the receiving task definitions also mount it read-only.
 */
export interface ShareAccessSpec {
  /** The share document: `<owning lab>/<share name>`. */
  share: string;
  /** The receiving lab and member (`lab.yaml` member id). */
  lab: string;
  member: string;
  posixUser: { uid: number; gid: number };
  /** The shared directory from the file system root (the owning environment's home). */
  rootDirectory: { path: string };
}

/** Resource key of a member's access for a share: `share-access:<lab>/<share>/<member>`. */
export function shareAccessKey(lab: string, share: string, member: string): string {
  return `share-access:${lab}/${share}/${member}`;
}

/** Disposable: the share ends, the access point goes; the directory it opened onto is never touched. */
export const shareAccess: KindModule<"share-access"> = {
  ...KIND_DEFAULTS,
  kind: "share-access",
  stage: "storage",
  dependsOnKinds: ["access-point"],
  lifecycle: "disposable",
  onChange: "replace",
  dependencies: () => [],
  createReason: (d) =>
    `grant share ${d.spec.share}: read-only access point for ${d.spec.lab}/${d.spec.member} onto ${
      d.spec.rootDirectory.path.startsWith(`/labs/${d.environment.split("/")[0]}/shares/`)
        ? `the copy of ${d.environment}'s home restored from its snapshot (${d.spec.rootDirectory.path})`
        : `${d.environment}'s home`
    }`,
  changeReason: (d, what) =>
    `replace ${d.spec.lab}/${d.spec.member}'s access point for share ${d.spec.share}: ${what}`,
  deleteReason: (o, ctx) => {
    const expired = ctx.desired.expiredShares?.[o.spec.share];
    const why = expired
      ? `expired on ${expired}`
      : `was removed from git (or no longer names ${o.spec.lab}/${o.spec.member})`;
    return `revoke share ${o.spec.share}: it ${why}; ${o.spec.lab}/${o.spec.member}'s access point is deleted, ${o.environment}'s files stay`;
  },
};
