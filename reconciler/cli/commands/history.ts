import type { Command } from "commander";
import { readEnvironmentTrail } from "../../adapters/git/environment-trail.js";
import { readTimeline } from "../../adapters/git/read-timeline.js";
import { environmentHistory } from "../../core/audit/environment-history.js";
import { parseEnvironmentKey } from "../../core/audit/environment-key.js";
import { renderHistory } from "../../core/audit/render-history.js";
import type { CliIO } from "../io.js";

export function registerHistory(program: Command, io: CliIO): void {
  program
    .command("history")
    .description(
      "every change to an environment on main (its lock, snapshots, shares and successions), newest first",
    )
    .argument("<lab/env>", "the environment, e.g. genomics-core/rnaseq")
    .option("-C, --dir <path>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(async (target: string, opts: { dir: string; json?: boolean }) => {
      const key = parseEnvironmentKey(target);
      const trail = await readEnvironmentTrail(opts.dir, key);
      const history = environmentHistory(
        (await readTimeline(opts.dir, trail.entries)).commits,
        trail.identities,
      );
      io.out(opts.json ? JSON.stringify(history, null, 2) : renderHistory(history));
    });
}
