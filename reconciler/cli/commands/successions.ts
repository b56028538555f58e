import type { Command } from "commander";
import type { CliIO } from "../io.js";
import { openContext } from "../context.js";
import { renderSuccessions, successionStatuses } from "../succession-run.js";

/** `labenv successions`: where each succession stands (its recorded steps); changes nothing. */
export function registerSuccessions(program: Command, io: CliIO): void {
  program
    .command("successions")
    .description(
      "show where each succession stands: not due, waiting (and for what), failed (and why) or done, with its recorded steps",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(async (o: { repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const statuses = await successionStatuses(ctx, io.today());
      io.out(
        o.json ? JSON.stringify({ successions: statuses }, null, 2) : renderSuccessions(statuses),
      );
      io.exit(statuses.some((s) => s.stage === "failed") ? 1 : 0);
    });
}
