// The start hook that places a pack's example notebooks in a home: the image's Python
// (reconciler/agent/labenv_jupyter.py place_examples, run by the server extension on AWS) and
// the sandbox's container start (sandbox-start.ts) are run on the same image files and homes,
// and must do exactly the same.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { placeExamples } from "../../reconciler/adapters/sandbox/sandbox-start.js";
import { hashTree } from "../../reconciler/adapters/sandbox/sandbox-storage.js";
import { IMAGE_EXAMPLES_DIR } from "../../reconciler/core/image/build-context.js";
import { repoRoot } from "../helpers/example-repo.js";

const notebook = (title: string) =>
  `${JSON.stringify({ cells: [{ cell_type: "markdown", metadata: {}, source: [title] }], metadata: {}, nbformat: 4, nbformat_minor: 5 })}\n`;
const sha = (s: string | Buffer) => `sha256:${createHash("sha256").update(s).digest("hex")}`;

/** The image's /opt/labenv/examples/ as a directory: manifest.json and the notebooks. */
function imageDir(files: Record<string, string>, manifestOverride?: Record<string, unknown>[]) {
  const dir = mkdtempSync(join(tmpdir(), "labenv-image-examples-"));
  const examples =
    manifestOverride ??
    Object.entries(files).map(([file, content]) => ({
      file,
      sha256: sha(content),
      size: Buffer.byteLength(content),
    }));
  writeFileSync(
    join(dir, "manifest.json"),
    `${JSON.stringify({ pack: "astro@1.4.0", examples }, null, 2)}\n`,
  );
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

type Run = (home: string, image: string) => Record<string, string>;

const python: Run = (home, image) => {
  const r = spawnSync(
    "python3",
    [
      "-c",
      "import json, sys; sys.path.insert(0, sys.argv[1]); import labenv_jupyter; print(json.dumps(labenv_jupyter.place_examples(sys.argv[2], sys.argv[3])))",
      join(repoRoot, "reconciler/agent"),
      home,
      image,
    ],
    { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Record<string, string>;
};

const sandbox: Run = (home, image) =>
  placeExamples(home, (path) => {
    if (!path.startsWith(`${IMAGE_EXAMPLES_DIR}/`)) return undefined;
    try {
      return readFileSync(join(image, path.slice(IMAGE_EXAMPLES_DIR.length + 1)));
    } catch {
      return undefined;
    }
  });

/** Every file of a home with its content, for comparing the two implementations byte for byte. */
const tree = (home: string) =>
  hashTree(home).map((f) => [f.path, readFileSync(join(home, f.path), "utf8")]);

describe.each([
  ["the image's start hook (python3)", python],
  ["the sandbox's container start", sandbox],
])("%s", (_name, run) => {
  it("places each example once, keeps a researcher's file of the same name, and does nothing on a second start", () => {
    const image = imageDir({ "intro.ipynb": notebook("intro"), "fit.ipynb": notebook("fit") });
    const home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    mkdirSync(join(home, "examples"));
    writeFileSync(join(home, "examples/fit.ipynb"), "the researcher's own fit\n");
    expect(run(home, image)).toEqual({ "intro.ipynb": "placed", "fit.ipynb": "kept" });
    expect(readFileSync(join(home, "examples/intro.ipynb"), "utf8")).toBe(notebook("intro"));
    expect(readFileSync(join(home, "examples/fit.ipynb"), "utf8")).toBe(
      "the researcher's own fit\n",
    );
    const record = JSON.parse(readFileSync(join(home, ".labenv/examples.json"), "utf8")) as {
      examples: Record<string, { outcome: string; pack: string; sha256: string }>;
    };
    expect(record.examples["intro.ipynb"]).toEqual({
      outcome: "placed",
      pack: "astro@1.4.0",
      sha256: sha(notebook("intro")),
    });
    const before = tree(home);
    expect(run(home, image)).toEqual({});
    expect(tree(home)).toEqual(before);
    // Deleted by the researcher afterwards: it stays deleted.
    rmSync(join(home, "examples/intro.ipynb"));
    expect(run(home, image)).toEqual({});
    expect(hashTree(home).map((f) => f.path)).not.toContain("examples/intro.ipynb");
  });

  it("refuses an example whose bytes are not the manifest's, and records nothing for it", () => {
    const good = notebook("intro");
    const image = imageDir({ "intro.ipynb": good }, [
      { file: "intro.ipynb", sha256: sha("something else"), size: Buffer.byteLength(good) },
    ]);
    const home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    expect(run(home, image)).toEqual({ "intro.ipynb": "refused" });
    expect(hashTree(home)).toEqual([]);
  });

  it("does nothing in an image without examples", () => {
    const home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    expect(run(home, mkdtempSync(join(tmpdir(), "labenv-image-none-")))).toEqual({});
    expect(hashTree(home)).toEqual([]);
  });
});

it("both write the same home, record included, byte for byte", () => {
  const image = imageDir({ "b.ipynb": notebook("b"), "a.ipynb": notebook("a") });
  const homes = [python, sandbox].map((run) => {
    const home = mkdtempSync(join(tmpdir(), "labenv-home-"));
    mkdirSync(join(home, "examples"));
    writeFileSync(join(home, "examples/b.ipynb"), "mine\n");
    run(home, image);
    return tree(home);
  });
  expect(homes[1]).toEqual(homes[0]);
});
