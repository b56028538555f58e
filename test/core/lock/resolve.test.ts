import { describe, expect, it } from "vitest";
import { parseEmbeddedIndex } from "../../../reconciler/core/lock/package-index.js";
import { resolve } from "../../../reconciler/core/lock/resolve.js";

const index = parseEmbeddedIndex(`
packages:
  scanpy:
    1.10.1: { requires: ["anndata>=0.10", "numpy>=1.23"] }
  requests:
    2.31.0: { requires: ["idna>=2.5,<4", "urllib3<3"] }
    2.32.0: { requires: ["idna>=2.5,<4", "urllib3<3"], yanked: true }
    2.33.0rc1: { requires: ["idna>=2.5,<4", "urllib3<3"] }
  idna:
    3.7: {}
    3.8: { requiresPython: ">=3.12" }
  urllib3:
    2.2.2: {}
  oldlib:
    1.0: { requires: ["backport; python_version < \\"3.9\\""] }
`);
const base = {
  pins: { anndata: "0.9.2", numpy: "1.26.4" },
  packLabel: "genomics@1.2.3",
  python: "3.11.9",
  index,
};

describe("resolve", () => {
  it("names both sides of a conflict with a pack pin", () => {
    const r = resolve({ ...base, requirements: ["scanpy==1.10.1"] });
    expect(r).toEqual({
      ok: false,
      errors: ["scanpy==1.10.1 needs anndata>=0.10 but genomics@1.2.3 pins anndata==0.9.2"],
    });
  });

  it("rejects an environment requirement the pack's pin does not satisfy", () => {
    const r = resolve({ ...base, requirements: ["numpy>=2"] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toBe(
        "environment.yaml asks for `numpy>=2` but genomics@1.2.3 pins numpy==1.26.4",
      );
  });

  it("never picks yanked or pre-release versions unless asked, and honours Requires-Python", () => {
    const r = resolve({ ...base, requirements: ["requests>=2.31"] });
    expect(
      r.ok && r.packages.filter((p) => p.source !== "pack").map((p) => `${p.name}==${p.version}`),
    ).toEqual(["idna==3.7", "requests==2.31.0", "urllib3==2.2.2"]);
    const exact = resolve({ ...base, requirements: ["requests==2.32.0"] });
    expect(exact.ok && exact.packages.find((p) => p.name === "requests")!.version).toBe("2.32.0");
    const pre = resolve({ ...base, requirements: ["requests>=2.33.0rc1"] });
    expect(pre.ok && pre.packages.find((p) => p.name === "requests")!.version).toBe("2.33.0rc1");
  });

  it("skips requirements whose markers do not apply to the image's Python", () => {
    const r = resolve({ ...base, requirements: ["oldlib"] });
    expect(r.ok && r.packages.map((p) => p.name)).toEqual(["anndata", "numpy", "oldlib"]);
  });

  it("records where each package came from, sorted by name", () => {
    const r = resolve({ ...base, requirements: ["Requests>=2.31", "numpy<2"] });
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.packages.map((p) => [p.name, p.source, p.requestedAs ?? ""])).toEqual([
      ["anndata", "pack", ""],
      ["idna", "dependency", ""],
      ["numpy", "pack", "numpy<2"],
      ["requests", "environment", "Requests>=2.31"],
      ["urllib3", "dependency", ""],
    ]);
  });

  it("reports packages missing from the index", () => {
    const r = resolve({ ...base, requirements: ["nosuchpkg>=1"] });
    expect(r).toEqual({
      ok: false,
      errors: ["nosuchpkg (required by `nosuchpkg>=1`) is not in the package index"],
    });
  });
});
