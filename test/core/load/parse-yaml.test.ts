import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parseYamlFile } from "../../../reconciler/core/load/parse-yaml.js";

function problems(content: string | Uint8Array) {
  const r = parseYamlFile("environments/lab-a/env-a/environment.yaml", content);
  if (r.ok) throw new Error("expected a failure");
  return r.diagnostics;
}

describe("parseYamlFile", () => {
  it("parses a mapping and finds positions of nested nodes", () => {
    const r = parseYamlFile("f.yaml", "a: 1\nspec:\n  resources:\n    cpu: 1024\n");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parsed.value).toEqual({ a: 1, spec: { resources: { cpu: 1024 } } });
    expect(r.parsed.positions.at(["spec", "resources", "cpu"])).toEqual({ line: 4, column: 10 });
    expect(r.parsed.positions.at(["spec", "resources", "cpu"], { key: true })).toEqual({
      line: 4,
      column: 5,
    });
    expect(r.parsed.positions.at(["spec", "missing", "deeper"])).toEqual({ line: 3, column: 3 });
  });

  it("reports malformed YAML with the line and column of the problem", () => {
    const [d] = problems("a: 1\nb: [1, 2\nc: 3\n");
    expect(d).toMatchObject({ severity: "error", code: "yaml" });
    expect(d!.line).toBeGreaterThanOrEqual(2);
  });

  it("rejects duplicate keys", () => {
    const [d] = problems("spec:\n  cpu: 1\n  cpu: 2\n");
    expect(d).toMatchObject({ line: 3, column: 3 });
    expect(d!.message).toMatch(/duplicate key/);
  });

  it("rejects tabs used for indentation", () => {
    const [d] = problems("spec:\n\tcpu: 1\n");
    expect(d!.line).toBe(2);
    expect(d!.message).toMatch(/tab/i);
  });

  it("stops alias bombs instead of expanding them", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 9; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
      );
    const [d] = problems(lines.join("\n"));
    expect(d!.message).toMatch(/alias/i);
  });

  it("treats unknown tags as errors, not warnings", () => {
    const [d] = problems("spec: !python/object:os.system rm\n");
    expect(d!.line).toBe(1);
    expect(d!.message).toMatch(/tag/i);
  });

  it.each(["__proto__", "constructor", "prototype"])(
    "rejects the key %s with its position",
    (key) => {
      const [d] = problems(`spec:\n  labels:\n    ${key}: x\n`);
      expect(d).toMatchObject({ line: 3, column: 5 });
      expect(d!.message).toContain(key);
    },
  );

  it("refuses files over the size limit without parsing them", () => {
    const [d] = problems("a: " + "x".repeat(MAX_FILE_BYTES));
    expect(d!.message).toMatch(/larger than/);
  });

  it("reports binary content", () => {
    const [d] = problems(new Uint8Array([97, 58, 32, 0, 1, 2]));
    expect(d!.message).toMatch(/binary/);
  });

  it("reports invalid UTF-8 at the line of the first bad byte", () => {
    const bytes = new Uint8Array([...Buffer.from("a: 1\nb: caf"), 0xe9, ...Buffer.from("\n")]);
    const [d] = problems(bytes);
    expect(d).toMatchObject({ line: 2, column: 7 });
    expect(d!.message).toMatch(/UTF-8/);
  });

  it("rejects several documents in one file and empty files", () => {
    expect(problems("a: 1\n---\nb: 2\n")[0]!.message).toMatch(/2 YAML documents/);
    expect(problems("")[0]!.message).toMatch(/empty/);
    expect(problems("# only a comment\n")[0]!.message).toMatch(/empty/);
  });

  it("accepts a UTF-8 byte order mark", () => {
    expect(parseYamlFile("f.yaml", "\ufeffa: 1\n").ok).toBe(true);
  });
});
