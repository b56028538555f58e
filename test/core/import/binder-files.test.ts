import { describe, expect, it } from "vitest";
import {
  detectFormat,
  readImport,
  unsupportedFile,
} from "../../../reconciler/core/import/import-source.js";

const read = (file: string, text: string) => {
  const r = readImport({ file, text });
  if (!r) throw new Error(`${file} not recognised`);
  return r;
};
const at = (r: ReturnType<typeof read>) =>
  r.result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe("files that are named for what they are", () => {
  it("runtime.txt, apt.txt, install.R, Pipfile and Pipfile.lock are recognised by name, whatever they contain", () => {
    expect(detectFormat("binder/runtime.txt", "python-3.10\n")).toBe("runtime-txt");
    expect(detectFormat("apt.txt", "ffmpeg\n")).toBe("apt-txt");
    expect(detectFormat("binder/install.R", 'install.packages("x")\n')).toBe("install-r");
    expect(detectFormat("Pipfile", "[packages]\n")).toBe("pipfile");
    expect(detectFormat("Pipfile.lock", "{}")).toBe("pipfile-lock");
    expect(detectFormat("deps.json", '{"_meta": {}, "default": {}}')).toBe("pipfile-lock");
    expect(detectFormat("packages.txt", "numpy=1.26.4=py311h64a7726_0\n")).toBe("conda-list");
    expect(detectFormat("spec.txt", "@EXPLICIT\nhttps://x/linux-64/a-1-0.conda\n")).toBe(
      "conda-list",
    );
    // requirements and freeze files stay what they were
    expect(detectFormat("requirements.txt", "numpy==1.26.4\npandas>=2\n")).toBe("requirements-txt");
    expect(detectFormat("freeze.txt", "numpy==1.26.4\n")).toBe("pip-freeze");
  });

  it("project files labenv does not import are named with the reason and what to do", () => {
    for (const f of [
      "postBuild",
      "binder/start",
      "Dockerfile",
      "setup.py",
      "pyproject.toml",
      "Project.toml",
      "renv.lock",
      "default.nix",
    ]) {
      expect(unsupportedFile(f), f).toMatchObject({
        reason: expect.any(String) as unknown,
        hint: expect.any(String) as unknown,
      });
      expect(detectFormat(f, "numpy\n"), f).toBeUndefined();
    }
    expect(unsupportedFile("requirements.txt")).toBeUndefined();
  });

  it("runtime.txt: python-3.X becomes the import's Python, never a requirement; anything else is a positioned error", () => {
    const py = read("runtime.txt", "python-3.10\n");
    expect([py.result.python, py.result.packages, py.result.pythonSource]).toEqual([
      "==3.10.*",
      [],
      { file: "runtime.txt", line: 1 },
    ]);
    expect(read("runtime.txt", "python-3.11.9").result.python).toBe("==3.11.9");
    expect(at(read("runtime.txt", "\n  python3.10\n"))).toEqual([
      '2:3 error "python3.10" is not a runtime labenv knows',
    ]);
    expect(at(read("runtime.txt", "python-3.10\npython-3.11\n"))).toEqual([
      '2:1 error runtime.txt names one runtime; "python-3.11" is a second one',
    ]);
  });

  it("apt.txt: every name is a system package; a name apt would refuse is a positioned error", () => {
    const r = read("apt.txt", "# tools\nffmpeg\nlibgdal-dev=3.6.2+dfsg-1  # pinned\nBad_Name\n");
    expect(
      r.result.unmapped.map((u) => `${u.kind} ${u.name} ${u.version ?? ""} ${u.source.line}`),
    ).toEqual(["system-package ffmpeg  2", "system-package libgdal-dev 3.6.2+dfsg-1 3"]);
    expect(at(r)).toEqual(['4:1 error "Bad_Name" is not a Debian package name']);
  });

  it("install.R: package names across lines, named arguments skipped, an unterminated string is positioned", () => {
    const r = read(
      "install.R",
      'install.packages(\n  pkgs = c("ggplot2",\n           "dplyr"),\n  repos = "https://cran.r-project.org")\nremotes::install_version("Seurat", version = "4.4.0")\nlibrary(ggplot2)\n',
    );
    expect(
      r.result.unmapped.map(
        (u) => `${u.kind} ${u.name ?? u.text} ${u.version ?? ""} ${u.source.line}`,
      ),
    ).toEqual([
      "r-package ggplot2  2",
      "r-package dplyr  3",
      "r-package Seurat 4.4.0 5",
      "script library(ggplot2)  6",
    ]);
    expect(at(read("install.R", 'x <- 1\ninstall.packages("abc)\n'))).toEqual([
      "2:18 error unterminated string starting here",
    ]);
  });

  it("Pipfile: TOML errors are positioned; package tables, markers and per-package indexes are read or reported", () => {
    expect(at(read("Pipfile", '[packages]\nnumpy = "==1.26.4"\npandas = \n'))).toEqual([
      "3:10 error not a Pipfile: TOML expected a value: a string, true/false, a number, [array] or {table}",
    ]);
    expect(at(read("Pipfile", '[packages]\nnumpy = "==1.26.4"\nnumpy = "*"\n'))).toEqual(
      ["4:1 error not a Pipfile: TOML duplicate key numpy"].map((s) => s.replace("4:1", "3:1")),
    );
    const r = read(
      "Pipfile",
      '[packages]\npywin32 = {version = "*", sys_platform = "== \'win32\'"}\ntorch = {version = "==2.3.1", index = "pytorch"}\nbad = "=>1"\n[pipenv]\nallow_prereleases = true\n',
    );
    expect(r.result.packages.map((p) => `${p.name} ${p.markers ?? ""}`)).toEqual([
      'pywin32 sys_platform == "win32"',
      "torch ",
    ]);
    expect(r.result.options).toEqual([{ name: "--pre", source: { file: "Pipfile", line: 6 } }]);
    expect(at(r)).toEqual([
      '3:31 warning torch is to come from the [[source]] named "pytorch"; labenv resolves every package from the one index in labenv.yaml',
      expect.stringMatching(/^4:1 error bad: .* in "bad=>1"$/),
    ]);
  });

  it("Pipfile.lock: bad JSON and bad entries are positioned; python_full_version is the exact Python", () => {
    expect(
      at(read("Pipfile.lock", '{"_meta": {}, "default": {"numpy": {"version": "==1.26.4",}}}')),
    ).toEqual([expect.stringMatching(/^1:59 error not valid JSON/)]);
    const r = read(
      "Pipfile.lock",
      '{\n "_meta": {"requires": {"python_full_version": "3.11.9"}},\n "default": {\n  "numpy": {"version": "=1.26"}\n }\n}\n',
    );
    expect(r.result.python).toBe("==3.11.9");
    expect(at(r)).toEqual([
      expect.stringMatching(/^4:12 error default\.numpy: .* in "numpy=1\.26"$/),
    ]);
  });

  it("conda lists: lines that are neither name=version=build nor package URLs are positioned errors", () => {
    const exported = read(
      "packages.txt",
      "# platform: linux-64\nnumpy=1.26.4=py311h64a7726_0\nscipy=1.13.1=py311h=x\n",
    );
    expect(exported.format).toBe("conda-list");
    expect(exported.result.packages.map((p) => `${p.name}${p.specifier} ${p.build ?? ""}`)).toEqual(
      ["numpy==1.26.4 py311h64a7726_0"],
    );
    expect(at(exported)).toEqual([
      '3:1 error "scipy=1.13.1=py311h=x" is not a name=version=build line',
    ]);
    const explicit = read(
      "spec.txt",
      "@EXPLICIT\nhttps://conda.anaconda.org/conda-forge/linux-64/numpy-2.1.2-py312h58c1407_0.conda#b7e9\nnot-a-url\n",
    );
    expect(explicit.result.packages.map((p) => `${p.channel}::${p.name}${p.specifier}`)).toEqual([
      "conda-forge::numpy==2.1.2",
    ]);
    expect(at(explicit)).toEqual(['3:1 error "not-a-url" is not a conda package URL']);
  });

  it("conda lists: the # platform: and @EXPLICIT lines, builds and URLs are reported, never dropped silently", () => {
    const explicit = read(
      "spec.txt",
      "# This file may be used to create an environment using:\n# platform: osx-arm64\n@EXPLICIT\nhttps://conda.anaconda.org/conda-forge/osx-arm64/numpy-2.1.2-py312h58c1407_0.conda#b7e9\nhttps://conda.anaconda.org/bioconda/noarch/pysam-0.22.1-py312h1_0.tar.bz2\n",
    );
    const notes = explicit.result.unmapped.map((u) => `${u.source.line} ${u.kind} ${u.text}`);
    expect(notes).toEqual([
      "2 conda-header # platform: osx-arm64",
      "3 conda-header @EXPLICIT",
      "4 conda-channel the download URLs of 2 packages (channels bioconda, conda-forge)",
    ]);
    expect(explicit.result.unmapped[0]!.reason).toMatch(
      /made on osx-arm64, and labenv's images are Linux x86_64/,
    );
    expect(at(explicit)).toEqual([
      "2:1 warning the list was made on osx-arm64, not linux-64: the environment is resolved for Linux x86_64",
    ]);
    const linux = read("packages.txt", "# platform: linux-64\nnumpy=1.26.4=py311h64a7726_0\n");
    expect(at(linux)).toEqual([]);
    expect(linux.result.unmapped.map((u) => `${u.source.line} ${u.kind} ${u.text}`)).toEqual([
      "1 conda-header # platform: linux-64",
      "2 conda-build the build strings of 1 package",
    ]);
  });
});
