// S3 Object Lock on snapshot manifests, against moto's S3 (which enforces it): a manifest is
// retained (GOVERNANCE) through its keep-until and a delete of the locked version is refused;
// legalHold: true in git sets a legal hold and removing it in git releases it; a bucket without
// Object Lock is said, and nothing is written.
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectLegalHoldCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import type { Repository } from "../../../reconciler/core/model/documents.js";
import {
  lockManifests,
  renderManifestLocks,
} from "../../../reconciler/core/snapshots/lock-manifests.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { exampleFiles, withFile } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { REGION, s3Client } from "./aws-test-clients.js";

const moto = useMoto();
const ID = "genomics-core/rnaseq/thesis";
const KEY = `snapshots/${ID}/manifest.json`;
const TODAY = "2026-12-07";
const sha = "a".repeat(64);
const manifest = JSON.stringify({
  apiVersion: "labenv.westtek.io/v1",
  kind: "SnapshotManifest",
  id: ID,
  request: {
    file: `environments/${ID.replace("/thesis", "")}/snapshots/thesis.yaml`,
    requestedBy: "rpatel",
    reason: "thesis",
    include: { packages: true, home: false },
    retention: { keepUntil: "2040-06-30" },
  },
  capturedAt: "2026-12-01T03:00:00.000Z",
  commit: "b".repeat(40),
  provider: "aws eu-west-1",
  lock: {
    key: `snapshots/objects/sha256/${sha}`,
    size: 1,
    sha256: sha,
    digest: `sha256:${sha}`,
    file: "x",
    specDigest: "s",
    domainPack: "genomics@1.2.0",
    image: "i",
  },
});

function repoWith(retention: string | undefined): Repository {
  const files = retention
    ? withFile(
        exampleFiles(),
        "environments/genomics-core/rnaseq/snapshots/thesis.yaml",
        [
          "apiVersion: labenv.westtek.io/v1",
          "kind: Snapshot",
          "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
          `spec: { requestedBy: rpatel, reason: thesis, retention: ${retention} }`,
          "",
        ].join("\n"),
      )
    : exampleFiles();
  return validateFiles(files, createSchemaValidator(), { today: TODAY }).repository;
}

describe("S3 Object Lock on manifests (moto)", () => {
  let client: S3Client;

  async function bucket(name: string, lock: boolean): Promise<S3ObjectStore> {
    await client.send(
      new CreateBucketCommand({
        Bucket: name,
        CreateBucketConfiguration: { LocationConstraint: REGION },
        ...(lock ? { ObjectLockEnabledForBucket: true } : {}),
      }),
    );
    if (!lock)
      await client.send(
        new PutBucketVersioningCommand({
          Bucket: name,
          VersioningConfiguration: { Status: "Enabled" },
        }),
      );
    const store = new S3ObjectStore({ client, bucket: name });
    await store.put(KEY, manifest, "application/json");
    return store;
  }

  beforeEach(() => {
    client = s3Client(moto.endpoint);
  });

  it("retains a manifest through its keep-until and refuses a delete of the locked version; a legal hold comes and goes with git", async () => {
    const store = await bucket("labenv-objects", true);
    const held = repoWith("{ keepUntil: 2040-06-30, legalHold: true }");
    const planned = await lockManifests(store, held, TODAY, { apply: false });
    expect(renderManifestLocks(planned!, false)).toMatch(
      /~ genomics-core\/rnaseq\/thesis: retained \(GOVERNANCE\) through 2040-06-30, legal hold set \(planned\)/,
    );
    // A plan writes nothing. (Locks are read from HeadObject, as the store reads them: moto's
    // GetObjectRetention answers in a form the SDK cannot parse.)
    const head = () => client.send(new HeadObjectCommand({ Bucket: "labenv-objects", Key: KEY }));
    expect((await head()).ObjectLockMode).toBeUndefined();

    const applied = await lockManifests(store, held, TODAY, { apply: true });
    expect(applied).toMatchObject({ enabled: true, results: [{ change: { legalHold: true } }] });
    const locked = await head();
    expect(locked.ObjectLockMode).toBe("GOVERNANCE");
    expect(locked.ObjectLockRetainUntilDate?.toISOString()).toBe("2040-07-01T00:00:00.000Z");
    expect(locked.ObjectLockLegalHoldStatus).toBe("ON");
    const { VersionId } = await client.send(
      new HeadObjectCommand({ Bucket: "labenv-objects", Key: KEY }),
    );
    // moto refuses it with a bare 403 (no error document), so only the refusal is asserted.
    await expect(
      client.send(new DeleteObjectCommand({ Bucket: "labenv-objects", Key: KEY, VersionId })),
    ).rejects.toThrow();
    await expect(
      client.send(new HeadObjectCommand({ Bucket: "labenv-objects", Key: KEY, VersionId })),
    ).resolves.toMatchObject({ VersionId });

    // Nothing more to do on the next run.
    const again = await lockManifests(store, held, TODAY, { apply: true });
    expect(renderManifestLocks(again!, true)).toMatch(
      /· 1 manifest locked as their retention asks/,
    );

    // legalHold removed in git: the hold is released; the retention stays (never shortened).
    const released = await lockManifests(store, repoWith("{ keepUntil: 2030-01-01 }"), TODAY, {
      apply: true,
    });
    expect(renderManifestLocks(released!, true)).toMatch(/legal hold released \(removed in git\)/);
    const hold = await client.send(
      new GetObjectLegalHoldCommand({ Bucket: "labenv-objects", Key: KEY }),
    );
    expect(hold.LegalHold?.Status).toBe("OFF");
    expect((await head()).ObjectLockRetainUntilDate?.toISOString()).toBe(
      "2040-07-01T00:00:00.000Z",
    );
    await expect(
      client.send(new DeleteObjectCommand({ Bucket: "labenv-objects", Key: KEY, VersionId })),
    ).rejects.toThrow();
  });

  it("a document gone from git leaves the hold as it is, and the manifest's own retention still applies", async () => {
    const store = await bucket("labenv-gone", true);
    await lockManifests(store, repoWith("{ legalHold: true }"), TODAY, { apply: true });
    const gone = await lockManifests(store, repoWith(undefined), TODAY, { apply: true });
    expect(gone).toMatchObject({ enabled: true, results: [{ change: {} }] });
    const hold = await client.send(
      new GetObjectLegalHoldCommand({ Bucket: "labenv-gone", Key: KEY }),
    );
    expect(hold.LegalHold?.Status).toBe("ON");
  });

  it("a bucket without Object Lock is said, and nothing is written", async () => {
    const store = await bucket("labenv-plain", false);
    const locks = await lockManifests(store, repoWith("{ legalHold: true }"), TODAY, {
      apply: true,
    });
    expect(locks).toMatchObject({ enabled: false, manifests: 1 });
    expect(renderManifestLocks(locks!, true)).toMatch(
      /⚠ s3:\/\/labenv-plain has no S3 Object Lock: 1 snapshot manifest can be deleted or overwritten.*one-way change/,
    );
  });
});
