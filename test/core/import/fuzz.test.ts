import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  importCondaEnvironment,
  importKernelspecList,
  importPipFreeze,
  importPipInspect,
  importRequirementsTxt,
  type ImportResult,
} from "../../../reconciler/core/import/index.js";
import { logicalLines } from "../../../reconciler/core/import/requirement-lines.js";
import { importAptTxt } from "../../../reconciler/core/import/apt-txt.js";
import { importCondaList } from "../../../reconciler/core/import/conda-list.js";
import { importInstallR } from "../../../reconciler/core/import/install-r.js";
import { importPipfile } from "../../../reconciler/core/import/pipfile.js";
import { importPipfileLock } from "../../../reconciler/core/import/pipfile-lock.js";
import { importRuntimeTxt } from "../../../reconciler/core/import/runtime-txt.js";
import { filesOf, fixture } from "./fixture-files.js";

/**
 * Thousands of damaged versions of the fixtures (fixed seed): every reader must
 * return, never throw, and every diagnostic must carry a usable place. Known-bad
 * lines planted at random spots must be reported at their line.
 */
const SEED = 20_240_611;
const RUNS = 300;

/** The included files, read once. */
const INCLUDES = filesOf(
  Object.fromEntries(
    [
      "requirements/base.txt",
      "requirements/common/notebook-extras.txt",
      "requirements/constraints.txt",
      "conda/requirements-extra.txt",
    ].map((path) => [path, fixture(path)]),
  ),
);

interface Reader {
  name: string;
  code: string;
  base: string;
  read: (text: string) => ImportResult;
}

const READERS: Reader[] = [
  {
    name: "requirements.txt",
    code: "requirements-txt",
    base: fixture("requirements/requirements.txt"),
    read: (text) =>
      importRequirementsTxt({ file: "requirements/requirements.txt", text, readFile: INCLUDES }),
  },
  {
    name: "pip freeze",
    code: "pip-freeze",
    base: fixture("pip-freeze.txt"),
    read: (text) => importPipFreeze({ file: "pip-freeze.txt", text }),
  },
  {
    name: "pip inspect",
    code: "pip-inspect",
    base: fixture("pip-inspect.json"),
    read: (text) => importPipInspect({ file: "pip-inspect.json", text }),
  },
  {
    name: "environment.yml",
    code: "conda-environment",
    base: fixture("conda/environment.yml"),
    read: (text) =>
      importCondaEnvironment({ file: "conda/environment.yml", text, readFile: INCLUDES }),
  },
  {
    name: "kernelspec list",
    code: "kernelspec",
    base: fixture("kernelspec-list.json"),
    read: (text) => importKernelspecList({ file: "kernelspec-list.json", text }),
  },
  ...(
    [
      ["runtime.txt", "runtime-txt", "binder-viz/runtime.txt", importRuntimeTxt],
      ["apt.txt", "apt-txt", "binder-viz/apt.txt", importAptTxt],
      ["install.R", "install-r", "binder-r/install.R", importInstallR],
      ["Pipfile", "pipfile", "binder-pipenv/Pipfile", importPipfile],
      ["Pipfile.lock", "pipfile-lock", "binder-pipenv/Pipfile.lock", importPipfileLock],
      ["conda list --export", "conda-list", "conda-lists/packages.txt", importCondaList],
      ["conda list --explicit", "conda-list", "conda-lists/spec-file.txt", importCondaList],
    ] as const
  ).map(([name, code, file, reader]) => ({
    name,
    code,
    base: fixture(file),
    read: (text: string) => reader({ file, text }),
  })),
];

const noise = fc.constantFrom(
  "\\",
  "\\\n",
  "\n",
  "\r\n",
  "\r",
  "\t",
  " ",
  "#",
  "-r ",
  "-c ",
  "-e ",
  "--hash=",
  "==",
  ">=",
  "~=",
  ".*",
  "+",
  "@",
  ";",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  ",",
  ":",
  "'",
  '"',
  "&a",
  "*a",
  "!tag",
  "- ",
  "pip:",
  "\u0000",
  "\ufeff",
  "é",
  "\u2028",
  "${X}",
  "===",
  "::",
  "|",
  '"\\u12',
  "9999999999999999999999",
);

/** One to four edits: insert noise, delete a stretch, duplicate or drop a line, cut the end. */
function mutated(base: string) {
  const edit = fc.oneof(
    fc.tuple(fc.constant("insert" as const), fc.nat(), noise),
    fc.tuple(fc.constant("delete" as const), fc.nat(), fc.integer({ min: 1, max: 12 })),
    fc.tuple(fc.constant("duplicate-line" as const), fc.nat(), fc.constant("")),
    fc.tuple(fc.constant("drop-line" as const), fc.nat(), fc.constant("")),
    fc.tuple(fc.constant("truncate" as const), fc.nat(), fc.constant("")),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let text = base;
    for (const [kind, at, arg] of edits) {
      const i = at % (text.length + 1);
      const lines = text.split("\n");
      const l = at % Math.max(1, lines.length);
      if (kind === "insert") text = text.slice(0, i) + arg + text.slice(i);
      else if (kind === "delete") text = text.slice(0, i) + text.slice(i + Number(arg));
      else if (kind === "duplicate-line")
        text = [...lines.slice(0, l + 1), ...lines.slice(l)].join("\n");
      else if (kind === "drop-line")
        text = [...lines.slice(0, l), ...lines.slice(l + 1)].join("\n");
      else text = text.slice(0, i);
    }
    return text;
  });
}

