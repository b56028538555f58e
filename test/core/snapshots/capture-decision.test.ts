import { describe, expect, it } from "vitest";
import {
  decideCapture,
  type CaptureFacts,
} from "../../../reconciler/core/snapshots/capture-decision.js";
import type { Loaded } from "../../../reconciler/core/model/documents.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";

const snapshot = (include: { packages?: boolean; home?: boolean }): Loaded<"Snapshot"> =>
  ({
    kind: "Snapshot",
    file: "environments/genomics-core/rnaseq/snapshots/thesis.yaml",
    doc: {
      apiVersion: "labenv.westtek.io/v1",
      kind: "Snapshot",
      metadata: { name: "thesis", lab: "genomics-core", environment: "rnaseq" },
      spec: { requestedBy: "rpatel", reason: "thesis figures", include },
    },
  }) as unknown as Loaded<"Snapshot">;

const volume = (status: string): ObservedResource =>
  ({
    kind: "ebs-snapshot",
    key: "ebs-snapshot:genomics-core/rnaseq/thesis",
    environment: "genomics-core/rnaseq",
    id: "snap-1",
    status,
    tags: {},
    spec: {},
  }) as unknown as ObservedResource;
const backup = (status: string | undefined): ObservedResource =>
  ({
    kind: "backup-job",
    key: "backup-job:genomics-core/rnaseq/thesis",
    environment: "genomics-core/rnaseq",
    id: "JOB-1",
    ...(status ? { status } : {}),
    tags: {},
    spec: {},
  }) as unknown as ObservedResource;

const facts = (
  include: { packages?: boolean; home?: boolean },
  environment: CaptureFacts["environment"],
  seen: ObservedResource[],
  manifestKey?: string,
): CaptureFacts => ({
  snapshot: snapshot(include),
  environment,
  observed: new Map(seen.map((o) => [o.key, o])),
  ...(manifestKey ? { manifestKey } : {}),
});

describe("decideCapture: a Snapshot document is captured, requested or failed — never captured for a request", () => {
  const both = { packages: true, home: true };
  it.each([
    ["a manifest exists", facts(both, "running", [], "snapshots/x/manifest.json"), "captured", ""],
    ["nothing taken yet", facts(both, "running", []), "requested", "has not been taken yet"],
    [
      "volume done, backup not taken",
      facts(both, "running", [volume("completed")]),
      "requested",
      "home's backup has not been taken",
    ],
    [
      "volume pending",
      facts(both, "running", [volume("pending"), backup("COMPLETED")]),
      "requested",
      "waiting for the /opt/jupyter volume snapshot snap-1 (pending)",
    ],
    [
      "backup running",
      facts(both, "running", [volume("completed"), backup("RUNNING")]),
      "requested",
      "(RUNNING)",
    ],
    [
      "volume error",
      facts(both, "running", [volume("error"), backup("COMPLETED")]),
      "failed",
      "snap-1 ended error",
    ],
    [
      "backup failed",
      facts(both, "running", [volume("completed"), backup("FAILED")]),
      "failed",
      "ended FAILED",
    ],
    [
      "stopped, no volume snapshot",
      facts(both, "stopped", []),
      "requested",
      "is stopped, so there is no volume to snapshot",
    ],
    [
      "stopped, parts taken",
      facts(both, "stopped", [volume("completed"), backup("COMPLETED")]),
      "requested",
      "is stopped: its container cannot be observed",
    ],
    ["environment gone from git", facts(both, "absent", []), "failed", "is not in git"],
    [
      "includes nothing",
      facts({ packages: false }, "running", []),
      "failed",
      "neither packages nor home",
    ],
    [
      "both complete",
      facts(both, "running", [volume("completed"), backup("COMPLETED")]),
      "capture",
      "",
    ],
    [
      "home only, recovery point without a status (AWS)",
      facts({ packages: false, home: true }, "running", [backup(undefined)]),
      "capture",
      "",
    ],
    ["packages only", facts({}, "running", [volume("completed")]), "capture", ""],
  ])("%s → %s", (_name, f, outcome, reason) => {
    const d = decideCapture(f);
    expect(d.outcome).toBe(outcome);
    expect(d.id).toBe("genomics-core/rnaseq/thesis");
    if (reason) expect("reason" in d ? d.reason : "").toContain(reason);
  });

  it("names the ids the manifest records", () => {
    expect(
      decideCapture(
        facts({ packages: true, home: true }, "running", [
          volume("completed"),
          backup("COMPLETED"),
        ]),
      ),
    ).toEqual({
      id: "genomics-core/rnaseq/thesis",
      outcome: "capture",
      volumeSnapshotId: "snap-1",
      backupId: "JOB-1",
    });
  });
});
