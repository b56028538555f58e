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
});