/** Problems with the shape of a result: diagnostics without a usable place, entries without a source. */
function malformations(result: ImportResult, text: string, code: string): string[] {
  const lineCount = text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).length + 1;
  const problems: string[] = [];
  const rootFile = result.diagnostics[0]?.file;
  for (const d of result.diagnostics) {
    const placed =
      Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1;
    const inside = d.file !== rootFile || d.line <= lineCount + 1;
    if (
      !placed ||
      !inside ||
      d.message === "" ||
      !["error", "warning"].includes(d.severity) ||
      d.code !== code
    )
      problems.push(`diagnostic ${JSON.stringify(d)}`);
  }
  for (const item of [
    ...result.packages,
    ...(result.constraints ?? []),
    ...result.unmapped,
    ...(result.kernels ?? []),
  ]) {
    if (!(item.source.line >= 1)) problems.push(`source ${JSON.stringify(item)}`);
  }
  for (const u of result.unmapped)
    if (u.reason.length <= 10) problems.push(`reason ${JSON.stringify(u)}`);
  // PEP 503 names; conda's `_libgcc_mutex` style names normalize to a leading `-`.
  for (const p of result.packages)
    if (!/^-?[a-z0-9+]([a-z0-9+-]*[a-z0-9+])?$/.test(p.name)) problems.push(`name ${p.name}`);
  return problems;
}

describe.each(READERS)("$name reader under damage", ({ base, read, code }) => {
  it(`never throws and always places its diagnostics (${RUNS} damaged inputs)`, () => {
    fc.assert(
      fc.property(mutated(base), (text) => {
        expect(malformations(read(text), text, code)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("planted problems are reported at their line", () => {
  const lineStarts = (text: string, accept: (line: string, previous: string) => boolean) =>
    text.split("\n").flatMap((line, i, all) => (accept(line, all[i - 1] ?? "") ? [i] : []));

  it.each([
    ["requirements.txt", 0, "numpy==>1"],
    ["pip freeze", 1, "scipy==1.13.1 ; python_version <"],
  ] as const)("%s: a bad requirement line", (_name, index, bad) => {
    const reader = READERS[index]!;
    const spots = lineStarts(reader.base, (_line, previous) => !previous.trimEnd().endsWith("\\"));
    fc.assert(
      fc.property(fc.constantFrom(...spots), (spot) => {
        const lines = reader.base.split("\n");
        const text = [...lines.slice(0, spot), bad, ...lines.slice(spot)].join("\n");
        const result = reader.read(text);
        expect(
          result.diagnostics.some(
            (d) =>
              d.line === spot + 1 &&
              d.severity === "error" &&
              d.file === result.diagnostics[0]?.file,
          ),
        ).toBe(true);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("environment.yml: a duplicated top-level key", () => {
    const reader = READERS[3]!;
    const spots = lineStarts(reader.base, (line) => /^[a-z]/.test(line));
    fc.assert(
      fc.property(fc.constantFrom(...spots), (spot) => {
        const lines = reader.base.split("\n");
        const text = [...lines.slice(0, spot), "name: duplicate", ...lines.slice(spot)].join("\n");
        const lineOfSecondName =
          text.split("\n").findIndex(
            (l, i) =>
              l.startsWith("name:") &&
              text
                .split("\n")
                .slice(0, i)
                .some((p) => p.startsWith("name:")),
          ) + 1;
        expect(reader.read(text).diagnostics).toContainEqual(
          expect.objectContaining({ line: lineOfSecondName, severity: "error" }),
        );
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it.each([
    ["pip inspect", 2],
    ["kernelspec list", 4],
  ] as const)("%s: JSON cut short anywhere", (_name, index) => {
    const reader = READERS[index]!;
    const body = reader.base.trimEnd();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: body.length - 1 }), (cut) => {
        const text = body.slice(0, cut);
        const result = reader.read(text);
        expect(result.diagnostics.length).toBeGreaterThan(0);
        expect(result.diagnostics[0]!.line).toBeLessThanOrEqual(text.split("\n").length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("nothing is dropped silently", () => {
  it("every logical line of damaged pip freeze output is accounted for", () => {
    fc.assert(
      fc.property(mutated(READERS[1]!.base), (text) => {
        const result = importPipFreeze({ file: "pip-freeze.txt", text });
        const accounted = new Set([
          ...result.packages.map((p) => p.source.line),
          ...result.unmapped.map((u) => u.source.line),
          ...(result.options ?? []).map((o) => o.source.line),
          ...result.diagnostics.map((d) => d.line),
        ]);
        const { lines } = logicalLines(text);
        const dropped = lines.filter(
          (line) => !accounted.has(line.line) && !line.origins.some((o) => accounted.has(o.line)),
        );
        expect(dropped.map((line) => `line ${line.line}: ${JSON.stringify(line.text)}`)).toEqual(
          [],
        );
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
