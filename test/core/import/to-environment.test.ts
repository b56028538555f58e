import { expectGolden } from "../../helpers/golden.js";
import { describe, expect, it } from "vitest";
import { readEmbeddedIndex } from "../../../reconciler/adapters/package-index/embedded-index.js";
import { checkImport } from "../../../reconciler/core/import/check-import.js";
import {
  detectFormat,
  readImport,
  type ReadImport,
} from "../../../reconciler/core/import/import-source.js";
import { planImport, type ImportRequest } from "../../../reconciler/core/import/to-environment.js";
import { wantedEnvironment } from "../../../reconciler/core/import/wanted-packages.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles, repoRoot, TODAY } from "../../helpers/example-repo.js";
import { FIXTURES, fixture, readFixture } from "./fixture-files.js";

const check = createSchemaValidator();
const files = exampleFiles();
const { repository } = loadRepository(files, check);
const index = readEmbeddedIndex(repoRoot, repository);
const known = new Set(index.keys());

function read(...paths: string[]): ReadImport[] {
  return paths.map((file) => readImport({ file, text: fixture(file), readFile: readFixture })!);
}

function plan(imports: ReadImport[], overrides: Partial<ImportRequest> = {}) {
  return planImport({
    imports,
    lab: "genomics-core",
    name: "imported",
    owner: "ajones",
    repository,
    knownPackages: known,
    indexName: "package-index.yaml",
    ...overrides,
  });
}

describe("detectFormat", () => {
  it("tells the five kinds apart by content", () => {
    expect(detectFormat("a.json", fixture("kernelspec-list.json"))).toBe("kernelspec");
    expect(detectFormat("inspect.out", fixture("pip-inspect.json"))).toBe("pip-inspect");
    expect(detectFormat("env.txt", fixture("conda/environment.yml"))).toBe("conda-environment");
    expect(detectFormat("freeze.out", fixture("pip-freeze.txt"))).toBe("pip-freeze");
    expect(detectFormat("requirements.txt", fixture("requirements/requirements.txt"))).toBe(
      "requirements-txt",
    );
    expect(detectFormat("requirements.txt", "numpy>=1.26\n")).toBe("requirements-txt");
    expect(detectFormat("other.json", '{"name": "x"}')).toBeUndefined();
  });
});

