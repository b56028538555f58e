import { describe, expect, it } from "vitest";
import {
  shareWords,
  snapshotWords,
  successionWords,
} from "../../../reconciler/core/audit/document-words.js";
import { environmentWords } from "../../../reconciler/core/audit/environment-words.js";
import { lockWords } from "../../../reconciler/core/audit/lock-words.js";

const env = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  kind: "Environment",
  metadata: { name: "rnaseq", lab: "genomics-core", experiment: "EXP-1", ...metadata },
  spec: {
    owner: "mchen",
    domainPack: "genomics@^1.1",
    resources: { cpu: 1024, memory: 8192 },
    packages: ["pydeseq2>=0.4.10,<0.5"],
    ...spec,
  },
});
const lock = (
  packages: [string, string][],
  pack = "1.1.0",
  extra: Record<string, unknown> = {},
) => ({
  kind: "EnvironmentLock",
  spec: {
    domainPack: { name: "genomics", version: pack },
    image: "r/g@sha256:" + "1".repeat(64),
    python: "3.11.9",
    inputDigest: "sha256:x",
    packages: packages.map(([name, version]) => ({ name, version, source: "pack" })),
    ...extra,
  },
});

describe("plain words for environment changes", () => {
  it("names owner, resources, domain pack and package request changes", () => {
    const words = environmentWords(
      env({}),
      env(
        {
          owner: "ajones",
          domainPack: "genomics@^2.0",
          resources: { cpu: 2048, memory: 8192, storageGiB: 100 },
          packages: ["pydeseq2>=0.5", "scanpy>=1.10"],
        },
        { experiment: "EXP-2" },
      ),
    );
    expect(words).toEqual([
      "owner mchen → ajones",
      "experiment EXP-1 → EXP-2",
      "domain pack request genomics@^1.1 → genomics@^2.0",
      "package request pydeseq2>=0.4.10,<0.5 → pydeseq2>=0.5",
      "package request scanpy>=1.10 added",
      "resources cpu 1024 → 2048",
      "resources storageGiB set to 100",
    ]);
  });

  it("says created and deleted", () => {
    expect(environmentWords(undefined, env({}))).toEqual([
      "environment created (owner mchen, domain pack genomics@^1.1, experiment EXP-1)",
    ]);
    expect(environmentWords(env({}), undefined)).toEqual(["environment deleted"]);
  });

  it("says a raised restoreFrom.attempt is a retry of the restore", () => {
    const from = (attempt?: number) =>
      env({
        restoreFrom: { snapshot: "genomics-core/rnaseq/thesis", ...(attempt ? { attempt } : {}) },
      });
    expect(environmentWords(from(), from(2))).toEqual([
      "restore retried: attempt 2 of the restore from genomics-core/rnaseq/thesis",
    ]);
    expect(environmentWords(from(2), from(3))).toEqual([
      "restore retried: attempt 3 of the restore from genomics-core/rnaseq/thesis",
    ]);
    expect(environmentWords(from(2), from(2))).toEqual([]);
  });
});

describe("plain words for lock changes", () => {
  it("lists locked package versions, the domain pack and the image", () => {
    const before = lock([
      ["numpy", "1.26.4"],
      ["scanpy", "1.10.1"],
      ["old", "1.0"],
    ]);
    const after = lock(
      [
        ["numpy", "2.0.1"],
        ["scanpy", "1.10.1"],
        ["anndata", "0.10.9"],
      ],
      "1.2.0",
      { image: "r/g@sha256:" + "2".repeat(64) },
    );
    const d = lockWords(before, after);
    expect(d.words).toEqual([
      "domain pack genomics 1.1.0 → 1.2.0",
      "image r/g@sha256:111111111111… → r/g@sha256:222222222222…",
      "anndata 0.10.9 added",
      "numpy 1.26.4 → 2.0.1",
      "old 1.0 removed",
    ]);
    expect(d.packages).toEqual([
      { name: "anndata", to: "0.10.9" },
      { name: "numpy", from: "1.26.4", to: "2.0.1" },
      { name: "old", from: "1.0" },
    ]);
  });

  it("a changed image shows its repository, never a digest alone", () => {
    const digest = "sha256:" + "0".repeat(64);
    const words = (a: string, b: string) =>
      lockWords(
        lock([["a", "1"]], "1.1.0", { image: a }),
        lock([["a", "1"]], "1.1.0", { image: b }),
      ).words;
    // Only the repository changed: the digest alone would read as no change at all.
    expect(
      words(`ghcr.io/lab/notebook@${digest}`, `docker.io/someone-else/notebook@${digest}`),
    ).toEqual([
      "image ghcr.io/lab/notebook@sha256:000000000000… → docker.io/someone-else/notebook@sha256:000000000000…",
    ]);
  });

  it("reads a lock of an unexpected shape without failing", () => {
    expect(
      lockWords(
        { spec: { packages: "not a list" } },
        { spec: { packages: [{ version: 1 }], somethingNew: 3 } },
      ).words,
    ).toEqual(['packages not a list → [{"version":1}]', "somethingNew set to 3"]);
    expect(lockWords(lock([["a", "1"]]), lock([["a", "1"]])).words).toEqual([
      "lock regenerated (nothing locked changed)",
    ]);
    expect(lockWords(undefined, lock([["a", "1"]])).words).toEqual([
      "lock created (domain pack genomics 1.1.0, 1 packages)",
    ]);
  });
});

describe("plain words for snapshots, shares and successions", () => {
  const share = {
    spec: {
      environment: "rnaseq",
      to: { lab: "ml-vision", members: ["dsato"] },
      access: "read-only",
      expires: "2027-06-30",
      purpose: "p",
    },
  };
  it("says requested (git holds the request, not the capture), granted, revoked and handed over", () => {
    expect(snapshotWords("before-upgrade", undefined, {})).toEqual([
      "snapshot before-upgrade requested",
    ]);
    expect(shareWords("s", undefined, share)).toEqual([
      "shared with ml-vision as s (read-only, until 2027-06-30, members [dsato])",
    ]);
    expect(shareWords("s", share, undefined)).toEqual(["share s with ml-vision revoked"]);
    expect(
      shareWords("s", share, { spec: { ...share.spec, expires: "2027-12-31", purpose: "q" } }),
    ).toEqual(["share s: expires 2027-06-30 → 2027-12-31", "share s: purpose changed"]);
    expect(
      successionWords("g", undefined, {
        spec: { from: "lwu", to: "ajones", effective: "2026-12-31" },
      }),
    ).toEqual(["succession g: lwu → ajones (every environment they own), effective 2026-12-31"]);
  });
});
