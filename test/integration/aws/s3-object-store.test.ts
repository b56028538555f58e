// The S3 object store against moto, on a versioned bucket.
import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { useMoto } from "../moto.js";
import { REGION, s3Client } from "./aws-test-clients.js";

const moto = useMoto();
const BUCKET = "labenv-objects";

describe("S3ObjectStore (moto, versioning on)", () => {
  let client: S3Client;
  let store: S3ObjectStore;

  beforeEach(async () => {
    client = s3Client(moto.endpoint);
    await client.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    await client.send(
      new PutBucketVersioningCommand({
        Bucket: BUCKET,
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    store = new S3ObjectStore({ client, bucket: BUCKET, prefix: "labenv/" });
  });

  it("returns exactly the bytes it was given, text and binary", async () => {
    const binary = new Uint8Array([0, 1, 2, 250, 255]);
    await store.put(
      "snapshots/genomics-core/rnaseq/paper.json",
      '{"image":"sha256:…"}',
      "application/json",
    );
    await store.put("observations/blob.bin", binary);
    expect(
      new TextDecoder().decode(await store.get("snapshots/genomics-core/rnaseq/paper.json")),
    ).toBe('{"image":"sha256:…"}');
    expect(await store.get("observations/blob.bin")).toEqual(binary);
  });

  it("keeps the older version when a key is written again, and reads the newest", async () => {
    await store.put("observations/rnaseq.json", "v1");
    await store.put("observations/rnaseq.json", "v2");
    expect(new TextDecoder().decode(await store.get("observations/rnaseq.json"))).toBe("v2");
    const versions = await client.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: "labenv/observations/rnaseq.json" }),
    );
    expect(versions.Versions).toHaveLength(2);
  });

  it("lists keys under a prefix relative to the store's prefix, and says nothing of missing keys", async () => {
    await store.put("snapshots/a/1.json", "1");
    await store.put("snapshots/b/2.json", "2");
    await store.put("observations/c.json", "3");
    expect(await store.list("snapshots/")).toEqual(["snapshots/a/1.json", "snapshots/b/2.json"]);
    expect(await store.get("snapshots/none.json")).toBeUndefined();
  });

  it("fails with an io error when the bucket is missing", async () => {
    const missing = new S3ObjectStore({ client, bucket: "no-such-bucket" });
    await expect(missing.put("x", "y")).rejects.toMatchObject({
      name: "LabenvError",
      code: "io",
      message: expect.stringContaining("NoSuchBucket"),
    });
  });
});
