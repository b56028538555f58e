import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { strictNock } from "../helpers/strict-nock.js";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
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

  it("without --write prints both files and writes nothing", async () => {
    const dir = copyExampleRepo();
    const r = await runCli([
      "import",
      fx("climate-lab/environment.yml"),
      fx("climate-lab/kernelspec-list.json"),
      ...who("climate-dynamics", "arctic-amplification", "sbauer"),
      "--repo",
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Domain pack: climate@~1.2.0");
    expect(r.stdout).toContain(
      "--- environments/climate-dynamics/arctic-amplification/environment.yaml\n# yaml-language-server",
    );
    expect(r.stdout).toContain(
      "--- environments/climate-dynamics/arctic-amplification/environment.lock.yaml\n# yaml-language-server",
    );
    expect(r.stdout).toContain("  - cdo==2.4.3.* (");
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
      "name: bulk-de\nchannels: [conda-forge, bioconda]\ndependencies:\n  - python=3.11\n  - pydeseq2=0.4.11\n  - samtools=1.20\n  - scanpy=1.10.2\n",
    );
    nock(PYPI).get("/pypi/samtools/json").reply(404);
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
    expect(r.stdout).toContain("  - samtools==1.20.* (");
    expect(r.stdout).toContain(
      "a conda package that is not on the package index (https://pypi.org)",
    );
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
