import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseSimpleYaml } from "../../../reconciler/core/load/simple-yaml.js";
import { repoRoot } from "../../helpers/example-repo.js";

type StringifyOptions = Exclude<Parameters<typeof stringify>[2], string | number | undefined>;

/** The full parser's answer, or "error". */
function reference(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return "error";
  }
}

/** Where the fast reader answers, it answers like `yaml.parse`; where yaml errors, it declines. */
function agrees(text: string): void {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return;
  expect(reference(text), `fast reader disagrees on:\n${text}`).toEqual(fast);
}

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._\/@:=<>,-]{0,15}$/);
const scalar = fc.oneof(
  word,
  word,
  fc.string(),
  fc.constantFrom(
    "1.10",
    "2.0",
    "007",
    "-5",
    "+3",
    "1e5",
    ".5",
    "1.",
    "true",
    "False",
    "null",
    "~",
    "",
    "yes",
    "2026-12-31",
    "a: b",
    "a #b",
    "#x",
    "- x",
    "'q'",
    '"d"',
    "x\ty",
    "é✓",
    "sha256:abc",
    "@x",
    "*a",
    "&a",
    "!t",
    "%p",
    "{}",
    "[]",
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  fc.stringMatching(/^[a-z][a-zA-Z0-9_.-]{0,10}$/),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    "name",
    "version",
    "spec",
    "ServerApp.timeout",
    "a-b",
    "a_b",
    "1",
    "true",
    "null",
    "__proto__",
    "x y",
    "k:",
  ),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
})).node;

describe("fast YAML subset reader", () => {
  it("reads what the YAML library writes exactly as the YAML library reads it", () => {
    let answered = 0;
    fc.assert(
      fc.property(
        value,
        fc.constantFrom<StringifyOptions>(
          {},
          { indentSeq: false },
          { indent: 4 },
          { defaultStringType: "QUOTE_DOUBLE" },
          { defaultStringType: "QUOTE_SINGLE" },
          { collectionStyle: "flow" },
        ),
        (v, options) => {
          const text = stringify(v, null, options);
          if (parseSimpleYaml(text) !== undefined) answered++;
          agrees(text);
        },
      ),
      { numRuns: 2000 },
    );
    expect(
      answered,
      "the fast reader answers for a good share of generated documents",
    ).toBeGreaterThan(250);
  });

  it("never answers differently from the YAML library on arbitrary YAML-ish text", () => {
    const token = fc.constantFrom(
      "a",
      "b: ",
      "- ",
      "  ",
      "    ",
      ":",
      "#",
      " #c",
      "'",
      '"',
      "\\",
      "[",
      "]",
      "{",
      "}",
      ",",
      "1",
      ".5",
      "true",
      "null",
      "~",
      "&x",
      "*x",
      "!t",
      "|",
      ">",
      "\n",
      "\n",
      "\n",
      "---",
      "...",
      "%",
      "?",
      "\t",
      "\r\n",
      "é",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => agrees(tokens.join(""))),
      { numRuns: 5000 },
    );
  });

  it("reads every YAML file of the example repository (locks included) like the YAML library", () => {
    const files = execFileSync(
      "git",
      ["ls-files", "-z", "--", "environments", "domain-packs", "labenv.yaml"],
      { cwd: repoRoot, encoding: "utf8" },
    )
      .split("\0")
      .filter((f) => /\.ya?ml$/.test(f));
    let answered = 0;
    for (const f of files) {
      const text = readFileSync(join(repoRoot, f), "utf8");
      const fast = parseSimpleYaml(text);
      if (fast !== undefined) answered++;
      agrees(text);
    }
    expect(answered).toBeGreaterThan(files.length * 0.8);
  });

  it("declines what it does not handle, leaving it to the full parser", () => {
    for (const text of [
      "---\n---\n",
      "a: 1\n---\nb: 2\n",
      "a: &x 1\nb: *x\n",
      "a: |\n  text\n",
      "a: !!str 1\n",
      "a: b\n  c\n",
      "a: [1, [2]]\n",
      "a: 0x10\n",
      "a: .inf\n",
      "a: 1\na: 2\n",
      "? a\n: b\n",
      "--- x\n",
      "a:\tb\n",
    ]) {
      expect(parseSimpleYaml(text), text).toBeUndefined();
    }
  });

  it("reads a generated lock", () => {
    expect(
      parseSimpleYaml(
        '# c\napiVersion: v1\nspec:\n  packages:\n    - name: numpy\n      version: "1.10"\n      source: pack\n    - name: a\n      version: 2.0.1\n  extensions: []\n',
      ),
    ).toEqual({
      apiVersion: "v1",
      spec: {
        packages: [
          { name: "numpy", version: "1.10", source: "pack" },
          { name: "a", version: "2.0.1" },
        ],
        extensions: [],
      },
    });
  });
});
