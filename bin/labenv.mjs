#!/usr/bin/env node
// labenv command line. Runs the JavaScript bundle in dist/cli/ that `npm ci`
// builds (the `prepare` script, scripts/build.mjs), so no TypeScript is
// compiled at start-up. While any source the bundle was built from has
// changed since (an edit, a checkout, a pull), or when there is no build,
// it runs the TypeScript sources through tsx instead: a stale build never
// runs old code. `npm run build` makes start-up fast again;
// LABENV_FROM_SOURCE=1 always runs the sources.
import { readFileSync } from "node:fs";
import module from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildState } from "../scripts/build-stamp.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const state = process.env.LABENV_FROM_SOURCE === "1" ? { fresh: false } : buildState(root, dist);
const args = process.argv.slice(2);

if (state.fresh && args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
  // Written by the build from the built command line itself: listing every
  // command would otherwise load every command's module.
  process.stdout.write(readFileSync(join(dist, "cli/help.txt"), "utf8"));
} else {
  let main;
  if (state.fresh) {
    // V8's compiled code for the bundle, kept beside it (Node keys it by the
    // file's contents, so a rebuild is never served old code): later calls
    // skip compiling the modules they load.
    module.enableCompileCache?.(join(dist, ".compile-cache"));
    ({ main } = await import(pathToFileURL(join(dist, "cli/main.js")).href));
  } else {
    if (state.changed && process.stderr.isTTY)
      process.stderr.write(
        `labenv: ${state.changed} changed since the last build: running the sources (slower start; \`npm run build\` to rebuild)\n`,
      );
    const { register } = await import("tsx/esm/api");
    register();
    ({ main } = await import("../reconciler/cli/main.ts"));
  }
  process.exitCode = await main(args);
}
