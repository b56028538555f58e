import {
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  paginateListObjectsV2,
  type S3Client,
} from "@aws-sdk/client-s3";
import { LabenvError } from "../../core/errors.js";
import type { ObjectLock, ObjectStore } from "../../ports/object-store.js";
import type { ManifestLockState } from "../../core/snapshots/manifest-lock.js";

export interface S3ObjectStoreOptions {
  client: S3Client;
  /** A versioned bucket (from infra/); overwriting a key keeps the older versions. */
  bucket: string;
  /** Prepended to every key, e.g. `labenv/`. */
  prefix?: string;
}

/**
 * Snapshot manifests, observations and hand-over packages in S3. Keys are the
 * same as the directory store's; failures are `io` errors like the directory
 * store's, so callers handle both alike.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly prefix: string;

  /** S3 Object Lock on the bucket's objects: retention and legal holds of their current version. */
  readonly objectLock: ObjectLock;

  constructor(private readonly options: S3ObjectStoreOptions) {
    this.prefix = options.prefix ?? "";
    const { client, bucket } = options;
    const Key = (key: string) => this.prefix + key;
    this.objectLock = {
      where: `s3://${bucket}`,
      enabled: () =>
        this.call("read the bucket's Object Lock configuration", async () => {
          try {
            const out = await client.send(
              new GetObjectLockConfigurationCommand({ Bucket: bucket }),
            );
            return out.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled";
          } catch (e) {
            if (e instanceof Error && e.name === "ObjectLockConfigurationNotFoundError")
              return false;
            throw e;
          }
        }),
      // HeadObject carries both (S3 includes them for a caller allowed GetObjectRetention and
      // GetObjectLegalHold); an object with neither simply has no such headers.
      state: (key) =>
        this.call(`read the lock of ${key}`, async (): Promise<ManifestLockState> => {
          const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: Key(key) }));
          const until = head.ObjectLockRetainUntilDate;
          return {
            ...(until ? { retainUntil: new Date(until).toISOString() } : {}),
            ...(head.ObjectLockMode ? { mode: head.ObjectLockMode } : {}),
            legalHold: head.ObjectLockLegalHoldStatus === "ON",
          };
        }),
      retain: (key, mode, until) =>
        this.call(`retain ${key} until ${until.toISOString()}`, async () => {
          await client.send(
            new PutObjectRetentionCommand({
              Bucket: bucket,
              Key: Key(key),
              Retention: { Mode: mode, RetainUntilDate: until },
            }),
          );
        }),
      hold: (key, on) =>
        this.call(`${on ? "set" : "release"} the legal hold of ${key}`, async () => {
          await client.send(
            new PutObjectLegalHoldCommand({
              Bucket: bucket,
              Key: Key(key),
              LegalHold: { Status: on ? "ON" : "OFF" },
            }),
          );
        }),
    };
  }

  async put(key: string, body: string | Uint8Array, contentType?: string): Promise<void> {
    await this.call(`write ${key}`, () =>
      this.options.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.prefix + key,
          Body: body,
          ContentType:
            contentType ??
            (typeof body === "string" ? "text/plain; charset=utf-8" : "application/octet-stream"),
        }),
      ),
    );
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.options.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + key }),
      );
      return out.Body === undefined ? new Uint8Array() : await out.Body.transformToByteArray();
    } catch (e) {
      if (e instanceof NoSuchKey || (e instanceof Error && e.name === "NoSuchKey"))
        return undefined;
      throw failure(`read ${key}`, e);
    }
  }

  /** Keys under `prefix`, relative to the store's own prefix, in S3's (lexicographic) order. */
  async list(prefix: string): Promise<string[]> {
    return this.call(`list ${prefix}`, async () => {
      const keys: string[] = [];
      const pages = paginateListObjectsV2(
        { client: this.options.client },
        { Bucket: this.options.bucket, Prefix: this.prefix + prefix },
      );
      for await (const page of pages) {
        for (const object of page.Contents ?? [])
          if (object.Key !== undefined) keys.push(object.Key.slice(this.prefix.length));
      }
      return keys;
    });
  }

  private async call<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw failure(doing, e);
    }
  }
}

function failure(doing: string, e: unknown): LabenvError {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new LabenvError("io", `S3 refused to ${doing}: ${detail}`, { cause: e });
}
