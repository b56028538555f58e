import { LabenvError, isLabenvError } from "../../core/errors.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { sameSpec } from "./same-spec.js";
import type { RememberedRevision, TaskDefinitionSpecCache } from "./task-definition-spec-cache.js";

/** The one object holding every remembered revision. */
export const TASK_DEFINITION_SPECS_KEY = "task-definitions/specs.json";
/** After this long the memo starts over, so a tag edited by hand on a revision is seen again within it. */
export const DEFAULT_SPECS_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const FORMAT = 1;

export interface ObjectStoreTaskDefinitionSpecCacheOptions {
  /** Default `task-definitions/specs.json`. */
  key?: string;
  /** Default 7 days. */
  maxAgeMs?: number;
  now?: () => Date;
}

interface Memo {
  startedAt: Date;
  revisions: Map<string, RememberedRevision>;
}

/**
 * Remembered revisions in one object of the object store (S3 in the Lambda,
 * `.labenv/objects/` for the CLI): one read per observe, one write only when
 * something new was described. An object that is missing, unreadable as a
 * memo, or older than `maxAgeMs` counts as empty and is replaced on the next
 * write; failing to read or write the store is an `io` error.
 */
export class ObjectStoreTaskDefinitionSpecCache implements TaskDefinitionSpecCache {
  private readonly key: string;
  private readonly maxAgeMs: number;
  private readonly now: () => Date;
  /** The memo as last read (or started) by this instance. */
  private memo: Promise<Memo> | undefined;
  /** The write in progress (settled when none), and a write waiting behind it. */
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(
    private readonly objects: ObjectStore,
    options: ObjectStoreTaskDefinitionSpecCacheOptions = {},
  ) {
    this.key = options.key ?? TASK_DEFINITION_SPECS_KEY;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_SPECS_MAX_AGE_MS;
    this.now = options.now ?? (() => new Date());
  }

  /** Reads the object again (another process may have written it since), then answers from it. */
  async get(arns: readonly string[]): Promise<Map<string, RememberedRevision>> {
    const memo = await this.load();
    const found = new Map<string, RememberedRevision>();
    for (const arn of arns) {
      const revision = memo.revisions.get(arn);
      if (revision !== undefined) found.set(arn, structuredClone(revision));
    }
    return found;
  }

  /** Adds to the memo as last read (reading it first if this instance has not) and writes it if anything differs. */
  async put(revisions: ReadonlyMap<string, RememberedRevision>): Promise<void> {
    const memo = await (this.memo ?? this.load());
    let changed = false;
    for (const [arn, revision] of revisions) {
      if (sameSpec(memo.revisions.get(arn), revision)) continue;
      memo.revisions.set(arn, structuredClone(revision));
      changed = true;
    }
    if (!changed) return;
    await this.write(memo);
  }

  /**
   * Writes the memo after any write in progress, as it stands when the write starts: puts made
   * at the same time (actions applied concurrently) join one write, and a slower older write
   * never lands after a newer one.
   */
  private write(memo: Memo): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    const write = this.writing.then(async () => {
      this.queued = undefined;
      try {
        await this.objects.put(this.key, serialize(memo), "application/json");
      } catch (e) {
        throw failure(`write the task definition memo ${this.key}`, e);
      }
    });
    this.queued = write;
    this.writing = write.catch(() => undefined);
    return write;
  }

  private load(): Promise<Memo> {
    const loading = this.read();
    this.memo = loading;
    loading.catch(() => {
      if (this.memo === loading) this.memo = undefined;
    });
    return loading;
  }

  private async read(): Promise<Memo> {
    let body: Uint8Array | undefined;
    try {
      body = await this.objects.get(this.key);
    } catch (e) {
      throw failure(`read the task definition memo ${this.key}`, e);
    }
    const now = this.now();
    const memo = body === undefined ? undefined : parse(body);
    if (memo === undefined || now.getTime() - memo.startedAt.getTime() > this.maxAgeMs)
      return { startedAt: now, revisions: new Map() };
    return memo;
  }
}

function serialize(memo: Memo): string {
  const arns = [...memo.revisions.keys()].sort();
  return JSON.stringify({
    format: FORMAT,
    startedAt: memo.startedAt.toISOString(),
    revisions: Object.fromEntries(arns.map((arn) => [arn, memo.revisions.get(arn)])),
  });
}

/** The memo in `body`, or nothing when it is not one this version wrote. */
function parse(body: Uint8Array): Memo | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  if (
    !isRecord(doc) ||
    doc.format !== FORMAT ||
    typeof doc.startedAt !== "string" ||
    !isRecord(doc.revisions)
  )
    return undefined;
  const startedAt = new Date(doc.startedAt);
  if (Number.isNaN(startedAt.getTime())) return undefined;
  const revisions = new Map<string, RememberedRevision>();
  for (const [arn, revision] of Object.entries(doc.revisions)) {
    if (!isRecord(revision) || !isRecord(revision.spec) || !isRecord(revision.tags))
      return undefined;
    revisions.set(arn, revision as unknown as RememberedRevision);
  }
  return { startedAt, revisions };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function failure(doing: string, e: unknown): LabenvError {
  if (isLabenvError(e))
    return new LabenvError(e.code, `could not ${doing}: ${e.message}`, {
      cause: e,
      ...(e.hint !== undefined && { hint: e.hint }),
    });
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new LabenvError("io", `could not ${doing}: ${detail}`, { cause: e });
}
