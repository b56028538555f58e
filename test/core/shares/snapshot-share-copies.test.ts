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

describe("the copy step where no home can be restored (target: aws today)", () => {
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
        throw new LabenvError("config", "restoring a home on AWS is not built yet");
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
        reason: "its copy cannot be restored here: restoring a home on AWS is not built yet",
      },
    ]);
    expect(await readShareCopies(objects)).toEqual(new Map());
  });
});
