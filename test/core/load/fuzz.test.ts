import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { exampleFiles, TODAY } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const base = exampleFiles();
const docs = base.filter((f) => f.path.endsWith(".yaml"));
const JUNK = [
  "\t",
  "\u0000",
  ":",
  "- ",
  "&a ",
  "*a",
  "!!binary ",
  "{",
  "}",
  "[",
  "]",
  "'",
  '"',
  "#",
  "\n",
  "  ",
  "__proto__: 1\n",
  "<<: *a\n",
  "\ufeff",
  "\ud800",
  "%YAML 1.1\n",
  "---\n",
  "...\n",
  "? ",
  "|",
  ">",
];

/** A mutation of a document's text: insert junk, delete a range, or duplicate a line. */
const mutation = fc.oneof(
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 8 })),
  }),
  fc.record({
    op: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("bytes" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(content: Uint8Array | string, muts: Mutation[]): Uint8Array {
  let bytes = Buffer.from(content);
  for (const m of muts) {
    const at = m.at % (bytes.length + 1);
    if (m.op === "insert")
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.junk), bytes.subarray(at)]);
    else if (m.op === "delete")
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    else if (m.op === "bytes")
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    else {
      const lines = bytes.toString("utf8").split("\n");
      const i = at % lines.length;
      lines.splice(i, 0, lines[i]!);
      bytes = Buffer.from(lines.join("\n"));
    }
  }
  return bytes;
}

function expectPositioned(files: RepoFile[]): void {
  const { diagnostics } = validateFiles(files, check, { today: TODAY });
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/\n\s+at /);
  }
}

describe("loader and validator under fuzzing", () => {
  it("never throw on thousands of mutated documents (loader, schema and rules on the document alone)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: docs.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (which, muts) => {
          const target = docs[which]!;
          expectPositioned([{ path: target.path, content: apply(target.content, muts) }]);
        },
      ),
      { numRuns: 4000, seed: 20261123 },
    );
    // Seeded, so the same 4,000 documents every run; the bound is for a loaded machine.
  }, 120_000);

  it("never throw when a mutated document sits in the whole example repository", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: docs.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, muts) => {
          const target = docs[which]!;
          expectPositioned(
            base.map((f) =>
              f.path === target.path ? { path: f.path, content: apply(f.content, muts) } : f,
            ),
          );
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  }, 120_000);
});