describe("planImport: choosing the domain pack", () => {
  it("a genomics requirements file and kernelspec list land on genomics@~1.2.0, and say why", () => {
    const p = plan(read("genomics-lab/requirements.txt", "genomics-lab/kernelspec-list.json"));
    expect(p.choice?.reference).toBe("genomics@~1.2.0");
    expect(p.choice?.reasons).toEqual([
      "Python 3.11.9 (the import names no Python version)",
      "4 of 8 imported packages pinned at the same version (numpy, pandas, scanpy, scikit-learn); 1 more within the imported ranges (anndata)",
      "no conflicts with its pins",
      "kernels: offers python3, ir; not bash",
      expect.stringMatching(/^next: ml@2\.0\.0 \(44\.2\), genomics@1\.1\.0 \(-5\.4, 2 conflicts\)/),
    ]);
    expect(p.requirements).toEqual([
      "harmonypy==0.0.10",
      "leidenalg<0.11,>=0.10.1",
      "pydeseq2<0.5,>=0.4.10",
    ]);
    expect(p.fromPack.map((f) => `${f.asked}→${f.pinned}`)).toEqual([
      "anndata<0.11,>=0.10→0.10.9",
      "numpy==1.26.4→1.26.4",
      "pandas==2.2.2→2.2.2",
      "scanpy==1.10.2→1.10.2",
      "scikit-learn==1.5.1→1.5.1",
    ]);
    expect(p.environment?.spec.kernels).toEqual(["python3", "ir"]);
    expect(p.notImported.map((n) => `${n.kind} ${n.name}`)).toEqual([
      "kernel bash",
      "editable sc-qc",
    ]);
    expect([p.conflicts, p.problems]).toEqual([[], []]);
  });

  it("a conda environment uses its Python: climate@~1.2.0 (3.12.7) for python=3.12", () => {
    const p = plan(read("climate-lab/environment.yml", "climate-lab/kernelspec-list.json"), {
      lab: "climate-dynamics",
      owner: "sbauer",
    });
    expect(p.choice?.reference).toBe("climate@~1.2.0");
    expect(p.choice?.chosen.python).toBe("match");
    expect(p.choice?.ranking.find((s) => s.label === "genomics@1.2.0")?.python).toBe("mismatch");
    expect(p.requirements).toEqual(["nc-time-axis==1.4.1.*", "xskillscore==0.0.26"]);
    expect(p.environment?.spec.kernels).toEqual(["python3", "julia-1.10"]);
    expect(p.notImported.map((n) => `${n.kind} ${n.text}`)).toEqual([
      "conda-name name: arctic-amplification",
      "conda-channel channel conda-forge",
      "conda-channel channel nodefaults",
      "tooling pip",
    ]);
    // cdo and nco are neither in the embedded index nor provided by the pack: labenv cannot tell what they are.
    expect(p.problems.map((x) => `${x.source?.line} ${x.message}`)).toEqual([
      "14 cdo==2.4.3.* is a conda package that the package index (package-index.yaml) does not list and climate@1.2.0 does not provide, so labenv cannot tell whether it is a Python package",
      "15 nco is a conda package that the package index (package-index.yaml) does not list and climate@1.2.0 does not provide, so labenv cannot tell whether it is a Python package",
    ]);
  });

  it("ties go to the highest version: a kernelspec list alone fits four packs equally", () => {
    const p = plan(read("kernelspec-list.json"));
    const top = p
      .choice!.ranking.filter((s) => s.score === p.choice!.chosen.score)
      .map((s) => s.label);
    expect(top).toEqual(["genomics@2.0.0", "climate@1.2.0", "genomics@1.2.0", "genomics@1.1.0"]);
    expect(p.choice?.reference).toBe("genomics@~2.0.0");
  });

  it("--pack overrides the choice and the explanation says so", () => {
    const p = plan(read("pip-inspect.json"), { pack: "climate@^1.2" });
    expect(p.choice?.overridden).toBe(true);
    expect(p.choice?.reference).toBe("climate@^1.2");
    expect(p.choice?.reasons[0]).toBe("chosen with --pack climate@^1.2");
    expect(p.problems.map((w) => [w.input, w.message])).toContainEqual([
      true,
      "the import asks for Python 3.11.9; climate@1.2.0 (--pack climate@^1.2) has Python 3.12.7",
    ]);
    expect(
      plan(read("pip-inspect.json"), { pack: "nope@^1" }).problems.map((x) => x.message),
    ).toEqual(["domain pack `nope` does not exist (known packs: climate, genomics, ml)"]);
  });
});

