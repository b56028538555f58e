import nock from "nock";
import { strictNock } from "../../helpers/strict-nock.js";
import { describe, expect, it } from "vitest";
import {
  chooseFile,
  loadIndexFor,
  PypiIndex,
} from "../../../reconciler/adapters/package-index/pypi-index.js";
import { isLabenvError } from "../../../reconciler/core/errors.js";
import { resolve } from "../../../reconciler/core/lock/resolve.js";
import { fixtureSha, fullFixtureIndex, PYPI, pypiJson, servePypi } from "./pypi-fixtures.js";

const PY = "3.11.9";
const fast = { url: PYPI, backoffMs: 0 };
const REQUESTS_TREE = [
  "requests",
  "requests/2.32.3",
  "charset-normalizer",
  "charset-normalizer/3.3.2",
  "idna",
  "idna/3.8",
  "urllib3",
  "urllib3/2.2.2",
  "certifi",
  "certifi/2024.7.4",
];

strictNock();

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

describe("loadIndexFor against the PyPI JSON API", () => {
  it("reads each project once and the release resolution picks, with the sha256 of the wheel for the image", async () => {
    servePypi(REQUESTS_TREE);
    const index = await loadIndexFor(["requests>=2.31"], {}, PY, fast);
    expect([...index.keys()].sort()).toEqual([
      "certifi",
      "charset-normalizer",
      "idna",
      "requests",
      "urllib3",
    ]);
    const r = resolve({
      requirements: ["requests>=2.31"],
      pins: {},
      packLabel: "test@1.0.0",
      python: PY,
      index,
    });
    expect(r.ok && r.packages.map((p) => `${p.name}==${p.version}`)).toEqual([
      "certifi==2024.7.4",
      "charset-normalizer==3.3.2",
      "idna==3.8",
      "requests==2.32.3",
      "urllib3==2.2.2",
    ]);
    const locked = r.ok ? new Map(r.packages.map((p) => [p.name, p.sha256])) : new Map();
    expect(locked.get("charset-normalizer")).toBe(
      fixtureSha(
        "charset_normalizer-3.3.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      ),
    );
    expect(locked.get("requests")).toBe(fixtureSha("requests-2.32.3-py3-none-any.whl"));
  });

  it("resolves to what a complete index gives", async () => {
    servePypi(REQUESTS_TREE);
    const partial = await loadIndexFor(["requests>=2.31"], {}, PY, fast);
    const full = fullFixtureIndex(
      (files) =>
        chooseFile(
          files.map((f) => ({
            ...f,
            packagetype: f.filename.endsWith(".whl") ? "bdist_wheel" : "sdist",
            yanked: false,
          })),
          PY,
        )?.sha256,
    );
    const input = {
      requirements: ["requests>=2.31"],
      pins: {},
      packLabel: "test@1.0.0",
      python: PY,
    };
    expect(resolve({ ...input, index: partial })).toEqual(resolve({ ...input, index: full }));
  });

  it("never fetches what the domain pack pins", async () => {
    servePypi([
      "requests",
      "requests/2.32.3",
      "urllib3",
      "urllib3/2.2.2",
      "certifi",
      "certifi/2024.7.4",
    ]);
    const index = await loadIndexFor(
      ["requests"],
      { idna: "3.7", "charset-normalizer": "3.3.2" },
      PY,
      fast,
    );
    expect(index.has("idna")).toBe(false);
  });

  it("skips the yanked 2.32.0 unless it is asked for with ==, and says so when nothing else fits", async () => {
    servePypi([
      "requests",
      "requests/2.32.0",
      "charset-normalizer",
      "charset-normalizer/3.3.2",
      "idna",
      "idna/3.8",
      "urllib3",
      "urllib3/2.2.2",
      "certifi",
      "certifi/2024.7.4",
    ]);
    const exact = await loadIndexFor(["requests==2.32.0"], {}, PY, fast);
    expect(exact.get("requests")?.find((v) => v.version === "2.32.0")?.yanked).toBe(true);
    const r = resolve({
      requirements: ["requests==2.32.0"],
      pins: {},
      packLabel: "t@1",
      python: PY,
      index: exact,
    });
    expect(r.ok && r.packages.find((p) => p.name === "requests")?.version).toBe("2.32.0");

    servePypi(["requests"]);
    const none = await loadIndexFor(["requests>2.31,<2.32.2"], {}, PY, fast);
    const failed = resolve({
      requirements: ["requests>2.31,<2.32.2"],
      pins: {},
      packLabel: "t@1",
      python: PY,
      index: none,
    });
    expect(failed.ok ? [] : failed.errors).toEqual([expect.stringContaining("2.32.0 yanked")]);
  });

  it("honours markers and the image's Python: a dependency for Python < 3.9 is not fetched", async () => {
    servePypi([
      "formulaic",
      "formulaic/1.0.2",
      "interface-meta",
      "interface-meta/1.3.0",
      "wrapt",
      "wrapt/1.16.0",
      "typing-extensions",
      "typing-extensions/4.12.2",
    ]);
    const index = await loadIndexFor(
      ["formulaic>=1.0.2"],
      { numpy: "1.26.4", pandas: "2.2.2", scipy: "1.14.1" },
      PY,
      fast,
    );
    expect(index.has("graphlib-backport")).toBe(false);
    expect(index.get("wrapt")?.[0]?.sha256).toBe(
      fixtureSha(
        "wrapt-1.16.0-cp311-cp311-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      ),
    );
  });

  it("re-reads a package when a later constraint rules out the release it picked", async () => {
    const project = (name: string, versions: string[]) =>
      JSON.stringify({
        info: { name, version: versions.at(-1) },
        releases: Object.fromEntries(
          versions.map((v) => [
            v,
            [
              {
                filename: `${name}-${v}.tar.gz`,
                packagetype: "sdist",
                digests: { sha256: fixtureSha(`${name}-${v}.tar.gz`) },
                yanked: false,
              },
            ],
          ]),
        ),
      });
    const release = (name: string, v: string, requires: string[] | null) =>
      JSON.stringify({
        info: { name, version: v, requires_dist: requires, requires_python: null, yanked: false },
        urls: [
          {
            filename: `${name}-${v}.tar.gz`,
            packagetype: "sdist",
            digests: { sha256: fixtureSha(`${name}-${v}.tar.gz`) },
            yanked: false,
          },
        ],
      });
    nock(PYPI)
      .get("/pypi/alpha/json")
      .reply(200, project("alpha", ["1.0", "2.0"]))
      .get("/pypi/beta/json")
      .reply(200, project("beta", ["1.0"]))
      .get("/pypi/alpha/2.0/json")
      .reply(200, release("alpha", "2.0", null))
      .get("/pypi/beta/1.0/json")
      .reply(200, release("beta", "1.0", ["alpha<2"]))
      .get("/pypi/alpha/1.0/json")
      .reply(200, release("alpha", "1.0", null));
    const index = await loadIndexFor(["alpha", "beta"], {}, PY, fast);
    const r = resolve({
      requirements: ["alpha", "beta"],
      pins: {},
      packLabel: "t@1",
      python: PY,
      index,
    });
    expect(
      r.ok &&
        r.packages.map(
          (p) =>
            `${p.name}==${p.version}:${p.sha256 === fixtureSha(`${p.name}-${p.version}.tar.gz`)}`,
        ),
    ).toEqual(["alpha==1.0:true", "beta==1.0:true"]);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const names = ["requests", "charset-normalizer", "idna", "urllib3", "certifi"];
    const fetchDouble = (async (input: string | URL | Request) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      const path = new URL(String(input)).pathname.replace(/^\/pypi\//, "").replace(/\/json$/, "");
      return new Response(pypiJson(path), { status: 200 });
    }) as typeof fetch;
    await new PypiIndex({ ...fast, fetch: fetchDouble, concurrency: 2 }).loadIndexFor(
      names,
      {},
      PY,
    );
    expect(most).toBe(2);
  });
});

describe("index errors", () => {
  it("a package the index does not have is named, with who asked for it", async () => {
    nock(PYPI).get("/pypi/scanpy-extras/json").reply(404, { message: "Not Found" });
    const e = await failure(loadIndexFor(["scanpy-extras>=1"], {}, PY, fast));
    expect(isLabenvError(e) && e.code).toBe("config");
    expect(e.message).toBe(
      "package scanpy-extras does not exist on https://pypi.org (required by `scanpy-extras>=1`)",
    );
  });

  it("retries 5xx and network errors with backoff, then succeeds", async () => {
    nock(PYPI)
      .get("/pypi/idna/json")
      .reply(503, "Service Unavailable")
      .get("/pypi/idna/json")
      .replyWithError("socket hang up")
      .get("/pypi/idna/json")
      .reply(200, pypiJson("idna"))
      .get("/pypi/idna/3.8/json")
      .reply(200, pypiJson("idna/3.8"));
    const index = await loadIndexFor(["idna"], {}, PY, fast);
    expect(index.get("idna")?.map((v) => v.version)).toEqual(["3.8"]);
  });

  it("gives up after the retries with `index unreachable`", async () => {
    nock(PYPI).get("/pypi/idna/json").times(3).reply(502, "Bad Gateway");
    const e = await failure(loadIndexFor(["idna"], {}, PY, { ...fast, retries: 2 }));
    expect(isLabenvError(e) && e.code).toBe("io");
    expect(e.message).toBe(
      "package index https://pypi.org unreachable: GET https://pypi.org/pypi/idna/json failed 3 times (last: HTTP 502)",
    );
  });

  it("malformed JSON and unexpected shapes are clear errors", async () => {
    nock(PYPI).get("/pypi/idna/json").reply(200, "<html>maintenance</html>");
    expect((await failure(loadIndexFor(["idna"], {}, PY, fast))).message).toMatch(
      /^package index https:\/\/pypi.org sent malformed JSON for project idna: /,
    );
    nock(PYPI).get("/pypi/idna/json").reply(200, { info: {} });
    expect((await failure(loadIndexFor(["idna"], {}, PY, fast))).message).toBe(
      "package index https://pypi.org sent malformed JSON for project idna: expected `info` and `releases`",
    );
  });

  it("a refusal (401/403) is not retried and says how to authenticate", async () => {
    nock("https://pkgs.example.org").get("/pypi/idna/json").reply(403, "Forbidden");
    const e = await failure(
      loadIndexFor(["idna"], {}, PY, { url: "https://pkgs.example.org/", backoffMs: 0 }),
    );
    expect(e.message).toBe(
      "package index https://pkgs.example.org refused project idna (HTTP 403)",
    );
    expect(isLabenvError(e) && e.hint).toMatch(/LABENV_INDEX_AUTH/);
  });
});

describe("chooseFile: the file whose sha256 is locked", () => {
  const wrapt = (
    JSON.parse(pypiJson("wrapt/1.16.0")) as {
      urls: { filename: string; packagetype: string; digests: { sha256: string } }[];
    }
  ).urls.map((u) => ({
    filename: u.filename,
    packagetype: u.packagetype,
    sha256: u.digests.sha256,
    yanked: false,
  }));

  it("prefers the CPython wheel for the image's Python on manylinux x86_64", () => {
    expect(chooseFile(wrapt, "3.11.9")?.filename).toBe(
      "wrapt-1.16.0-cp311-cp311-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    );
    expect(chooseFile(wrapt, "3.12.7")?.filename).toMatch(/^wrapt-1.16.0-cp312-cp312-manylinux/);
  });

  it("falls back to a pure wheel, then to the sdist; never musllinux, macOS, Windows or ARM", () => {
    expect(chooseFile(wrapt, "3.13.0")?.filename).toBe("wrapt-1.16.0-py3-none-any.whl");
    const noPure = wrapt.filter(
      (f) => !f.filename.includes("py3-none-any") && !f.filename.includes("cp3"),
    );
    expect(chooseFile(noPure, "3.11.9")?.filename).toBe("wrapt-1.16.0.tar.gz");
    const foreign = wrapt.filter((f) => /musllinux|macosx|win_amd64|aarch64/.test(f.filename));
    expect(chooseFile(foreign, "3.11.9")).toBeUndefined();
  });

  it("takes abi3 wheels for newer CPython, and skips wheels that need a newer glibc than the image", () => {
    const files = [
      {
        filename: "x-1.0-cp39-abi3-manylinux_2_17_x86_64.whl",
        packagetype: "bdist_wheel",
        sha256: "a".repeat(64),
        yanked: false,
      },
      {
        filename: "x-1.0-cp311-cp311-manylinux_2_39_x86_64.whl",
        packagetype: "bdist_wheel",
        sha256: "b".repeat(64),
        yanked: false,
      },
    ];
    expect(chooseFile(files, "3.11.9")?.sha256).toBe("a".repeat(64));
    expect(chooseFile(files, "3.11.9", [2, 39])?.sha256).toBe("b".repeat(64));
  });
});
