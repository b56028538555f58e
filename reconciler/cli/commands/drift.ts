import type { Command } from "commander";
import { renderDriftRun } from "../../core/drift/render-drift-run.js";
import { openContext } from "../context.js";
import { runDriftForContext } from "../drift-loop.js";
import type { CliIO } from "../io.js";

/** `labenv drift [env…]`: what runs against the committed locks; `--open-prs` applies each environment's policy. */
export function registerDrift(program: Command, io: CliIO): void {
  program
    .command("drift")
    .description(
      "compare what runs with the committed locks; --open-prs applies each environment's drift policy (pull request, put back, alert)",
    )
    .argument("[environments...]", "lab/env to judge (default: all)")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print the reports as JSON")
    .option(
      "--open-prs",
      "act: open, update or close drift pull requests and put back rejected or revert-policy drift",
    )
    .option("-v, --verbose", "list stable and skipped environments too")
    .action(
      async (
        environments: string[],
        o: { repo: string; json?: boolean; openPrs?: boolean; verbose?: boolean },
      ) => {
        const ctx = openContext(o.repo, io.now);
        if (!o.json)
          io.err(`labenv drift: ${ctx.provider.label}, commit ${ctx.commit.slice(0, 12)}`);
        const result = await runDriftForContext(ctx, io, {
          mode: o.openPrs ? "act" : "report",
          ...(environments.length > 0 ? { only: environments } : {}),
        });
        io.out(
          o.json
            ? JSON.stringify(result, null, 2)
            : renderDriftRun(result, { verbose: o.verbose ?? false }),
        );
        const drifting = result.environments.some((e) => e.report && e.report.status !== "STABLE");
        const failed = result.environments.some((e) =>
          e.outcome?.startsWith("putting it back failed"),
        );
        io.exit(drifting || failed ? 1 : 0);
      },
    );
}