describe("planImport: what goes where", () => {
  it("conda: Python packages the pack pins are left to it, non-Python packages are reported, pip entries become requirements", () => {
    const p = plan(read("conda/environment.yml"));
    expect(p.choice?.reference).toBe("genomics@~1.1.0");
    expect(p.requirements).toEqual([
      "decoupler<1.7,>=1.6",
      'gseapy==1.1.3; platform_system != "Windows"',
      "mygene>=3.2",
      "pydeseq2==0.4.9",
      "pyranges==0.0.129",
    ]);
    expect(p.fromPack.map((f) => f.name)).toEqual([
      "anndata",
      "ipykernel",
      "matplotlib",
      "numpy",
      "pandas",
      "pysam",
      "scanpy",
      "scipy",
      "seaborn",
      "statsmodels",
    ]);
    expect(p.notImported.map((n) => `${n.kind} ${n.text}`)).toEqual([
      "conda-name name: rnaseq-dge",
      "conda-channel channel conda-forge",
      "conda-channel channel bioconda",
      "conda-channel channel nodefaults",
      "conda-channel bioconda::pysam=0.22.1",
      "conda-channel bioconda::htseq 2.0.5 py311h*",
      "conda-channel conda-forge::scanpy=1.10.*",
      "conda-spec r-deseq2|r-edger",
      "conda-spec openssl=1.1.1w",
      "tooling pip",
      expect.stringMatching(/^vcs git\+https:\/\/github.com\/genomics-core\/qc-reports/),
    ]);
    // R itself comes with the pack's R kernel.
    expect(p.provided).toEqual([
      {
        kind: "python",
        text: "python 3.11",
        name: "Python",
        version: "3.11.9",
        source: { file: "conda/environment.yml", line: 8 },
      },
      {
        kind: "r",
        text: "r-base==4.3.*",
        name: "R",
        version: "4.4.0",
        source: { file: "conda/environment.yml", line: 20, column: 5 },
      },
    ]);
    // Conda packages the embedded index does not list are errors, with a hint, not a silent drop.
    expect(
      p.problems.map((x) => `${x.source?.line}:${x.source?.column} ${x.message.split(" is ")[0]}`),
    ).toEqual(["14:5 htseq==2.0.5", "19:5 samtools==1.20.*"]);
    expect(p.problems[0]?.hint).toMatch(/^if it is on PyPI, add htseq to package-index\.yaml/);
  });

  it("requirements files keep their specifiers, extras and markers; constraints tighten or are reported", () => {
    const p = plan(read("requirements/requirements.txt"));
    expect(p.choice?.reference).toBe("genomics@~1.1.0");
    expect(p.requirements).toContain("xarray[io,parallel]<2024.7,>=2024.1");
    expect(p.requirements).toContain('typing-extensions>=4.10; python_version < "3.12"');
    expect(p.notImported.filter((n) => n.kind === "constraint").map((n) => n.text)).toEqual([
      "pyarrow==16.1.0",
      'urllib3<2; python_version < "3.10"',
    ]);
    const on312 = plan(read("requirements/requirements.txt"), { pack: "climate@~1.2.0" });
    expect(on312.notImported.find((n) => n.kind === "marker")).toMatchObject({
      name: "typing-extensions",
      reason: "does not apply on the image (Python 3.12.7, Linux x86_64)",
    });
    expect(
      on312.conflicts.map((c) => `${c.asked}/${c.pinned}${c.constraint ? " (constraint)" : ""}`),
    ).toEqual([
      "dask[distributed]==2024.5.2/2024.9.1",
      "jupyterlab==4.2.2/4.2.5",
      'netcdf4==1.6.5; platform_system != "Windows"/1.7.2',
      "numpy<2.1,>=1.26/2.1.2",
      "pandas==2.2.2/2.2.3",
      "scipy<1.14,>=1.11/1.14.1",
      "xarray[io,parallel]<2024.7,>=2024.1/2024.9.0",
      "numpy==1.26.4/2.1.2 (constraint)",
      "pandas==2.2.2/2.2.3 (constraint)",
    ]);
  });

  it("pip freeze: exact pins; a version the pack pins differently is a conflict, not a repeated pin", () => {
    const p = plan(read("pip-freeze.txt"));
    expect(p.choice?.reference).toBe("genomics@~1.1.0");
    expect(p.conflicts.map((c) => `${c.asked} pins ${c.pinned}`)).toEqual([
      "matplotlib==3.8.4 pins 3.9.0",
    ]);
    expect(p.requirements.every((r) => /^[a-z0-9-]+==\S+$/.test(r))).toBe(true);
    expect(p.requirements).not.toContain("matplotlib==3.8.4");
    expect(p.notImported.map((n) => n.kind)).toEqual([
      "local-path",
      "local-path",
      "editable",
      "editable",
    ]);
  });

  it("a package the files could not carry over is marked as provided when the pack pins it", () => {
    const p = plan(read("pip-freeze.txt"), { pack: "climate@~1.1.0" });
    expect(p.notImported.find((n) => n.name === "bottleneck")?.reason).toMatch(
      /; climate@1\.1\.0 provides bottleneck==1\.3\.8$/,
    );
  });

  it("files that disagree on a pin, a name already taken and an unknown lab are problems", () => {
    const freeze = readImport({ file: "freeze.txt", text: "numpy==1.26.4\n" })!;
    const inspect = readImport({
      file: "inspect.json",
      text: fixture("pip-inspect.json").replace('"version": "1.26.4"', '"version": "1.26.3"'),
    })!;
    const p = plan([freeze, inspect], { name: "rnaseq", lab: "genomics-core" });
    expect(p.problems.map((x) => x.message)).toEqual([
      "the imported files disagree on numpy: 1.26.4 at freeze.txt:1 and 1.26.3 at inspect.json:5",
      "environments/genomics-core/rnaseq/environment.yaml already exists",
    ]);
    expect(plan([freeze], { lab: "astro" }).problems.map((x) => x.message)).toEqual([
      "lab astro does not exist",
    ]);
  });
});

