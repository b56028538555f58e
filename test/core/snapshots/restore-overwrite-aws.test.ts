// restoreFrom.overwrite where restoring over a home is not built (AWS): refused by name before
// anything of the home is touched — no AWS Backup restore job is started — and the plan says so.
import "aws-sdk-client-mock-vitest/extend";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StartRestoreJobCommand } from "@aws-sdk/client-backup";
import { describe, expect, it } from "vitest";
import { AwsSnapshotSources } from "../../../reconciler/adapters/aws/aws-snapshot-sources.js";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { manifestBytes } from "../../../reconciler/core/snapshots/manifest.js";
import { homeOverwrites } from "../../../reconciler/core/snapshots/home-overwrite.js";
import { completeRestores } from "../../../reconciler/core/snapshots/restore.js";
import { lockSpecDigest } from "../../../reconciler/core/snapshots/restore-decision.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { CONFIG, mockedAws } from "../../adapters/aws/fixtures/mocked-aws.js";
import { completedSources, storeSnapshot } from "./stored-snapshots.js";

const SNAPSHOT = "genomics-core/rnaseq/thesis";

describe("restoreFrom.overwrite on AWS", () => {
  it("is refused by name, starting no restore job, and the plan says it will be", async () => {
    const files = editYaml(
      exampleFiles(),
      "environments/genomics-core/rnaseq/environment.yaml",
      (d) => d.setIn(["spec", "restoreFrom"], { snapshot: SNAPSHOT, overwrite: true }),
    );
    const { repository } = loadRepository(files, createSchemaValidator());
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    const stored = await storeSnapshot(objects, SNAPSHOT);
    const manifest = {
      ...stored,
      image: stored.lock.image,
      lock: {
        ...stored.lock,
        specDigest: lockSpecDigest(repository.locks.get("genomics-core/rnaseq")!.doc),
      },
    };
    const aws = mockedAws();
    const now = () => new Date("2026-12-07T04:00:00Z");
    const restorer = new AwsSnapshotSources(CONFIG, aws.clients, objects, [], now);
    const results = await completeRestores(
      {
        repository,
        manifests: new Map([[SNAPSHOT, { manifest, digest: manifestBytes(manifest).digest }]]),
        startedAt: now(),
      },
      {
        objects,
        sources: { ...completedSources(), runningImage: async () => manifest.image },
        restorer,
        now,
      },
    );
    expect(results).toEqual([
      expect.objectContaining({
        environment: "genomics-core/rnaseq",
        outcome: "failed",
        reason: expect.stringMatching(
          /^restoreFrom\.overwrite is not available here yet .*nothing of genomics-core\/rnaseq's home was restored or changed — drop overwrite/,
        ),
      }),
    ]);
    expect(aws.backup).not.toHaveReceivedCommand(StartRestoreJobCommand);
    expect(await objects.list("restores/")).toEqual([]);
    expect(homeOverwrites(repository, { target: "aws" })).toEqual([
      expect.objectContaining({
        environment: "genomics-core/rnaseq",
        reason: expect.stringContaining("is refused on AWS"),
      }),
    ]);
  });
});
