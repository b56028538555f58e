// Golden files: expected outputs kept as files next to their case, so a
// reviewer reads behaviour as data. LABENV_UPDATE_GOLDEN=1 rewrites them from
// the output (review the diff); a missing one is written and the test fails,
// so a new golden file is always looked at once.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { expect } from "vitest";
import { repoRoot } from "./example-repo.js";

export function expectGolden(path: string, actual: string): void {
  const text = actual.endsWith("\n") ? actual : `${actual}\n`;
  const shown = relative(repoRoot, path);
  const update = process.env.LABENV_UPDATE_GOLDEN === "1";
  if (update || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    if (!update) throw new Error(`wrote missing golden file ${shown}: check it and run again`);
  }
  expect(text, `golden file ${shown} (LABENV_UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(path, "utf8"),
  );
}
