import { digestOf } from "../lock/canonical.js";
import type { Loaded } from "../model/documents.js";
import type { SnapshotManifest } from "./manifest.js";

/** What desire runs for an environment restored from a snapshot: the snapshot's image, its volume. */
export interface RestorePin {
  snapshot: string;
  image: string;
  volumeSnapshotId?: string;
}

export type RestoreDecision =
  | { environment: string; snapshot: string; outcome: "pin"; pin: RestorePin }
  | { environment: string; snapshot: string; outcome: "waiting" | "failed"; reason: string };

/** The digest `specDigest` in a manifest: of a lock's spec only (its name is the environment's, not the lock's content). */
export function lockSpecDigest(lock: Loaded<"EnvironmentLock">["doc"]): string {
  return digestOf(lock.spec);
}

/**
 * Decides an environment with `spec.restoreFrom`: restore it (pin the snapshot's image by digest
 * and create its volume from the snapshot's EBS snapshot) only when the snapshot was captured and
 * the environment's lock holds exactly the snapshot's lock — a restore gives back the same
 * packages, or it is not a restore. Pure.
 */
export function decideRestore(
  environment: Loaded<"Environment">,
  lock: Loaded<"EnvironmentLock"> | undefined,
  manifest: SnapshotManifest | undefined,
): RestoreDecision | undefined {
  const from = environment.doc.spec.restoreFrom;
  if (!from) return undefined;
  const key = `${environment.doc.metadata.lab}/${environment.doc.metadata.name}`;
  const base = { environment: key, snapshot: from.snapshot };
  if (!manifest)
    return {
      ...base,
      outcome: "waiting",
      reason: `snapshot ${from.snapshot} has not been captured yet (\`labenv snapshot list\` says why); the environment runs as its lock says until it is`,
    };
  if (!lock) return { ...base, outcome: "failed", reason: `${key} has no lock` };
  if (!manifest.image)
    return { ...base, outcome: "failed", reason: `snapshot ${from.snapshot} recorded no image` };
  const wanted = manifest.lock.specDigest;
  const have = lockSpecDigest(lock.doc);
  if (wanted !== have)
    return {
      ...base,
      outcome: "failed",
      reason: `the lock of ${key} is not the snapshot's lock (${wanted ? wanted.slice(0, 19) : "not recorded"}… vs ${have.slice(0, 19)}…): a restore runs exactly the snapshot's packages — write both with \`labenv restore ${from.snapshot} --as ${environment.doc.metadata.name}\`, or drop restoreFrom to run this lock`,
    };
  return {
    ...base,
    outcome: "pin",
    pin: {
      snapshot: from.snapshot,
      image: manifest.image,
      ...(manifest.volume ? { volumeSnapshotId: manifest.volume.snapshotId } : {}),
    },
  };
}
