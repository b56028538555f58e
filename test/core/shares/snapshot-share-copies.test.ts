// Issue 16: what a read-only share of a snapshot grants from — only a copy whose restore was
// checked identical, recorded under its own key — and the rule that the snapshot keeps a home.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import { shareGrants } from "../../../reconciler/core/desire/share-grants.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import {
  copyKey,
  readShareCopies,
  shareCopyObjects,
} from "../../../reconciler/core/shares/snapshot-share-copies.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles, TODAY } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const ID = "genomics-core/rnaseq-to-ml-vision";
const SNAPSHOT = "genomics-core/rnaseq/before-genomics-2";
const COPY = "/labs/genomics-core/shares/rnaseq-to-ml-vision/before-genomics-2";
const record = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ share: ID, snapshot: SNAPSHOT, path: COPY, ok: true, ...over });

describe("shares of a snapshot", () => {
  it("grant only from a copy recorded ok under its own key, and open that copy, not the live home", async () => {
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-copies-")));
    const repo = loadRepository(exampleFiles(), check).repository;
    expect(shareGrants(repo, TODAY, await readShareCopies(objects)).grants).toEqual([]);
    // Not ok, not JSON, or a record kept under another share's key: none grants anything.
    await objects.put(shareCopyObjects.record(ID, SNAPSHOT), record({ ok: false }));
    await objects.put("shares/genomics-core/other/copies/before-genomics-2.json", record());
    await objects.put("shares/genomics-core/broken/copies/x.json", "{not json");
    expect(await readShareCopies(objects)).toEqual(new Map());
    await objects.put(shareCopyObjects.record(ID, SNAPSHOT), record());
    const copies = await readShareCopies(objects);
    expect(copies).toEqual(new Map([[copyKey(ID, SNAPSHOT), COPY]]));
    const { grants } = shareGrants(repo, TODAY, copies);
    expect(grants.map((g) => [g.share, g.member, g.rootPath, g.mountPath])).toEqual([
      [ID, "epetrov", COPY, "/shared/genomics-core/rnaseq"],
    ]);
    // A copy of another snapshot of the same share opens nothing for this one.
    const other = loadRepository(
      editYaml(exampleFiles(), "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml", (d) =>
        d.setIn(["spec", "snapshot"], "later"),
      ),
      check,
    ).repository;
    expect(shareGrants(other, TODAY, copies).grants).toEqual([]);
  });

  it("a snapshot that does not keep the home cannot be shared read-only (share-snapshot-home)", () => {
    const files = editYaml(
      exampleFiles(),
      "environments/genomics-core/rnaseq/snapshots/before-genomics-2.yaml",
      (d) => d.setIn(["spec", "include", "home"], false),
    );
    const [d] = validateFiles(files, check, { today: TODAY }).diagnostics.filter(
      (x) => x.code === "share-snapshot-home",
    );
    expect(d).toMatchObject({
      file: "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml",
      severity: "error",
      path: "spec.snapshot",
    });
    expect(d!.message).toContain("does not keep the home");
  });
});

