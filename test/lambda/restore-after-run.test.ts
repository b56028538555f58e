// The reconciler Lambda's restore step (restore-after-run.ts), with stand-ins for the provider and
// the snapshot sources: an environment restored from a snapshot takes its next step each run (the
// home's restore still pending is said as waiting), the run after the move writes the record, a
// restore done is not done again, and a repository that restores nothing reads nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../reconciler/adapters/file/directory-object-store.js";
import { sha256Hex } from "../../reconciler/core/lock/canonical.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import type { EnvironmentLock, Observation } from "../../reconciler/core/model/documents.js";
import {
  manifestBytes,
  snapshotObjects,
  type SnapshotManifest,
} from "../../reconciler/core/snapshots/manifest.js";
import { lockSpecDigest } from "../../reconciler/core/snapshots/restore-decision.js";
import { restoreObjects } from "../../reconciler/core/snapshots/restore.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { restoreAfterRun, shareCopiesAfterRun } from "../../reconciler/lambda/restore-after-run.js";
import type { Provider } from "../../reconciler/ports/provider.js";
import type {
  HomeMoveRequest,
  HomeRestorer,
  HomeRestoreStep,
  SnapshotSources,
} from "../../reconciler/ports/snapshot-sources.js";
import { exampleFiles } from "../helpers/example-repo.js";

