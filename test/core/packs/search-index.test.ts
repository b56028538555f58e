// Searching registry indexes: a pack is found by its name, description, keywords, the packages
// it pins and its kernels, ranked name first, then name parts and keywords, then the rest; an
// index published before keywords and package lists were indexed is still searched by name and
// description.
import { describe, expect, it } from "vitest";
import { searchIndexes } from "../../../reconciler/core/packs/search-index.js";
import type { DomainPackRegistry } from "../../../reconciler/core/model/documents.js";

const CHECKSUM = `sha256:${"a".repeat(64)}`;
const pack = (extra: Record<string, unknown>) => ({
  latest: "1.0.0",
  trust: "verified" as const,
  versions: { "1.0.0": { checksum: CHECKSUM } },
  ...extra,
});
const index = (packs: Record<string, ReturnType<typeof pack>>): DomainPackRegistry => ({
  apiVersion: "labenv.westtek.io/v1",
  kind: "DomainPackRegistry",
  metadata: { name: "registry" },
  spec: { packs },
});

const registry = index({
  genomics: pack({
    description: "RNA-seq analysis",
    keywords: ["single-cell", "transcriptomics"],
    packages: ["scanpy", "anndata"],
    kernels: ["python3 python", "ir R"],
  }),
  scrna: pack({ description: "Single-cell atlases", packages: ["scanpy"] }),
  climate: pack({ description: "Climate model output", kernels: ["julia-1.10 julia"] }),
  legacy: pack({ description: "An index from before keywords: scanpy mentioned here" }),
});
const names = (words: string[]) =>
  searchIndexes([{ registry: "rc", index: registry }], words).map((h) => `${h.name}:${h.score}`);

describe("searchIndexes", () => {
  it("finds a pack by a package it pins, and by its description in an older index", () => {
    expect(names(["scanpy"])).toEqual(["genomics:1", "legacy:1", "scrna:1"]);
  });

  it("ranks a keyword above a word only in another pack's description", () => {
    expect(names(["single-cell"])).toEqual(["genomics:2", "scrna:1"]);
  });

  it("finds a pack by a kernel's language or name, not by a part of one", () => {
    expect(names(["julia"])).toEqual(["climate:1"]);
    expect(names(["ir"])).toEqual(["genomics:1"]);
    expect(names(["jul"])).toEqual([]);
  });

  it("needs every word, and ranks the pack's own name first", () => {
    expect(names(["genomics", "scanpy"])).toEqual(["genomics:4"]);
    expect(names(["scanpy", "julia"])).toEqual([]);
  });
});
