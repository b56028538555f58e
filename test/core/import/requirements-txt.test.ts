import { describe, expect, it } from "vitest";
import { importRequirementsTxt } from "../../../reconciler/core/import/index.js";
import { filesOf } from "./fixture-files.js";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

function read(
  text: string,
  files: Record<string, string> = {},
  environment?: Record<string, string>,
) {
  return importRequirementsTxt({
    file: "env/requirements.txt",
    text,
    readFile: filesOf(files),
    ...(environment ? { environment } : {}),
  });
}

describe("requirements.txt", () => {
  it("joins continuation lines, keeps hashes and reports the first line", () => {
    const result = read(
      `# pinned by pip-compile\nnumpy==1.26.4 \\\n    --hash=sha256:${HASH_A} \\\n    --hash=sha256:${HASH_B}\n`,
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toEqual([
      {
        name: "numpy",
        specifier: "==1.26.4",
        exact: "1.26.4",
        hashes: [`sha256:${HASH_A}`, `sha256:${HASH_B}`],
        source: { file: "env/requirements.txt", line: 2 },
      },
    ]);
  });

  it("drops comments only where pip does (a # inside a URL fragment is not a comment)", () => {
    const result = read(
      "pandas>=2.2  # the data frame library\nohc @ https://x.org/ohc-1.0.tar.gz#sha256=abc\n#whole line\n",
    );
    expect(result.packages.map((p) => p.specifier)).toEqual([">=2.2"]);
    expect(result.unmapped[0]?.text).toBe("ohc @ https://x.org/ohc-1.0.tar.gz#sha256=abc");
  });

  it("keeps markers and extras, normalizes names", () => {
    const result = read('Dask[Distributed,Diagnostics]==2024.5.2; python_version >= "3.10"\n');
    expect(result.packages[0]).toMatchObject({
      name: "dask",
      extras: ["Distributed", "Diagnostics"],
      markers: 'python_version >= "3.10"',
      exact: "2024.5.2",
    });
  });

  it("follows -r and -c relative to the including file; -r inside a constraints file reads requirements", () => {
    const result = read("-r ../shared/base.txt\n-c pins.txt\nxarray\n", {
      "shared/base.txt": "numpy>=1.26\n-r more/extra.txt\n",
      "shared/more/extra.txt": "scipy\n",
      "env/pins.txt": "numpy==1.26.4\n-r req-from-constraints.txt\n",
      "env/req-from-constraints.txt": "zarr\n",
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages.map((p) => `${p.name}@${p.source.file}:${p.source.line}`)).toEqual([
      "numpy@shared/base.txt:1",
      "scipy@shared/more/extra.txt:1",
      "zarr@env/req-from-constraints.txt:1",
      "xarray@env/requirements.txt:3",
    ]);
    expect(result.constraints?.map((p) => p.exact)).toEqual(["1.26.4"]);
  });

  it("detects include cycles and names the chain", () => {
    const result = read("-r a.txt\n", {
      "env/a.txt": "numpy\n-r b.txt\n",
      "env/b.txt": "-r a.txt\nscipy\n",
    });
    expect(result.packages.map((p) => p.name)).toEqual(["numpy", "scipy"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: "env/b.txt",
        line: 1,
        column: 1,
        message: expect.stringContaining(
          "env/requirements.txt → env/a.txt → env/b.txt → env/a.txt",
        ),
      }),
    ]);
  });

  it("reports a missing include at the line that names it", () => {
    const result = read("numpy\n  -r missing.txt\n");
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        column: 3,
        message: expect.stringContaining("env/missing.txt does not exist"),
      }),
    ]);
  });

  it("reports editable, VCS, URL and path requirements as unmapped, with why", () => {
    const result = read(
      [
        "-e git+https://github.com/lab/tool.git@v1#egg=lab-tool",
        "--editable ./src/helpers",
        "git+https://github.com/lab/other.git@main#egg=other",
        "seawater @ https://files.example.org/seawater-3.3.5-py3-none-any.whl",
        "./vendor/gsw-0.1.tar.gz",
        "-r https://example.org/shared-requirements.txt",
      ].join("\n"),
    );
    expect(result.unmapped.map((u) => [u.kind, u.name ?? null])).toEqual([
      ["editable", "lab-tool"],
      ["editable", null],
      ["vcs", "other"],
      ["url", "seawater"],
      ["local-path", "gsw"],
      ["remote-include", null],
    ]);
    expect(result.unmapped.every((u) => u.reason.length > 20)).toBe(true);
  });

  it("keeps pip options", () => {
    const result = read(
      "-i https://pypi.org/simple\n--extra-index-url=https://download.pytorch.org/whl/cpu\n--pre\n--find-links /wheels\n",
    );
    expect(result.options?.map((o) => [o.name, o.value ?? null])).toEqual([
      ["--index-url", "https://pypi.org/simple"],
      ["--extra-index-url", "https://download.pytorch.org/whl/cpu"],
      ["--pre", null],
      ["--find-links", "/wheels"],
    ]);
  });

  it("points at the column of a bad requirement, also on a continued line", () => {
    const result = read("numpy\nscipy >=1.11 \\\n  ,<1.14.*\n");
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 3,
        column: 9,
        message: expect.stringContaining(".* suffix can only be used with `==` or `!=` operators"),
      }),
    ]);
    expect(read("numpy==>1\n").diagnostics[0]).toMatchObject({
      line: 1,
      column: 6,
      hint: expect.stringContaining("expected"),
    });
  });

  it("refuses bad hashes and unknown options where they are written", () => {
    const result = read(
      `numpy==1.26.4 --hash=md5:${"0".repeat(32)}\npandas --hash=sha256:xyz\n--frobnicate\nscipy --pre\n`,
    );
    expect(result.diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([
      [1, 15, "error"],
      [2, 8, "error"],
      [3, 1, "error"],
      [4, 7, "warning"],
    ]);
    expect(result.packages.map((p) => p.name)).toEqual(["numpy", "pandas", "scipy"]);
  });

  it("expands ${VAR} from the given environment and reports unset ones", () => {
    const result = read(
      "--index-url https://${INDEX_HOST}/simple\n--extra-index-url https://${MIRROR}/simple\n",
      {},
      { INDEX_HOST: "pypi.lab.example" },
    );
    expect(result.options?.map((o) => o.value)).toEqual([
      "https://pypi.lab.example/simple",
      "https://${MIRROR}/simple",
    ]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 2, column: 27, severity: "warning" }),
    ]);
  });

  it("a marker nested thousands of parentheses deep is a positioned error with a short excerpt", () => {
    const deep = `${"(".repeat(5000)}python_version < "3.11"${")".repeat(5000)}`;
    const result = read(`pandas==2.2.2\nnumpy==1.26.4 ; ${deep}\n`);
    expect(result.packages.map((p) => p.name)).toEqual(["pandas"]);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({
      file: "env/requirements.txt",
      line: 2,
      column: 81,
      severity: "error",
    });
    expect(d?.message).toMatch(
      /^Marker parentheses nested more than 64 deep in "numpy==1\.26\.4 ; \(+…"$/,
    );
  });
});