const SNAPSHOT = "genomics-core/rnaseq/thesis";
const RP = "arn:aws:backup:eu-west-1:123456789012:recovery-point:0b1c";
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:${"e".repeat(64)}`;
const HOME = "/labs/genomics-core/environments/rnaseq";
const FILE = { path: "analysis.ipynb", size: 2, sha256: "a".repeat(64) };
const provider = { label: "aws", observe: async () => ({ resources: [] }) } as unknown as Provider;

const files = exampleFiles().map((f) =>
  f.path === "environments/genomics-core/rnaseq/environment.yaml"
    ? {
        ...f,
        content: String(f.content).replace(
          "  state: running\n",
          `  state: running\n  restoreFrom: { snapshot: ${SNAPSHOT} }\n`,
        ),
      }
    : f,
);
const repository = loadRepository(files, createSchemaValidator()).repository;
const observation: Observation = {
  apiVersion: "labenv.westtek.io/v1",
  kind: "Observation",
  metadata: {
    lab: "genomics-core",
    environment: "rnaseq",
    observedAt: "2026-12-07T03:00:00Z",
    source: "agent",
  },
  spec: {
    packages: [{ name: "numpy", version: "1.26.4" }],
    kernels: [],
    extensions: [],
    jupyterConfig: [],
  },
};

async function store() {
  const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
  const lockText = String(
    files.find((f) => f.path === "environments/genomics-core/rnaseq/environment.lock.yaml")!
      .content,
  );
  const lock = parse(lockText) as EnvironmentLock;
  const text = JSON.stringify(observation);
  await objects.put(snapshotObjects.content(sha256Hex(text)), text);
  const manifest = {
    apiVersion: "labenv.westtek.io/v1",
    kind: "SnapshotManifest",
    id: SNAPSHOT,
    capturedAt: "2026-12-01T10:00:00.000Z",
    commit: "a".repeat(40),
    provider: "aws eu-west-1 / cluster labenv",
    lock: {
      key: snapshotObjects.content(sha256Hex(lockText)),
      size: lockText.length,
      sha256: sha256Hex(lockText),
      digest: `sha256:${"d".repeat(64)}`,
      specDigest: lockSpecDigest(lock),
    },
    image: IMAGE,
    observation: {
      key: snapshotObjects.content(sha256Hex(text)),
      size: text.length,
      sha256: sha256Hex(text),
    },
    home: {
      backupJobId: "j",
      recoveryPointArn: RP,
      path: HOME,
      fileCount: 1,
      totalBytes: 2,
      files: [FILE],
    },
  } as unknown as SnapshotManifest;
  await objects.put(snapshotObjects.manifest(SNAPSHOT), manifestBytes(manifest).text);
  return objects;
}

function sources(step: HomeRestoreStep, asked: HomeMoveRequest[]): SnapshotSources & HomeRestorer {
  return {
    volumeSnapshot: async () => undefined,
    backupJob: async () => undefined,
    recoveryPointFiles: async () => undefined,
    captureHome: async () => ({ state: "failed", reason: "not in this test" }),
    observation: async () => observation,
    runningImage: async () => IMAGE,
    restoreHome: async () => {
      throw new Error("on AWS the restore spans runs: restoreHomeStep");
    },
    restoreHomeStep: async (_rp, _from, _to, move) => {
      asked.push(move!);
      return step;
    },
  };
}

describe("the reconciler Lambda's restore step", () => {
  it("says a pending home restore is waiting, then records the finished one, timed from the restore job, and does not do it again", async () => {
    const objects = await store();
    const asked: HomeMoveRequest[] = [];
    const now = () => new Date("2026-12-07T05:00:00Z");
    const first = await restoreAfterRun(repository, now(), {
      provider,
      objects,
      sources: () =>
        sources({ state: "pending", reason: "started the AWS Backup restore job r-1" }, asked),
      now,
    });
    expect(first).toEqual([
      {
        environment: "genomics-core/rnaseq",
        snapshot: SNAPSHOT,
        outcome: "waiting",
        reason: "started the AWS Backup restore job r-1",
      },
    ]);
    expect(asked).toEqual([
      { environment: "genomics-core/rnaseq", snapshot: SNAPSHOT, image: IMAGE, files: [FILE] },
    ]);
    const done: HomeRestoreStep = {
      state: "done",
      startedAt: "2026-12-07T04:00:00.000Z",
      home: {
        restoreDirectory: "/aws-backup-restore_20261207T041005Z",
        placed: "home",
        path: HOME,
        files: [FILE],
        left: 0,
      },
    };
    const second = await restoreAfterRun(repository, now(), {
      provider,
      objects,
      sources: () => sources(done, asked),
      now,
    });
    expect(second).toEqual([
      {
        environment: "genomics-core/rnaseq",
        snapshot: SNAPSHOT,
        outcome: "restored",
        ok: true,
        seconds: 3600,
        home: { identical: 1, files: 1, placed: "home", path: HOME },
      },
    ]);
    expect(
      await objects.get(restoreObjects.record("genomics-core/rnaseq", SNAPSHOT)),
    ).toBeDefined();
    asked.length = 0;
    const third = await restoreAfterRun(repository, now(), {
      provider,
      objects,
      sources: () => sources(done, asked),
      now,
    });
    expect(third?.map((r) => r.outcome)).toEqual(["restored"]);
    expect(asked).toEqual([]);
  });

  it("a failure the restorer says is final is recorded once and not asked for again; a raised restoreFrom.attempt asks again, as attempt 2, recorded apart", async () => {
    const objects = await store();
    const asked: HomeMoveRequest[] = [];
    const now = () => new Date("2026-12-07T05:00:00Z");
    const exhausted: HomeRestoreStep = {
      state: "failed",
      final: true,
      reason: "AWS Backup ended all 3 restore jobs of attempt 1 without restoring (…)",
    };
    const run = (repo: typeof repository, step: HomeRestoreStep) =>
      restoreAfterRun(repo, now(), { provider, objects, sources: () => sources(step, asked), now });
    const failed = {
      environment: "genomics-core/rnaseq",
      snapshot: SNAPSHOT,
      outcome: "failed",
      reason:
        "attempt 1 failed at 2026-12-07T05:00:00.000Z: AWS Backup ended all 3 restore jobs of attempt 1 without restoring (…) — not run again by itself: raise restoreFrom.attempt to 2 in a pull request for a fresh restore (what this attempt left is kept)",
    };
    expect(await run(repository, exhausted)).toEqual([failed]);
    expect(asked).toHaveLength(1);
    // A later run reads the record: the restorer is not asked again.
    expect(await run(repository, { state: "pending", reason: "must not be asked" })).toEqual([
      failed,
    ]);
    expect(asked).toHaveLength(1);
    // A failure the restorer does not call final (a setting missing) is asked again next run.
    const retried = loadRepository(
      files.map((f) =>
        f.path === "environments/genomics-core/rnaseq/environment.yaml"
          ? {
              ...f,
              content: String(f.content).replace(
                `restoreFrom: { snapshot: ${SNAPSHOT} }`,
                `restoreFrom: { snapshot: ${SNAPSHOT}, attempt: 2 }`,
              ),
            }
          : f,
      ),
      createSchemaValidator(),
    ).repository;
    const noRole: HomeRestoreStep = {
      state: "failed",
      reason: "restoring a home needs the backup role",
    };
    expect((await run(retried, noRole))?.map((r) => r.reason)).toEqual([
      "restoring a home needs the backup role",
    ]);
    expect(asked.at(-1)).toMatchObject({ attempt: 2 });
    const done: HomeRestoreStep = {
      state: "done",
      home: {
        restoreDirectory: "/aws-backup-restore_x",
        placed: "home",
        path: HOME,
        files: [FILE],
      },
    };
    expect((await run(retried, done))?.map((r) => [r.outcome, r.attempt, r.ok])).toEqual([
      ["restored", 2, true],
    ]);
    expect(asked).toHaveLength(3);
    const second = JSON.parse(
      Buffer.from(
        (await objects.get(restoreObjects.record("genomics-core/rnaseq", SNAPSHOT, 2)))!,
      ).toString("utf8"),
    );
    expect(second).toMatchObject({ attempt: 2, ok: true });
    // Attempt 1's record is kept as it was.
    const first = JSON.parse(
      Buffer.from(
        (await objects.get(restoreObjects.record("genomics-core/rnaseq", SNAPSHOT)))!,
      ).toString("utf8"),
    );
    expect(first).toMatchObject({ attempt: 1, ok: false, failure: { mendable: true } });
  });

  it("reads nothing when no environment restores from a snapshot", async () => {
    const plain = loadRepository(exampleFiles(), createSchemaValidator()).repository;
    const r = await restoreAfterRun(plain, new Date(), {
      provider: {
        observe: async () => {
          throw new Error("nothing is observed");
        },
      } as unknown as Provider,
      objects: new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-"))),
      sources: () => {
        throw new Error("no sources are opened");
      },
      now: () => new Date(),
    });
    expect(r).toBeUndefined();
  });
});

describe("the reconciler Lambda's share copies step", () => {
  it("says a share of a snapshot not captured yet waits for its copy, and opens no sources for a repository without one", async () => {
    const plain = loadRepository(exampleFiles(), createSchemaValidator()).repository;
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    const r = await shareCopiesAfterRun(plain, "2026-12-07", {
      provider,
      objects,
      sources: () => sources({ state: "pending", reason: "not asked" }, []),
      now: () => new Date(),
    });
    expect(r).toEqual([
      {
        share: "genomics-core/rnaseq-to-ml-vision",
        snapshot: "genomics-core/rnaseq/before-genomics-2",
        outcome: "waiting",
        reason: expect.stringMatching(/is not captured yet/),
      },
    ]);
    const none = { ...plain, shares: new Map() };
    expect(
      await shareCopiesAfterRun(none, "2026-12-07", {
        provider,
        objects,
        sources: () => {
          throw new Error("no sources are opened");
        },
        now: () => new Date(),
      }),
    ).toBeUndefined();
  });
});
