import { describe, expect, it } from "vitest";
import { importPipFreeze } from "../../../reconciler/core/import/index.js";

function read(text: string) {
  return importPipFreeze({ file: "freeze.txt", text });
}

describe("pip freeze", () => {
  it("pins every name==version line", () => {
    const result = read("Babel==2.15.0\njupyter_client==8.6.2\npython-dateutil==2.9.0.post0\n");
    expect(result.packages.map((p) => [p.name, p.exact])).toEqual([
      ["babel", "2.15.0"],
      ["jupyter-client", "8.6.2"],
      ["python-dateutil", "2.9.0.post0"],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it("reports conda's file:// lines and editable installs as unmapped", () => {
    const result = read(
      [
        "Bottleneck @ file:///home/conda/feedstock_root/build_artifacts/bottleneck_1709154325405/work",
        "# Editable install with no version control (labutils==0.3.0)",
        "-e /home/alice/src/labutils",
        "-e git+https://github.com/oceanlab/ohc-tools.git@5c1f0a9e#egg=ohc_tools",
      ].join("\n"),
    );
    expect(result.packages).toEqual([]);
    expect(result.unmapped.map((u) => [u.kind, u.name ?? null, u.source.line])).toEqual([
      ["local-path", "bottleneck", 1],
      ["editable", null, 3],
      ["editable", "ohc-tools", 4],
    ]);
  });

  it("keeps legacy === pins and warns about lines that pin nothing", () => {
    const result = read("pyinterp-legacy===0.9-snapshot\nnumpy>=1.26\nbroken==\n");
    expect(result.packages.map((p) => [p.name, p.specifier, p.exact ?? null])).toEqual([
      ["pyinterp-legacy", "===0.9-snapshot", "0.9-snapshot"],
      ["numpy", ">=1.26", null],
    ]);
    expect(result.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [3, "error"],
      [2, "warning"],
    ]);
  });
});
