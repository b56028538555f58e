#!/usr/bin/env node
// labenv command line. Runs the TypeScript sources directly through tsx, so
// `npx labenv` works right after `npm ci` with no build step to remember.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../reconciler/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
