import { describe, expect, it } from "vitest";
import { convertCondaSpec, importCondaEnvironment } from "../../../reconciler/core/import/index.js";
import { filesOf } from "./fixture-files.js";

function read(text: string, files: Record<string, string> = {}) {
  return importCondaEnvironment({ file: "envs/environment.yml", text, readFile: filesOf(files) });
}

describe("conda match specs", () => {
  it.each([
    ["numpy=1.26", "numpy", "==1.26.*"],
    ["numpy==1.26", "numpy", "==1.26"],
    ["numpy 1.26.4", "numpy", "==1.26.4"],
    ["numpy 1.26.*", "numpy", "==1.26.*"],
    ["numpy=1.26*", "numpy", "==1.26.*"],
    ["scipy>=1.11,<1.14", "scipy", "<1.14,>=1.11"],
    ["conda-forge::xarray", "xarray", ""],
    ["bioconda::htseq 2.0.5 py311h*", "htseq", "==2.0.5"],
    ["numpy=1.26=py311h64a7726_0", "numpy", "==1.26.*"],
    ["pysam[version='>=0.22',build=py311*]", "pysam", ">=0.22"],
    ["blas=*=openblas", "blas", ""],
    ["Python_Dateutil~=2.9", "python-dateutil", "~=2.9"],
  ])("%s → %s %s", (text, name, specifier) => {
    expect(convertCondaSpec(text)).toMatchObject({ ok: true, value: { name, specifier } });
  });

  it.each([
    "r-deseq2|r-edger",
    "numpy 1.2|1.3",
    "openssl=1.1.1w",
    "libfoo=2.0_1",
    "numpy>=1.2*",
    "x=1=2=3",
  ])("%s does not carry over", (text) => {
    expect(convertCondaSpec(text)).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});

describe("conda environment.yml", () => {
  it("separates Python, keeps channel and build, reads the pip section like a requirements file", () => {
    const result = read(
      "name: climate\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - conda-forge::cartopy=0.23.0=py311h*\n  - pip\n  - pip:\n    - cmocean==4.0.3\n    - -r extra.txt\n",
      { "envs/extra.txt": "gsw>=3.6\n" },
    );
    expect(result.python).toBe("==3.11.*");
    expect(result.environmentName).toBe("climate");
    expect(result.channels).toEqual(["conda-forge"]);
    expect(
      result.packages.map((p) => [
        p.name,
        p.specifier,
        p.channel ?? null,
        p.build ?? null,
        `${p.source.file}:${p.source.line}`,
      ]),
    ).toEqual([
      ["cartopy", "==0.23.0.*", "conda-forge", "py311h*", "envs/environment.yml:5"],
      ["pip", "", null, null, "envs/environment.yml:6"],
      ["cmocean", "==4.0.3", null, null, "envs/environment.yml:8"],
      ["gsw", ">=3.6", null, null, "envs/extra.txt:1"],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it("points pip-section problems at the environment file's line and column", () => {
    const result = read('dependencies:\n  - pip\n  - pip:\n      - "numpy>=1.26.*"\n');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: "envs/environment.yml", line: 4, column: 21 }),
    ]);
  });

  it("treats YAML warnings (unknown tags) and duplicate keys as errors with positions", () => {
    expect(read("name: x\nname: y\n").diagnostics[0]).toMatchObject({ line: 2, severity: "error" });
    expect(read("dependencies:\n  - !weird numpy\n").diagnostics[0]).toMatchObject({
      line: 2,
      severity: "error",
    });
    expect(read("dependencies:\n  - numpy\n - [\n").diagnostics.length).toBeGreaterThan(0);
  });

  it("stops alias bombs", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 6; i += 1)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
      );
    lines.push("dependencies: [numpy]");
    expect(read(lines.join("\n")).diagnostics).toEqual([
      expect.objectContaining({ message: expect.stringContaining("YAML could not be read") }),
    ]);
  });

  it("reports specs that do not convert, and entries that are not specs", () => {
    const result = read(
      "dependencies:\n  - openssl=1.1.1w\n  - 3.11\n  - {conda: numpy}\nprefix: /opt/conda/envs/x\n",
    );
    expect(result.unmapped.map((u) => [u.kind, u.source.line])).toEqual([["conda-spec", 2]]);
    expect(result.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [3, "error"],
      [4, "error"],
      [5, "warning"],
    ]);
  });
});
