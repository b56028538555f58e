import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ReadFile } from "../../../reconciler/core/import/index.js";

/** The import fixtures, read by repository-relative path under test/fixtures/import. */
export const FIXTURES = fileURLToPath(new URL("../../fixtures/import/", import.meta.url));

export const readFixture: ReadFile = (path) => {
  const full = FIXTURES + path;
  return existsSync(full) ? readFileSync(full, "utf8") : undefined;
};

export function fixture(path: string): string {
  const text = readFixture(path);
  if (text === undefined) throw new Error(`missing fixture ${path}`);
  return text;
}

/** A `readFile` over an in-memory set of files, for include tests. */
export function filesOf(files: Record<string, string>): ReadFile {
  return (path) => (Object.hasOwn(files, path) ? files[path] : undefined);
}
