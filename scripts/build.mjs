// `npm run build` (and `npm ci`/`npm install`, through the `prepare` script):
// bundles the command line into dist/cli/ as plain JavaScript, so `npx labenv`
// starts without compiling TypeScript. One ESM bundle with code splitting:
// what every command needs is in main.js, what only some commands load (the
// AWS SDK ports, for instance) is a chunk imported on first use. Dependencies
// are bundled too: one file parses faster than thousands of small ones.
//
// dist/build.json records every source the bundle was built from and when;
// bin/labenv.mjs runs the bundle only while none of them changed since (see
// scripts/build-stamp.mjs), so an edited .ts file is never shadowed by an old
// build. dist/ is git-ignored: it is built, never committed.
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { STAMP_FILE, stampInputs } from "./build-stamp.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Entry points: output name (under dist/<dir>/) → source. */
export const ENTRIES = { cli: { main: "reconciler/cli/main.ts" } };

// esbuild's ESM output has no `require`; a few CommonJS dependencies call it.
const REQUIRE_SHIM =
  "import { createRequire as __labenvCreateRequire } from 'node:module'; const require = __labenvCreateRequire(import.meta.url);";

/** `labenv --help` as the build prints it (under dist/). */
export const HELP_FILE = "cli/help.txt";

function topLevelHelp(main) {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(main).href)}); process.exitCode = await main(["--help"]);`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  if (child.status !== 0)
    throw new Error(`labenv build: the built --help failed:\n${child.stderr}`);
  return child.stdout;
}

/**
 * Builds every entry into `outdir` (default dist/ under `root`) and writes the
 * stamp last, so an interrupted build is never taken for a complete one. The
 * new build is written next to the old one and moved into place at the end:
 * a command started meanwhile runs the old build or the sources, never half
 * of each.
 */
export async function build({ root = ROOT, outdir = join(root, "dist") } = {}) {
  const esbuild = await import("esbuild");
  const staging = `${outdir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const inputs = new Set();
  const startedAt = Date.now();
  try {
    for (const [dir, entryPoints] of Object.entries(ENTRIES)) {
      const result = await esbuild.build({
        absWorkingDir: root,
        entryPoints: Object.fromEntries(
          Object.entries(entryPoints).map(([name, source]) => [name, join(root, source)]),
        ),
        outdir: join(staging, dir),
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node22",
        mainFields: ["module", "main"],
        // Not minified: stack traces keep the source's names and lines stay readable.
        banner: { js: REQUIRE_SHIM },
        metafile: true,
        logLevel: "warning",
      });
      for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
    }
    // `labenv --help` lists every command, so it would load every command's
    // module: the built help is kept as text, and bin/labenv.mjs prints it.
    writeFileSync(join(staging, HELP_FILE), topLevelHelp(join(staging, "cli/main.js")));
    const stamp = {
      builtAt: startedAt,
      node: process.version,
      inputs: stampInputs(root, [...inputs], startedAt),
    };
    writeFileSync(join(staging, STAMP_FILE), `${JSON.stringify(stamp, null, 1)}\n`);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(dirname(outdir), { recursive: true });
    renameSync(staging, outdir);
    return { outdir, inputs: stamp.inputs.length, ms: Date.now() - startedAt };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await import("esbuild");
  } catch {
    // An install without devDependencies (npm ci --omit=dev): no bundler, so
    // bin/labenv.mjs runs the sources through tsx, as before.
    console.warn("labenv build: esbuild is not installed; `npx labenv` runs the sources (slower)");
    process.exit(0);
  }
  const { outdir, inputs, ms } = await build();
  console.log(
    `labenv build: ${relative(process.cwd(), outdir) || "."}/ from ${inputs} sources in ${ms} ms`,
  );
}
