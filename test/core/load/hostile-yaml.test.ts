// Hostile YAML (issue 14, item 9): each case asserts the outcome — the load
// finishes with a positioned finding — never how long it took. On the code
// before the fix these cases ran for tens of seconds to minutes.
import { describe, expect, it } from "vitest";
import { parseYamlFile } from "../../../reconciler/core/load/parse-yaml.js";
import { MAX_DOCUMENT_NODES } from "../../../reconciler/core/load/yaml-limits.js";
import { parseEmbeddedIndex } from "../../../reconciler/core/lock/package-index.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { exampleFiles, text, TODAY, withFile } from "../../helpers/example-repo.js";
import { check } from "../../helpers/sandbox.js";

const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const base = exampleFiles();

/** rnaseq's environment.yaml with `lines` inserted at the top of `spec:`. */
function withSpecLines(lines: string): string {
  return text(base, RNASEQ).replace("spec:\n", `spec:\n${lines}`);
}

/** About 1 MiB of `  k<i>: *anchor` keys after one anchor: the shape from the issue. */
function anchoredKeys(): { content: string; keys: number } {
  let extra = "  a: &anchor 1\n";
  let keys = 0;
  while (extra.length < 1_000_000) extra += `  k${keys++}: *anchor\n`;
  return { content: withSpecLines(extra), keys };
}

const errorsOf = (files: ReturnType<typeof exampleFiles>, file: string) =>
  validateFiles(files, check, { today: TODAY }).diagnostics.filter((d) => d.file === file);

describe("hostile YAML finishes with a finding (issue 14, item 9)", () => {
  it("a 1 MiB environment.yaml of ~56,000 keys and one anchor: one positioned finding about its size", () => {
    const { content, keys } = anchoredKeys();
    expect(keys).toBeGreaterThan(50_000);
    const found = errorsOf(withFile(base, RNASEQ, content), RNASEQ);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ severity: "error", code: "yaml" });
    expect(d!.message).toBe(
      `file holds more than ${MAX_DOCUMENT_NODES} YAML nodes (keys, values and aliases), the most labenv reads in one document`,
    );
    // It points at the key that went over the cap.
    const line = content.split("\n")[d!.line - 1]!;
    expect(line).toMatch(/^ {2}k\d+: \*anchor$/);
  });

  it("the same without an anchor (the fast reader's path) is refused the same way", () => {
    let extra = "";
    for (let i = 0; i < 30_000; i++) extra += `  k${i}: 1\n`;
    const [d, ...rest] = errorsOf(withFile(base, RNASEQ, withSpecLines(extra)), RNASEQ);
    expect(rest).toEqual([]);
    expect(d!.message).toMatch(/more than 25000 YAML nodes/);
    expect(d!.line).toBeGreaterThan(10_000);
  });

  it("12,000 unknown fields: the first 100 findings with positions, then one that counts the rest", () => {
    let extra = "";
    for (let i = 0; i < 12_000; i++) extra += `  k${i}: 1\n`;
    const found = errorsOf(withFile(base, RNASEQ, withSpecLines(extra)), RNASEQ);
    expect(found).toHaveLength(101);
    expect(found[0]).toMatchObject({ code: "schema", line: 10, column: 3, path: "spec.k0" });
    expect(found[99]).toMatchObject({ code: "schema", path: "spec.k99" });
    expect(found[100]).toMatchObject({ code: "too-many-findings", severity: "error" });
    expect(found[100]!.message).toMatch(/^11900 more schema findings in this file are not listed/);
  });

  it("a duplicate among 12,000 keys of one mapping is found, at the second occurrence", () => {
    let extra = "  a: &anchor 1\n";
    for (let i = 0; i < 12_000; i++) extra += `  k${i}: *anchor\n`;
    extra += "  k5: 2\n";
    const content = withSpecLines(extra);
    const r = parseYamlFile(RNASEQ, content);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [d] = r.diagnostics;
    expect(d!.message).toMatch(/^duplicate key: .*`k5`/);
    expect(content.split("\n")[d!.line - 1]).toBe("  k5: 2");
    expect(d!.column).toBe(3);
  });

  it("a package index over 4 MiB, over 250,000 nodes, or with a duplicate package is refused with its position", () => {
    const big = `packages:\n${"  p: {}\n".repeat(700_000)}`;
    expect(() => parseEmbeddedIndex(big)).toThrow(
      /^package-index\.yaml:1:1: the file is \d+ bytes, more than/,
    );
    let many = "packages:\n";
    for (let i = 0; i < 130_000; i++) many += `  p${i}: { "1.0": {} }\n`;
    expect(() => parseEmbeddedIndex(many)).toThrow(
      /^package-index\.yaml:\d+:\d+: more than 250000 YAML nodes/,
    );
    let dup = "packages:\n  anchor: &a {}\n";
    for (let i = 0; i < 20_000; i++) dup += `  p${i}: *a\n`;
    dup += "  p7: {}\n";
    expect(() => parseEmbeddedIndex(dup)).toThrow(
      /^package-index\.yaml:20003:3: duplicate key `p7`/,
    );
  });

  it("labenv.yaml is capped like every document: over 1 MiB is one finding", () => {
    const huge = `${text(base, "labenv.yaml")}\n# ${"x".repeat(1_100_000)}\n`;
    const found = errorsOf(withFile(base, "labenv.yaml", huge), "labenv.yaml");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/larger than 1048576 bytes/);
  });
});
