import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { strictNock } from "../helpers/strict-nock.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { nameSha, pypiServer, type PypiServer } from "../helpers/pypi-server.js";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";
import { fixtureSha, PYPI, servePypi } from "../adapters/package-index/pypi-fixtures.js";

const FX = join(repoRoot, "test/fixtures/import");
const fx = (p: string) => join(FX, p);
const who = (lab: string, name: string, owner: string) => [
  "--lab",
  lab,
  "--name",
  name,
  "--owner",
  owner,
];

/** Adds releases (without requirements) to a copy's package-index.yaml, as a lab mirroring its own packages would. */
function extendIndex(dir: string, releases: Record<string, string>): void {
  appendFileSync(
    join(dir, "package-index.yaml"),
    Object.entries(releases)
      .map(([name, v]) => `  ${name}:\n    "${v}": {}\n`)
      .join(""),
  );
}

/** Publishes a copy of `from` as `version` with `extra` spec lines (e.g. `provides:`), and re-indexes the registry. */
async function publishPack(
  dir: string,
  pack: string,
  from: string,
  version: string,
  extra: string,
): Promise<void> {
  const source = readFileSync(join(dir, `domain-packs/${pack}/${from}/pack.yaml`), "utf8");
  mkdirSync(join(dir, `domain-packs/${pack}/${version}`));
  writeFileSync(
    join(dir, `domain-packs/${pack}/${version}/pack.yaml`),
    source
      .replace(`version: ${from}`, `version: ${version}`)
      .replace("\nspec:\n", `\nspec:\n${extra}`),
  );
  expect((await runCli(["packs", "index", "--repo", dir])).code).toBe(0);
}

async function validAfterwards(dir: string): Promise<void> {
  const validate = await runCli(["validate", dir]);
  expect(validate.stdout).toMatch(/0 errors/);
  expect(validate.code).toBe(0);
  expect((await runCli(["lock", "--check", "--repo", dir])).code).toBe(0);
}

strictNock();

