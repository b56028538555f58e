// The build stamp: which sources dist/ was built from, and when each was last
// modified. bin/labenv.mjs runs the built JavaScript only while every one of
// them still has the modification time it had at build time; any edit,
// checkout, deletion or restore of an older copy changes it, and the command
// then runs the TypeScript sources instead. Checking about 400 files costs a
// few milliseconds.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const STAMP_FILE = "build.json";

// npm rewrites this file whenever it changes node_modules: dependencies are
// bundled, so an install after the build makes it stale too.
const INSTALLED = "node_modules/.package-lock.json";

/**
 * [path relative to root, mtimeMs] for every bundled source outside
 * node_modules, plus npm's record of node_modules. A file modified after the
 * build started may not be in the bundle as it is now: it is recorded as -1,
 * which never matches, so that build is never taken as fresh.
 *
 * @param {string} root
 * @param {string[]} inputs paths relative to root, as esbuild's metafile lists them
 * @param {number} startedAt
 * @returns {[string, number][]}
 */
export function stampInputs(root, inputs, startedAt) {
  const own = inputs.filter((p) => !p.split("/").includes("node_modules"));
  if (existsSync(join(root, INSTALLED))) own.push(INSTALLED);
  return [...new Set(own)].sort().map((p) => {
    const mtime = statSync(join(root, p)).mtimeMs;
    return [p, mtime >= startedAt ? -1 : mtime];
  });
}

/**
 * Whether the build in `distDir` may run: it exists, is complete, and no
 * source it was built from changed since. `changed` names the first source
 * that did.
 *
 * @param {string} root
 * @param {string} distDir
 * @returns {{ fresh: true } | { fresh: false, reason: string, changed?: string }}
 */
export function buildState(root, distDir) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(distDir, STAMP_FILE), "utf8"));
  } catch {
    return { fresh: false, reason: "not built" };
  }
  if (!Array.isArray(stamp?.inputs) || stamp.inputs.length === 0)
    return { fresh: false, reason: "not built" };
  for (const [path, mtime] of stamp.inputs) {
    let now;
    try {
      now = statSync(join(root, path)).mtimeMs;
    } catch {
      return { fresh: false, reason: "a source was removed", changed: path };
    }
    if (now !== mtime) return { fresh: false, reason: "a source changed", changed: path };
  }
  return { fresh: true };
}
