// Which listener rule answers a path, as an ALB decides (the sandbox gateway routes with it):
// ascending priority, the first whose pattern matches the whole path; `*` any characters.
import { describe, expect, it } from "vitest";
import { pathPatternMatches, ruleFor } from "../../../reconciler/core/access/listener-routing.js";

const rules = [
  { priority: 2000, paths: ["/genomics-core/rnaseq", "/genomics-core/rnaseq/*"], name: "rnaseq" },
  { priority: 1500, paths: ["/genomics-core/rnaseq-2", "/genomics-core/rnaseq-2/*"], name: "r2" },
  { priority: 49000, paths: ["/*"], name: "fallback" },
];

describe("listener routing", () => {
  it.each([
    ["/genomics-core/rnaseq", "rnaseq"],
    ["/genomics-core/rnaseq/lab/tree?x", "rnaseq"],
    ["/genomics-core/rnaseq-2/lab", "r2"],
    ["/genomics-core/rnaseqx", "fallback"],
    ["/Genomics-core/rnaseq/", "fallback"],
  ])("%s → %s", (path, name) => {
    expect(ruleFor(rules, path)?.name).toBe(name);
  });

  it("no rule: undefined (the listener's default answer)", () => {
    expect(ruleFor(rules.slice(0, 2), "/other/")).toBeUndefined();
  });

  it.each([
    ["/a/b/*", "/a/b/", true],
    ["/a/b/*", "/a/b", false],
    ["/a.b", "/axb", false],
    ["/a?c", "/abc", true],
  ])("pattern %s on %s: %s", (pattern, path, ok) => {
    expect(pathPatternMatches(pattern, path)).toBe(ok);
  });
});