describe("labenv import", () => {
  it("writes environment.yaml and its lock with --write; the repository validates and `lock --check` passes", async () => {
    const dir = copyExampleRepo();
    const r = await runCli([
      "import",
      fx("genomics-lab/requirements.txt"),
      fx("genomics-lab/kernelspec-list.json"),
      ...who("genomics-core", "sc-clustering", "ajones"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Domain pack: genomics@~1.2.0 (genomics@1.2.0, score 69.6)");
    expect(r.stdout).toMatch(
      /Not carried over \(2\):\n {2}- bash .*: kernel bash \(bash\) is not offered by genomics@1\.2\.0 \(it offers python3, ir\)\n {2}- -e git\+https:\/\/github\.com\/genomics-core\/sc-qc/,
    );
    expect(r.stdout).toContain(
      "✓ wrote environments/genomics-core/sc-clustering/environment.yaml and environments/genomics-core/sc-clustering/environment.lock.yaml",
    );
    expect(
      readFileSync(join(dir, "environments/genomics-core/sc-clustering/environment.yaml"), "utf8"),
    ).toContain('domainPack: "genomics@~1.2.0"');
    await validAfterwards(dir);
    const again = await runCli([
      "import",
      fx("genomics-lab/requirements.txt"),
      ...who("genomics-core", "sc-clustering", "ajones"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(
      "✖ environments/genomics-core/sc-clustering/environment.yaml already exists",
    );
  });

  it("conda tools no index lists block the import; a pack that provides them takes them, and without --write nothing is written", async () => {
    const dir = copyExampleRepo();
    const args = [
      "import",
      fx("climate-lab/environment.yml"),
      fx("climate-lab/kernelspec-list.json"),
      ...who("climate-dynamics", "arctic-amplification", "sbauer"),
      "--repo",
      dir,
    ];
    const blocked = await runCli(args);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(
      /✖ .*climate-lab\/environment\.yml:14:5: cdo==2\.4\.3\.\* is a conda package that the package index \(package-index\.yaml\) does not list and climate@1\.2\.0 does not provide, so labenv cannot tell whether it is a Python package\n {6}if it is on PyPI, add cdo to package-index\.yaml or set packageIndex\.kind: pypi/,
    );
    expect(blocked.stdout).toContain("climate-lab/environment.yml:15:5: nco is a conda package");
    expect(blocked.stdout).not.toContain("✓");
    await publishPack(
      dir,
      "climate",
      "1.2.0",
      "1.3.0",
      "  provides:\n    system:\n      cdo: 2.4.3\n      nco: 5.2.8\n",
    );
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Domain pack: climate@~1.3.0");
    expect(r.stdout).toMatch(
      /Provided by climate@1\.3\.0 \(its image has them; nothing to add\):\n {2}= python 3\.12 \(.*:8\) → Python 3\.12\.\d+\n {2}= cdo==2\.4\.3\.\* \(.*:14\) → system package cdo 2\.4\.3\n {2}= nco \(.*:15\) → system package nco 5\.2\.8\n/,
    );
    expect(r.stdout).toContain(
      "--- environments/climate-dynamics/arctic-amplification/environment.yaml\n# yaml-language-server",
    );
    expect(r.stdout).toContain(
      "--- environments/climate-dynamics/arctic-amplification/environment.lock.yaml\n# yaml-language-server",
    );
    expect(existsSync(join(dir, "environments/climate-dynamics/arctic-amplification"))).toBe(false);
    const written = await runCli([
      "import",
      fx("climate-lab/environment.yml"),
      ...who("climate-dynamics", "arctic-amplification", "sbauer"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(written.code).toBe(0);
    await validAfterwards(dir);
  });

  it("a conflicting import (pip freeze vs the pack's pins) writes nothing and exits 1", async () => {
    const dir = copyExampleRepo();
    const r = await runCli([
      "import",
      fx("pip-freeze.txt"),
      ...who("climate-dynamics", "ohc", "hnguyen"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      / {2}✖ matplotlib==3\.8\.4 \(.*pip-freeze\.txt:29\): genomics@1\.1\.0 pins matplotlib==3\.9\.0/,
    );
    expect(r.stdout).toContain(
      "hint: choose another pack with --pack, or change the versions in the imported files",
    );
    expect(r.stdout).toMatch(
      / {2}✖ lock: 39 packages are not in the package index \(package-index\.yaml\): anyio, argon2-cffi, asttokens, .*, zarr\n {6}add them to the index, or set packageIndex\.kind: pypi in labenv\.yaml/,
    );
    expect(r.stdout).toMatch(/✖ nothing written: the import is blocked \(\d+ findings\)$/m);
    expect(existsSync(join(dir, "environments/climate-dynamics/ohc"))).toBe(false);
  });

  it("requirements.txt with includes and constraints imports once the index has its packages", async () => {
    const dir = copyExampleRepo();
    const args = [
      "import",
      fx("requirements/requirements.txt"),
      fx("kernelspec-list.json"),
      ...who("genomics-core", "ohc-notebooks", "tkim"),
      "--repo",
      dir,
      "--write",
    ];
    const blocked = await runCli(args);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(
      "✖ lock: 12 packages are not in the package index (package-index.yaml): cartopy, cftime, cmocean, dask, h5netcdf, ipywidgets, jupyterlab-git, nbstripout, netcdf4, torch, xarray, zarr",
    );
    extendIndex(dir, {
      cartopy: "0.23.0",
      cftime: "1.6.4",
      cmocean: "4.0.3",
      dask: "2024.5.2",
      h5netcdf: "1.3.0",
      ipywidgets: "8.1.3",
      "jupyterlab-git": "0.50.1",
      nbstripout: "0.7.1",
      netcdf4: "1.6.5",
      torch: "2.3.1+cpu",
      xarray: "2024.6.0",
      zarr: "2.18.2",
    });
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  - julia-1.10 (");
    expect(r.stdout).toContain("  - pyarrow==16.1.0 (");
    await validAfterwards(dir);
  });

  it("--json reports the choice, the ranking and what was not carried over", async () => {
    const dir = copyExampleRepo();
    extendIndex(dir, {
      "pyinterp-legacy": "0.9-snapshot",
      "python-dateutil": "2.9.0.post0",
      torch: "2.3.1+cpu",
      xarray: "2024.6.0",
    });
    const r = await runCli([
      "import",
      fx("pip-inspect.json"),
      ...who("ml-vision", "ocean-ml", "epetrov"),
      "--repo",
      dir,
      "--json",
      "--write",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      written: boolean;
      pack: { reference: string; ranking: { pack: string; python: string }[] };
      requirements: string[];
      notImported: { kind: string; name: string }[];
    };
    expect([report.ok, report.written, report.pack.reference]).toEqual([
      true,
      true,
      "genomics@~1.2.0",
    ]);
    expect(report.pack.ranking.find((s) => s.pack === "climate@1.2.0")?.python).toBe("mismatch");
    expect(report.requirements).toEqual([
      "pyinterp-legacy===0.9-snapshot",
      "python-dateutil==2.9.0.post0",
      "torch==2.3.1+cpu",
      "xarray==2024.6.0",
    ]);
    expect(report.notImported.map((n) => `${n.kind} ${n.name}`)).toEqual([
      "vcs ohc-tools",
      "editable labutils",
      "url seawater",
      "tooling pip",
    ]);
    await validAfterwards(dir);
  });

  it("usage errors exit 2", async () => {
    const base = ["--repo", repoRoot];
    const cases: [string[], RegExp][] = [
      [
        ["import", fx("pip-freeze.txt"), ...who("astro", "x", "y"), ...base],
        /lab astro does not exist/,
      ],
      [
        ["import", fx("pip-freeze.txt"), ...who("genomics-core", "../escape", "ajones"), ...base],
        /--name "..\/escape" is not a valid name/,
      ],
      [
        ["import", fx("nope.txt"), ...who("genomics-core", "x", "ajones"), ...base],
        /nope\.txt does not exist/,
      ],
      [
        ["import", fx("expected/kernelspec.json"), ...who("genomics-core", "x", "ajones"), ...base],
        /is none of the files labenv imports/,
      ],
      [
        [
          "import",
          fx("pip-freeze.txt"),
          ...who("genomics-core", "x", "ajones"),
          "--pack",
          "genomics@^9",
          ...base,
        ],
        /--pack: no published, non-yanked version of `genomics` matches `\^9`/,
      ],
      [
        ["import", fx("pip-freeze.txt"), "--lab", "genomics-core", "--name", "x", ...base],
        /required option '--owner <member>' not specified/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("with packageIndex.kind: pypi, conda packages are looked up and the lock carries sha256 from the API", async () => {
    const dir = copyExampleRepo();
    const config = join(dir, "labenv.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        "kind: embedded\n    path: package-index.yaml",
        `kind: pypi\n    url: ${PYPI}`,
      ),
    );
    const env = join(dir, "environment.yml");
    writeFileSync(
      env,
      "name: bulk-de\nchannels: [conda-forge, bioconda]\ndependencies:\n  - python=3.11\n  - pydeseq2=0.4.11\n  - scanpy=1.10.2\n",
    );
    servePypi([
      "pydeseq2",
      "pydeseq2/0.4.11",
      "formulaic",
      "formulaic/1.0.2",
      "interface-meta",
      "interface-meta/1.3.0",
      "wrapt",
      "wrapt/1.16.0",
      "typing-extensions",
      "typing-extensions/4.12.2",
    ]);
    nock(PYPI)
      .get("/pypi/scanpy/json")
      .reply(200, { info: { name: "scanpy" }, releases: {} });
    const r = await runCli([
      "import",
      env,
      ...who("genomics-core", "bulk-de", "rpatel"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lock = readFileSync(
      join(dir, "environments/genomics-core/bulk-de/environment.lock.yaml"),
      "utf8",
    );
    expect(lock).toContain(`sha256: ${fixtureSha("pydeseq2-0.4.11-py3-none-any.whl")}`);
  });

  it("a marker nested thousands of parentheses deep is bad input: positioned, exit 2, no stack trace", async () => {
    const dir = copyExampleRepo();
    const file = join(dir, "requirements.txt");
    const deep = `${"(".repeat(5000)}python_version < "3.11"${")".repeat(5000)}`;
    writeFileSync(file, `pandas==2.2.2\nnumpy==1.26.4 ; ${deep}\n`);
    const r = await runCli([
      "import",
      file,
      ...who("genomics-core", "deep", "ajones"),
      "--repo",
      dir,
    ]);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
    expect(r.stdout).toContain(
      `✖ ${file}:2:81: Marker parentheses nested more than 64 deep in "numpy==1.26.4 ; (`,
    );
    expect(r.code).toBe(2);
  });
});

/** Points a copy's labenv.yaml at a PyPI-compatible JSON API. */
function usePypi(dir: string, url: string): void {
  const config = join(dir, "labenv.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "kind: embedded\n    path: package-index.yaml",
      `kind: pypi\n    url: ${url}`,
    ),
  );
}

describe("labenv import: files that are not requirements, and nothing lost quietly", () => {
  let pypi: PypiServer;
  beforeAll(async () => {
    pypi = await pypiServer({
      psutil: [{ version: "5.9.8" }, { version: "6.0.0", requiresPython: ">=3.6" }],
      dill: [{ version: "0.3.8" }, { version: "0.3.9", requiresPython: ">=3.8" }],
      bokeh: [
        { version: "3.5.2", requires: ["numpy>=1.16", "pandas>=1.2", "xyzservices>=2021.09.1"] },
      ],
      xyzservices: [{ version: "2024.9.0" }],
      xskillscore: [{ version: "0.0.26", requires: ["numpy", "xarray"] }],
      pip: [{ version: "24.2" }],
    });
  });
  afterAll(() => pypi.close());
  beforeEach(() => {
    pypi.requests.length = 0;
  });

  it("runtime.txt chooses the Python, apt.txt entries are system packages, and every pip option is honoured or reported", async () => {
    const dir = copyExampleRepo();
    const r = await runCli([
      "import",
      fx("binder-viz/runtime.txt"),
      fx("binder-viz/requirements.txt"),
      fx("binder-viz/apt.txt"),
      ...who("climate-dynamics", "ohc-viz", "sbauer"),
      "--repo",
      dir,
    ]);
    expect(r.stdout).toMatch(
      /Read: .*runtime\.txt \(runtime-txt\), .*requirements\.txt \(requirements-txt\), .*apt\.txt \(apt-txt\)/,
    );
    expect(r.stdout).toContain("  - Python 3.12.7 matches the import's ==3.12.*");
    expect(r.stdout).not.toMatch(/python-3-12|python-3\.12[^.]/);
    for (const [line, name] of [
      [2, "ffmpeg"],
      [3, "graphviz"],
      [4, "libgl1-mesa-glx"],
    ] as const)
      expect(r.stdout).toMatch(
        new RegExp(
          `- ${name} \\(.*apt\\.txt:${line}\\): a system \\(apt\\) package: .* climate@1\\.2\\.0 does not provide it`,
        ),
      );
    expect(r.stdout).toMatch(
      /- --index-url https:\/\/pypi\.org\/simple \(.*requirements\.txt:3\): labenv resolves every package from package-index\.yaml/,
    );
    expect(r.stdout).toMatch(
      /- --extra-index-url https:\/\/download\.pytorch\.org\/whl\/cpu \(.*requirements\.txt:4\): /,
    );
    expect(r.stdout).toMatch(
      /- --pre \(.*requirements\.txt:5\): labenv takes a pre-release only for a requirement that names one/,
    );
    expect(r.stdout).toMatch(
      /Options honoured:\n {2}= --prefer-binary \(.*requirements\.txt:6\): /,
    );
    // System packages no pack provides are not lost quietly: the import fails and lists them.
    expect(r.stdout).toMatch(
      /✖ .*apt\.txt:2: 3 system packages the files name are not provided by climate@1\.2\.0, so the environment would run without them: ffmpeg \(.*apt\.txt:2\), graphviz \(.*apt\.txt:3\), libgl1-mesa-glx \(.*apt\.txt:4\)\n {6}no domain pack provides them all: choose a pack that provides what matters with --pack/,
    );
    expect(r.stdout).toContain("✖ nothing written: the import is blocked");
    expect(r.code).toBe(1);
    // A pack that provides them: the hint names it for a --pack that lacks them, and by default it is chosen.
    await publishPack(
      dir,
      "climate",
      "1.2.0",
      "1.2.1",
      '  provides:\n    system:\n      ffmpeg: "7.1"\n      graphviz: 2.42.2\n      libgl1-mesa-glx: 23.0.4\n',
    );
    const files = ["runtime.txt", "requirements.txt", "apt.txt"].map((f) => fx(`binder-viz/${f}`));
    const pinned = await runCli([
      "import",
      ...files,
      ...who("climate-dynamics", "ohc-viz", "sbauer"),
      "--pack",
      "climate@1.2.0",
      "--repo",
      dir,
    ]);
    expect(pinned.stdout).toContain(
      "choose a pack that provides them all with --pack (climate@1.2.1), or remove the lines the environment does not need",
    );
    expect(pinned.code).toBe(1);
    const provided = await runCli([
      "import",
      ...files,
      ...who("climate-dynamics", "ohc-viz", "sbauer"),
      "--write",
      "--repo",
      dir,
    ]);
    expect(provided.stdout).toContain("Domain pack: climate@~1.2.1");
    expect(provided.stdout).toMatch(/= ffmpeg \(.*apt\.txt:2\) → system package ffmpeg 7\.1/);
    expect(provided.stdout).not.toContain("Blocking");
    expect(provided.code).toBe(0);
    await validAfterwards(dir);
  });

  it("a Python no pack offers fails the import with exit 2: runtime.txt python-2.7 and conda python=2.7", async () => {
    for (const files of [
      ["binder-py27/runtime.txt", "binder-py27/requirements.txt"],
      ["conda-py2/environment.yml"],
    ]) {
      const r = await runCli([
        "import",
        ...files.map(fx),
        ...who("climate-dynamics", "legacy", "sbauer"),
        "--repo",
        repoRoot,
      ]);
      expect(r.stdout).toMatch(
        /✖ .*:\d+: the import asks for Python 2\.7, and no domain pack offers it \(the packs offer Python 3\.11\.8, 3\.11\.9, 3\.12\.7, 3\.12\.8, 3\.12\.9\)/,
      );
      expect(r.stdout).not.toContain("✓");
      expect(r.code, files.join(" ")).toBe(2);
    }
  });

  it("install.R and an R runtime.txt choose a pack with R; R packages the pack declares are provided, the rest reported", async () => {
    const dir = copyExampleRepo();
    const args = [
      "import",
      fx("binder-r/runtime.txt"),
      fx("binder-r/install.R"),
      ...who("genomics-core", "dge-r", "ajones"),
      "--repo",
      dir,
    ];
    const before = await runCli(args);
    expect(before.stdout).toContain("Domain pack: genomics@~2.0.0");
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/= r-4\.4-2024-06-01 \(.*runtime\.txt:1\) → R 4\.4\.2/);
    expect(before.stdout).toMatch(
      /- BiocManager::install\("DESeq2"\) \(.*install\.R:5\): an R package from Bioconductor: .*genomics@2\.0\.0 does not provide it/,
    );
    expect(before.stdout).toMatch(
      /- options\(timeout = 600\) \(.*install\.R:7\): R code that installs no package/,
    );
    await publishPack(
      dir,
      "genomics",
      "2.0.0",
      "2.1.0",
      "  provides:\n    r:\n      ggplot2: 3.5.1\n      dplyr: 1.1.4\n      DESeq2: 1.44.0\n",
    );
    const after = await runCli(args);
    expect(after.stdout).toContain("Domain pack: genomics@~2.1.0");
    expect(after.stdout).toMatch(
      /= install\.packages\("ggplot2"\) \(.*install\.R:2\) → R package ggplot2 3\.5\.1/,
    );
    expect(after.stdout).toMatch(
      /= BiocManager::install\("DESeq2"\) \(.*install\.R:5\) → R package DESeq2 1\.44\.0/,
    );
    expect(after.stdout).toMatch(
      /- install\.packages\("pheatmap"\) \(.*install\.R:3\): .*genomics@2\.1\.0 does not provide it/,
    );
    // What the pack still lacks fails the import, listed with the lines that ask for it.
    expect(after.stdout).toMatch(
      /✖ .*install\.R:3: 3 R packages the files name are not provided by genomics@2\.1\.0, so the environment would run without them: pheatmap \(.*install\.R:3\), BiocManager \(.*install\.R:4\), seurat-wrappers \(.*install\.R:6\)/,
    );
    expect(after.code).toBe(1);
    expect(existsSync(join(dir, "environments/genomics-core/dge-r"))).toBe(false);
  });

  it("Pipfile and Pipfile.lock are read: packages, dev-packages, python_version, sources, git entries and scripts", async () => {
    const dir = copyExampleRepo();
    const r = await runCli([
      "import",
      fx("binder-pipenv/Pipfile"),
      fx("binder-pipenv/Pipfile.lock"),
      ...who("genomics-core", "pipenv-dge", "ajones"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(r.stdout).toContain("  - Python 3.11.9 matches the import's ==3.11.*");
    expect(r.stdout).toContain("  + harmonypy==0.0.10\n  + pydeseq2<0.5,==0.4.11,>=0.4.10\n");
    expect(r.stdout).toContain("  = scanpy[leiden]==1.10.2 → scanpy==1.10.2 from the pack");
    expect(r.stdout).toContain("  = ipykernel==6.29.5 → ipykernel==6.29.5 from the pack");
    expect(r.stdout).toMatch(
      /- qc-tools = \{git = "https:\/\/github\.com\/genomics-core\/qc-tools\.git"\} \(.*Pipfile:12\): installed from version control/,
    );
    expect(r.stdout).toMatch(/- notebooks = "jupyter lab" \(.*Pipfile:21\): a pipenv script/);
    expect(r.stdout).toMatch(/- --index-url https:\/\/pypi\.org\/simple \(.*Pipfile\.lock:11\): /);
    expect(r.code).toBe(0);
    await validAfterwards(dir);
  });

  it("files labenv does not import are refused with exit 2 and what to do instead", async () => {
    const r = await runCli([
      "import",
      fx("binder-postbuild/postBuild"),
      ...who("genomics-core", "x", "ajones"),
      "--repo",
      repoRoot,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /postBuild is not supported: a shell script Binder runs in the image; labenv runs no scripts at build time/,
    );
    expect(r.stdout).toBe("");
  });

  it("with the embedded index, ordinary conda packages it does not list are errors with a hint, never ✓ valid", async () => {
    const r = await runCli([
      "import",
      fx("conda-mixed/environment.yml"),
      ...who("climate-dynamics", "dash", "sbauer"),
      "--repo",
      copyExampleRepo(),
    ]);
    for (const [line, text] of [
      [9, "psutil==6.0.0.*"],
      [10, "dill"],
      [11, "bokeh==3.5.*"],
      [12, "gdal==3.9.*"],
      [13, "ffmpeg"],
    ] as const)
      expect(r.stdout).toContain(
        `environment.yml:${line}:5: ${text} is a conda package that the package index (package-index.yaml) does not list`,
      );
    expect(r.stdout).not.toContain("✓");
    expect(r.code).toBe(1);
  });

  it("with a PyPI-compatible index, a conda package it has no project for blocks the import at its line, with what was expected and how to fix it", async () => {
    const dir = copyExampleRepo();
    usePypi(dir, pypi.url);
    const r = await runCli([
      "import",
      fx("conda-mixed/environment.yml"),
      ...who("climate-dynamics", "dash", "sbauer"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(r.stderr).toBe("");
    const url = pypi.url.replaceAll(".", "\\.");
    for (const [line, text, name] of [
      [12, "gdal==3\\.9\\.\\*", "gdal"],
      [13, "ffmpeg", "ffmpeg"],
    ] as const)
      expect(r.stdout).toMatch(
        new RegExp(
          `✖ \\S*conda-mixed/environment\\.yml:${line}:5: ${text} is a conda package that is not on the package index \\(${url} has no project ${name}\\), so it is no PyPI package, and climate@\\S+ does not provide it \\(spec\\.provides\\.system of the pack\\): the environment would run without it\\. Expected a PyPI project or software the pack's image provides\\n {6}no domain pack provides it: publish a pack version that declares it in spec\\.provides\\.system; if the PyPI project has another name, write that name in a pip: entry; if the environment does not need it, remove the line`,
        ),
      );
    expect(r.stdout).toContain("✖ nothing written");
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "environments/climate-dynamics/dash"))).toBe(false);
    expect(pypi.requests).toContain("/pypi/gdal/json");
  });

  it("with a PyPI-compatible index, conda packages on PyPI are locked with the API's sha256", async () => {
    const dir = copyExampleRepo();
    usePypi(dir, pypi.url);
    const file = join(dir, "environment.yml");
    writeFileSync(
      file,
      readFileSync(fx("conda-mixed/environment.yml"), "utf8").replace(
        /  - gdal=3\.9\n  - ffmpeg\n/,
        "",
      ),
    );
    const r = await runCli([
      "import",
      file,
      ...who("climate-dynamics", "dash", "sbauer"),
      "--repo",
      dir,
      "--write",
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      "  + bokeh==3.5.*\n  + dill\n  + psutil==6.0.0.*\n  + xskillscore==0.0.26\n",
    );
    expect(r.code).toBe(0);
    const lock = readFileSync(
      join(dir, "environments/climate-dynamics/dash/environment.lock.yaml"),
      "utf8",
    );
    expect(lock).toContain(`sha256: ${nameSha("psutil-6.0.0-py3-none-any.whl")}`);
    expect(lock).toContain(`sha256: ${nameSha("dill-0.3.9-py3-none-any.whl")}`);
  });

  it("a conda package list (conda list --export) is read as exact conda pins, the Python included", async () => {
    const dir = copyExampleRepo();
    usePypi(dir, pypi.url);
    const r = await runCli([
      "import",
      fx("conda-lists/packages.txt"),
      ...who("climate-dynamics", "exported", "sbauer"),
      "--repo",
      dir,
    ]);
    expect(r.stdout).toMatch(/Read: .*packages\.txt \(conda-list\)/);
    expect(r.stdout).toContain("  - Python 3.12.7 matches the import's ==3.12.7");
    expect(r.stdout).toContain("  + psutil==6.0.0\n");
    expect(r.stdout).toContain("  = numpy==2.1.2 → numpy==2.1.2 from the pack");
    expect(r.stdout).toMatch(
      /- _libgcc_mutex=0\.1=conda_forge \(.*:4\): _libgcc_mutex is conda's own bookkeeping package/,
    );
    expect(r.stdout).toMatch(
      /- # platform: linux-64 \(.*:3\): the platform conda made the list on/,
    );
    expect(r.stdout).toMatch(
      /- the build strings of 8 packages \(.*:5\): conda build strings \(lines 5–13\) are not kept/,
    );
    // Conda-only packages (system libraries and tools) would be missing from the image: they block.
    for (const [line, text] of [
      [5, "bzip2==1.0.8"],
      [12, "samtools==1.21"],
    ] as const)
      expect(r.stdout).toMatch(
        new RegExp(
          `✖ \\S*packages\\.txt:${line}:1: ${text.replaceAll(".", "\\.")} is a conda package that is not on the package index`,
        ),
      );
    expect(r.code).toBe(1);
  });

  it("an index URL that answers 404 for everything is named as such, not as missing packages (exit 2)", async () => {
    for (const files of [["conda-mixed/environment.yml"], ["binder-viz/requirements.txt"]]) {
      const dir = copyExampleRepo();
      usePypi(dir, `${pypi.url}/mirror`);
      const r = await runCli([
        "import",
        ...files.map(fx),
        ...who("climate-dynamics", "dash", "sbauer"),
        "--repo",
        dir,
      ]);
      expect(r.stderr).toContain(
        `package index ${pypi.url}/mirror answered 404 for every package asked (`,
      );
      expect(r.stderr).toContain("and for pip: it does not serve a PyPI JSON API");
      expect(r.stdout).not.toMatch(/not on the package index|does not exist on/);
      expect(r.code, files.join(" ")).toBe(2);
    }
    const dir = copyExampleRepo();
    usePypi(dir, `${pypi.url}/simple`);
    const simple = await runCli([
      "import",
      fx("conda-mixed/environment.yml"),
      ...who("climate-dynamics", "dash", "sbauer"),
      "--repo",
      dir,
    ]);
    expect(simple.stderr).toContain(
      `packageIndex.url ${pypi.url}/simple is a "simple" API (PEP 503) URL; labenv reads the JSON API, at the index's base URL`,
    );
    expect(simple.stderr).toContain(`set packageIndex.url to ${pypi.url} `);
    expect(simple.code).toBe(2);
  });
});
