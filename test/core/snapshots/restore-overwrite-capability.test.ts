// restoreFrom.overwrite is decided by the restorer's capability (`overwrites`), not by the
// target's name: a restorer that cannot restore over a home is refused before anything of the
// home is touched (no AWS Backup restore job), and the plan says so; AWS's restorer can, so there
// the overwrite goes to the restore job and then the move task as --replace.
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
import type { HomeRestorer } from "../../../reconciler/ports/snapshot-sources.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { CONFIG, mockedAws } from "../../adapters/aws/fixtures/mocked-aws.js";
import { completedSources, storeSnapshot } from "./stored-snapshots.js";

const SNAPSHOT = "genomics-core/rnaseq/thesis";
const now = () => new Date("2026-12-07T04:00:00Z");

async function overwriting() {
  // Named on AWS: the decision must not come from the target's name.
  const files = editYaml(
    editYaml(exampleFiles(), "labenv.yaml", (d) => d.setIn(["spec", "target"], "aws")),
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
  const restore = (restorer: HomeRestorer) =>
    completeRestores(
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
  return { repository, objects, restore };
}

describe("restoreFrom.overwrite, by the restorer's capability", () => {
  it("a restorer that does not say overwrites is refused, starting no restore job, and the plan says it will be", async () => {
    const { repository, objects, restore } = await overwriting();
    const aws = mockedAws();
    const cannot = new AwsSnapshotSources(CONFIG, aws.clients, objects, [], now);
    // The same restorer, as a provider whose restorer cannot restore over a home would be.
    Object.defineProperty(cannot, "overwrites", { value: false });
    expect(await restore(cannot)).toEqual([
      expect.objectContaining({
        environment: "genomics-core/rnaseq",
        outcome: "failed",
        reason: expect.stringMatching(
          /^restoreFrom\.overwrite is not available here \(this provider's restorer cannot restore over a home's files\): nothing of genomics-core\/rnaseq's home was restored or changed — drop overwrite/,
        ),
      }),
    ]);
    expect(aws.backup).not.toHaveReceivedCommand(StartRestoreJobCommand);
    expect(await objects.list("restores/")).toEqual([]);
    expect(homeOverwrites(repository, { restorer: cannot })).toEqual([
      expect.objectContaining({
        environment: "genomics-core/rnaseq",
        reason: expect.stringContaining("is refused here: this provider's restorer cannot"),
      }),
    ]);
  });

  it("AWS's restorer overwrites: the plan describes the overwrite and the restore starts its restore job", async () => {
    const { repository, objects, restore } = await overwriting();
    const aws = mockedAws();
    aws.backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "restore-job-0001" });
    const restorer = new AwsSnapshotSources(CONFIG, aws.clients, objects, [], now);
    expect(restorer.overwrites).toBe(true);
    expect(homeOverwrites(repository, { restorer })).toEqual([
      expect.objectContaining({
        environment: "genomics-core/rnaseq",
        reason: expect.stringMatching(
          /replaced by the snapshot's version, the current version moved first into \.labenv-replaced\/<time>\/ in the home/,
        ),
      }),
    ]);
    expect(await restore(restorer)).toEqual([
      expect.objectContaining({
        outcome: "waiting",
        reason: expect.stringMatching(/^started the AWS Backup restore job restore-job-0001/),
      }),
    ]);
    expect(aws.backup).toHaveReceivedCommandTimes(StartRestoreJobCommand, 1);
  });
});
