import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DESCRIPTION_VERSION } from "../../../reconciler/core/audit/change-descriptions.js";
import { repoRoot } from "../../helpers/example-repo.js";

/**
 * Every module describe-change.ts and the document reader (the YAML it
 * reads) run: value imports, followed through the sources (`import type`
 * cannot change what they say), sorted.
 */
function describingModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)";/gms)) {
      if (m[1]) continue;
      visit(resolve(dirname(file), m[2]!.replace(/\.js$/, ".ts")));
    }
  };
  visit(join(repoRoot, "reconciler/core/audit/describe-change.ts"));
  visit(join(repoRoot, "reconciler/core/audit/document-reader.ts"));
  return [...seen].map((f) => relative(repoRoot, f)).sort();
}

function wordsDigest(): string {
  const hash = createHash("sha256");
  for (const file of describingModules()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(repoRoot, file)));
    hash.update("\0");
  }
  const yaml = JSON.parse(
    readFileSync(join(repoRoot, "node_modules/yaml/package.json"), "utf8"),
  ) as { version: string };
  hash.update(`yaml@${yaml.version}`);
  return `sha256:${hash.digest("hex")}`;
}

describe("the version of remembered audit descriptions", () => {
  it("is the digest of the code that makes the words, so words made by other code are never reused", () => {
    const files = describingModules();
    // The closure is followed, not listed by hand: these are some of what it must reach.
    expect(files).toContain("reconciler/core/audit/lock-words.ts");
    expect(files).toContain("reconciler/core/load/simple-yaml.ts");
    expect(files).not.toContain("reconciler/core/audit/change-descriptions.ts");
    const digest = wordsDigest();
    expect(
      DESCRIPTION_VERSION,
      `the audit's words may have changed (${files.join(", ")}): set DESCRIPTION_VERSION in reconciler/core/audit/change-descriptions.ts to ${digest}`,
    ).toBe(digest);
  });
});
