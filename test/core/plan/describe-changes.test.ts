import { describe, expect, it } from "vitest";
import { describeChanges, formatChanges } from "../../../reconciler/core/plan/describe-changes.js";

const A = "a".repeat(64);
const Z = "0".repeat(64);

describe("describeChanges", () => {
  it("shows a changed image as repository and digest, never a digest alone", () => {
    const changes = describeChanges(
      { image: `ghcr.io/westtek-research/labenv-genomics@sha256:${A}` },
      { image: `docker.io/someone-else/notebook@sha256:${Z}` },
    );
    expect(formatChanges(changes)).toBe(
      "image ghcr.io/westtek-research/labenv-genomics@sha256:aaaaaaaaaaaa… → docker.io/someone-else/notebook@sha256:000000000000…",
    );
  });

  it("keeps a bare digest short", () => {
    expect(formatChanges(describeChanges({ h: `sha256:${A}` }, { h: `sha256:${Z}` }))).toBe(
      "h sha256:aaaaaaaaaaaa… → sha256:000000000000…",
    );
  });

  it("sees a change past the first 80 characters of a long value (a mount dropped from a list)", () => {
    const one = {
      accessPoint: "access-point:ml-vision/dataset/imagenet-subset",
      path: "/data/imagenet",
      readOnly: true,
    };
    const two = {
      accessPoint: "share-access:genomics-core/rnaseq-to-ml-vision/epetrov",
      path: "/shared/genomics-core/rnaseq",
      readOnly: true,
    };
    const changes = describeChanges({ datasets: [one, two] }, { datasets: [one] });
    expect(changes.map((c) => c.field)).toEqual(["datasets"]);
  });
});
