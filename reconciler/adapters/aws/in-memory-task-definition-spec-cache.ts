import type { RememberedRevision, TaskDefinitionSpecCache } from "./task-definition-spec-cache.js";

/** Remembered revisions for the life of this instance (tests, one process). Entries are copied in and out. */
export class InMemoryTaskDefinitionSpecCache implements TaskDefinitionSpecCache {
  private readonly revisions = new Map<string, RememberedRevision>();

  async get(arns: readonly string[]): Promise<Map<string, RememberedRevision>> {
    const found = new Map<string, RememberedRevision>();
    for (const arn of arns) {
      const revision = this.revisions.get(arn);
      if (revision !== undefined) found.set(arn, structuredClone(revision));
    }
    return found;
  }

  async put(revisions: ReadonlyMap<string, RememberedRevision>): Promise<void> {
    for (const [arn, revision] of revisions) this.revisions.set(arn, structuredClone(revision));
  }

  /** How many revisions are remembered. */
  get size(): number {
    return this.revisions.size;
  }
}
