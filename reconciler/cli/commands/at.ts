import type { Command } from "commander";
import { readEnvironmentAt } from "../../adapters/git/read-environment-at.js";
import { parseEnvironmentKey } from "../../core/audit/environment-key.js";
import { renderEnvironmentAt } from "../../core/audit/render-environment-at.js";
import type { CliIO } from "../io.js";

export function registerAt(program: Command, io: CliIO): void {
  program
    .command("at")
    .description(
      "an environment and its lock as they were on main at a date (YYYY-MM-DD: end of that day, UTC) or at a commit",
    )
    .argument("<date|commit>", "a date, a timestamp, or a commit id, branch or tag")
    .argument("<lab/env>", "the environment, e.g. genomics-core/rnaseq")
    .option("-C, --dir <path>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(async (when: string, target: string, opts: { dir: string; json?: boolean }) => {
      const state = await readEnvironmentAt(opts.dir, when, parseEnvironmentKey(target));
      io.out(opts.json ? JSON.stringify(state, null, 2) : renderEnvironmentAt(state));
      io.exit(state.environment ? 0 : 1);
    });
}
