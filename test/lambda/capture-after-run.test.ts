// The reconciler Lambda's capture step (capture-after-run.ts), with stand-ins for the provider,
// the snapshot sources and the git host: a run whose home inventory is pending leaves the
// snapshot requested and writes nothing; the run after it writes the manifest before it asks the
// git host for the record; a repository that asks for no snapshot reads nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../reconciler/adapters/file/directory-object-store.js";
import { keys } from "../../reconciler/core/desire/names.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import type { ObservedResource } from "../../reconciler/core/model/resources.js";
import { snapshotObjects } from "../../reconciler/core/snapshots/manifest.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { captureAfterRun } from "../../reconciler/lambda/capture-after-run.js";
import type { GitHost } from "../../reconciler/ports/git-host.js";
import type { Provider } from "../../reconciler/ports/provider.js";
import type { HomeCapture, SnapshotSources } from "../../reconciler/ports/snapshot-sources.js";
import { exampleFiles } from "../helpers/example-repo.js";

const ID = "genomics-core/rnaseq/before-genomics-2";
const RP = "arn:aws:backup:eu-west-1:123456789012:recovery-point:0b1c";
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/genomics-core@sha256:${"e".repeat(64)}`;
const repository = loadRepository(exampleFiles(), createSchemaValidator()).repository;
const input = { commit: "c".repeat(40), today: "2026-12-07", baseBranch: "main" };

function part(kind: "ebs-snapshot" | "backup-job", key: string, id: string): ObservedResource {
  return {
    kind,
    key,
    environment: "genomics-core/rnaseq",
    id,
    spec: {},
    tags: {},
    status: kind === "ebs-snapshot" ? "completed" : "COMPLETED",
  } as unknown as ObservedResource;
}

const provider = {
  label: "aws eu-west-1 / cluster labenv",
  observe: async () => ({
    resources: [
      part(
        "ebs-snapshot",
        keys.snapshot("genomics-core", "rnaseq", "before-genomics-2"),
        "snap-0a1",
      ),
      part("backup-job", keys.backup("genomics-core", "rnaseq", "before-genomics-2"), RP),
    ],
  }),
} as unknown as Provider;

function sources(home: HomeCapture): SnapshotSources {
  return {
    volumeSnapshot: async () => ({ state: "completed" }),
    backupJob: async () => ({ state: "COMPLETED", recoveryPointArn: RP }),
    recoveryPointFiles: async () => undefined,
    captureHome: async () => home,
    observation: async (environment) => ({
      apiVersion: "labenv.westtek.io/v1",
      kind: "Observation",
      metadata: {
        lab: "genomics-core",
        environment: environment.split("/")[1]!,
        observedAt: "2026-12-07T03:00:00Z",
        source: "agent",
      },
      spec: {
        packages: [{ name: "numpy", version: "1.26.4" }],
        kernels: [],
        extensions: [],
        jupyterConfig: [],
      },
    }),
    runningImage: async () => IMAGE,
  };
}

describe("the reconciler Lambda's capture step", () => {
  it("waits while the home's inventory task runs, then writes the manifest before it proposes the record", async () => {
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    const asked: string[] = [];
    const gitHost = async (): Promise<GitHost> => {
      asked.push(
        (await objects.get(snapshotObjects.manifest(ID))) ? "manifest written" : "no manifest",
      );
      throw new Error("GitHub is not reachable from this test");
    };
    const only = {
      ...repository,
      snapshots: new Map([[ID, repository.snapshots.get(ID)!]]),
      shares: new Map(),
    };
    const first = await captureAfterRun(only, input, {
      provider,
      objects,
      sources: () =>
        sources({ state: "pending", reason: "started the home-inventory task arn:aws:ecs:…" }),
      gitHost,
      now: () => new Date("2026-12-07T03:10:00Z"),
    });
    expect(first?.snapshots).toEqual([
      { id: ID, outcome: "requested", reason: "started the home-inventory task arn:aws:ecs:…" },
    ]);
    expect(first?.records).toBeUndefined();
    expect(await objects.get(snapshotObjects.manifest(ID))).toBeUndefined();

    const second = await captureAfterRun(only, input, {
      provider,
      objects,
      sources: () =>
        sources({
          state: "done",
          files: [{ path: "analysis.ipynb", size: 2, sha256: "a".repeat(64) }],
        }),
      gitHost,
      now: () => new Date("2026-12-07T03:30:00Z"),
    });
    expect(second?.snapshots).toEqual([
      { id: ID, outcome: "captured", digest: expect.stringMatching(/^sha256:/) },
    ]);
    expect(asked).toEqual(["manifest written"]);
    expect(second?.records).toEqual({ skipped: "GitHub is not reachable from this test" });
  });

  it("reads nothing when the repository asks for no snapshot", async () => {
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), "labenv-objects-")));
    const none = { ...repository, snapshots: new Map(), shares: new Map() };
    const r = await captureAfterRun(none, input, {
      provider,
      objects,
      sources: () => {
        throw new Error("no sources are opened");
      },
      gitHost: async () => {
        throw new Error("no git host is opened");
      },
      now: () => new Date(),
    });
    expect(r).toBeUndefined();
  });
});