describe("the copy step where the provider cannot restore a home", () => {
  it("waits, naming why, writes no record, and so grants nothing", async () => {
    const { LabenvError } = await import("../../../reconciler/core/errors.js");
    const { restoreShareCopies } =
      await import("../../../reconciler/core/shares/snapshot-share-copies.js");
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-copies-")));
    const repo = loadRepository(exampleFiles(), check).repository;
    // The snapshot was captured: its manifest names the home's recovery point and files.
    await objects.put(
      `snapshots/${SNAPSHOT}/manifest.json`,
      JSON.stringify({
        apiVersion: "labenv.westtek.io/v1",
        kind: "SnapshotManifest",
        id: SNAPSHOT,
        lab: "genomics-core",
        environment: "rnaseq",
        name: "before-genomics-2",
        capturedAt: "2026-11-23T12:00:00.000Z",
        commit: "c".repeat(40),
        provider: "aws",
        include: { packages: true, home: true },
        lock: {
          key: `objects/sha256/${"b".repeat(64)}`,
          size: 10,
          sha256: "b".repeat(64),
          digest: `sha256:${"b".repeat(64)}`,
        },
        home: {
          recoveryPointArn: "arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-1",
          path: "/labs/genomics-core/environments/rnaseq",
          files: [{ path: "a.txt", size: 1, sha256: "a".repeat(64) }],
        },
      }),
    );
    const restorer = {
      restoreHome: async () => {
        throw new LabenvError("config", "this provider cannot restore a home");
      },
    };
    const out = await restoreShareCopies(
      { repository: repo, today: TODAY },
      { objects, restorer, now: () => new Date("2026-11-23T12:00:00Z") },
    );
    expect(out).toEqual([
      {
        share: ID,
        snapshot: SNAPSHOT,
        outcome: "waiting",
        reason: "its copy cannot be restored here: this provider cannot restore a home",
      },
    ]);
    expect(await readShareCopies(objects)).toEqual(new Map());
  });
});

describe("the copy step where the restore spans runs (target: aws: the restore job, then the move task)", () => {
  it("asks the restore to move the snapshot's files into the share's own directory, waits while it runs, and records the copy the grants open once it is done", async () => {
    const { restoreShareCopies } =
      await import("../../../reconciler/core/shares/snapshot-share-copies.js");
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-copies-")));
    const repo = loadRepository(exampleFiles(), check).repository;
    const image = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:${"c".repeat(64)}`;
    const file = { path: "a.txt", size: 1, sha256: "a".repeat(64) };
    await objects.put(
      `snapshots/${SNAPSHOT}/manifest.json`,
      JSON.stringify({
        apiVersion: "labenv.westtek.io/v1",
        kind: "SnapshotManifest",
        id: SNAPSHOT,
        capturedAt: "2026-11-23T12:00:00.000Z",
        commit: "c".repeat(40),
        provider: "aws",
        lock: {
          key: `objects/sha256/${"b".repeat(64)}`,
          size: 10,
          sha256: "b".repeat(64),
          digest: `sha256:${"b".repeat(64)}`,
        },
        image,
        home: {
          recoveryPointArn: "arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-1",
          path: "/labs/genomics-core/environments/rnaseq",
          files: [file],
        },
      }),
    );
    const asked: unknown[] = [];
    let done = false;
    const restorer = {
      restoreHome: async () => {
        throw new Error("a restore that spans runs is asked step by step");
      },
      restoreHomeStep: async (rp: string, from: string, to: string, move: unknown) => {
        asked.push({ rp, from, to, move });
        return done
          ? {
              state: "done" as const,
              home: {
                restoreDirectory: "/aws-backup-restore_20261123T120500Z",
                placed: "home" as const,
                path: to,
                files: [file],
                left: 0,
              },
            }
          : { state: "pending" as const, reason: "waiting for the restore-move task arn:…" };
      },
    };
    const run = () =>
      restoreShareCopies(
        { repository: repo, today: TODAY },
        { objects, restorer, now: () => new Date("2026-11-23T12:10:00Z") },
      );
    expect(await run()).toEqual([
      {
        share: ID,
        snapshot: SNAPSHOT,
        outcome: "waiting",
        reason: "its copy: waiting for the restore-move task arn:…",
      },
    ]);
    expect(asked).toEqual([
      {
        rp: "arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-1",
        from: "/labs/genomics-core/environments/rnaseq",
        to: COPY,
        move: { environment: "genomics-core/rnaseq", snapshot: SNAPSHOT, image, files: [file] },
      },
    ]);
    expect(await readShareCopies(objects)).toEqual(new Map());
    done = true;
    expect((await run()).map((r) => r.outcome)).toEqual(["restored"]);
    expect(await readShareCopies(objects)).toEqual(new Map([[copyKey(ID, SNAPSHOT), COPY]]));
  });
});
