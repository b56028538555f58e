import type { TaskDefinitionSpec } from "../../core/model/resources.js";

/**
 * A described task definition revision, as observe needs it. Revisions are
 * immutable, so what AWS answered for one ARN (family and revision) holds for
 * as long as the revision exists, and need not be described again.
 *
 * The spec holds access points as the ids the revision mounts, not as keys:
 * ids become keys on every observe, so a revision whose access point was
 * replaced since shows the old id (drift) exactly as a fresh description
 * would. Tags are the one mutable part of a revision: they are the contract
 * tags as last seen, and labenv's own tag writes refresh them.
 */
export interface RememberedRevision {
  spec: TaskDefinitionSpec;
  tags: Record<string, string>;
}

/**
 * Where the AWS provider remembers described revisions between observes, keyed
 * by full ARN. Optional: without one, every observe describes every latest
 * revision. `get` returns only the ARNs it remembers; `put` remembers more and
 * may skip writing what it already holds.
 */
export interface TaskDefinitionSpecCache {
  get(arns: readonly string[]): Promise<Map<string, RememberedRevision>>;
  put(revisions: ReadonlyMap<string, RememberedRevision>): Promise<void>;
}