describe("checkImport: nothing half-valid", () => {
  it("builds environment.yaml and its lock, and the repository validates with both", () => {
    const p = plan(read("genomics-lab/requirements.txt", "genomics-lab/kernelspec-list.json"), {
      name: "sc-clustering",
    });
    const c = checkImport({ plan: p, files, check, today: TODAY, index });
    expect(c).toMatchObject({ ok: true, lockErrors: [], findings: [], warnings: [] });
    expect(c.files.map((f) => f.path)).toEqual([
      "environments/genomics-core/sc-clustering/environment.yaml",
      "environments/genomics-core/sc-clustering/environment.lock.yaml",
    ]);
    expectGolden(`${FIXTURES}genomics-lab/expected-environment.yaml`, c.files[0]!.text);
    expect(c.files[1]!.text).toMatch(
      /- name: leidenalg\n {6}version: 0\.10\.2\n {6}source: environment\n {6}sha256: [0-9a-f]{64}\n {6}requestedAs: leidenalg<0\.11,>=0\.10\.1/,
    );
  });

  it("a conflicting import is blocked, and a package the index lacks is a lock error", () => {
    const c = checkImport({
      plan: plan(read("pip-freeze.txt")),
      files,
      check,
      today: TODAY,
      index,
    });
    expect(c.ok).toBe(false);
    expect(c.lockErrors).toContain(
      "anyio (required by `anyio==4.4.0`) is not in the package index",
    );
  });

  it("validation errors the new files bring block the import; errors already there do not count twice", () => {
    const p = plan(read("genomics-lab/requirements.txt"), { owner: "sbauer" });
    const c = checkImport({ plan: p, files, check, today: TODAY, index });
    expect(c.ok).toBe(false);
    expect(c.findings.map((d) => `${d.code}: ${d.message}`)).toEqual([
      "environment-owner: owner `sbauer` is not a member of genomics-core",
    ]);
  });
});

describe("planImport: every line of a conda environment file is reported", () => {
  /** Each place a plan reports an input line: carried over, provided by the pack, not carried over, or blocking. */
  function reportedLines(p: ReturnType<typeof plan>, file: string): Set<number> {
    const lines = [
      ...p.notImported.map((n) => n.source),
      ...p.provided.map((x) => x.source),
      ...p.problems.map((x) => x.source),
      ...p.warnings.map((x) => x.source),
      ...p.conflicts.flatMap((c) => c.sources),
    ].flatMap((s) => (s && s.file === file ? [s.line] : []));
    for (const w of wantedEnvironment(read(file)).packages)
      if (
        p.requirements.some((r) => r.startsWith(w.name)) ||
        p.fromPack.some((f) => f.name === w.name)
      )
        lines.push(...w.sources.flatMap((s) => (s.file === file ? [s.line] : [])));
    return new Set(lines);
  }
  /**
   * The entry lines: not comments, blank lines or the `channels:`/`dependencies:`/`- pip:`
   * headers; not `-r` includes (the included file's lines are reported) nor the values under
   * `variables:` (reported once, at the key).
   */
  function entryLines(file: string): number[] {
    return fixture(file)
      .split("\n")
      .flatMap((text, i) =>
        /^\s*(#|$)/.test(text) ||
        /^\s*(-\s*)?(channels|dependencies|pip):\s*$/.test(text) ||
        /^\s*-\s*-[rc]\s/.test(text) ||
        /^\s+[\w.]+:\s/.test(text)
          ? []
          : [i + 1],
      );
  }
  it.each(["conda-mixed/environment.yml", "conda/environment.yml", "climate-lab/environment.yml"])(
    "%s: name, channels, python and every dependency have a line in the report",
    (file) => {
      const p = plan(read(file));
      const reported = reportedLines(p, file);
      expect(entryLines(file).filter((line) => !reported.has(line))).toEqual([]);
    },
  );
  it("channels are not supported, and say that labenv installs from the package index", () => {
    const p = plan(read("conda-mixed/environment.yml"));
    const channel = p.notImported.find((n) => n.kind === "conda-channel");
    expect(channel).toMatchObject({
      text: "channel conda-forge",
      source: { file: "conda-mixed/environment.yml", line: 4 },
    });
    expect(channel?.reason).toContain("labenv installs from the package index");
    expect(channel?.reason).toMatch(/not supported$/);
    expect(p.notImported.find((n) => n.kind === "conda-name")?.source?.line).toBe(2);
    expect(p.provided.find((x) => x.kind === "python")).toMatchObject({
      version: "3.12.7",
      source: { line: 6 },
    });
  });
});
