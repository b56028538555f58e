import { spawn } from "node:child_process";
import type { Command } from "commander";
import { openReport, renderOpenReport } from "../../core/access/open-report.js";
import type { CliIO } from "../io.js";
import { openContext } from "../context.js";

/** `labenv open <lab/env>`: the environment's address, who gets in, and where its path routes now. */
export function registerOpen(program: Command, io: CliIO): void {
  program
    .command("open")
    .description(
      "print an environment's address (with --browser, open it), who may open it, and its routing",
    )
    .argument("<environment>", "lab/env")
    .option("--repo <dir>", "repository directory", ".")
    .option("--browser", "open the address in the default browser (xdg-open / open)")
    .option("--json", "print as JSON")
    .action(async (env: string, o: { repo: string; browser?: boolean; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const report = openReport(ctx.repository, env, (await ctx.provider.observe()).resources);
      io.out(o.json ? JSON.stringify(report, null, 2) : renderOpenReport(report));
      if (o.browser && report.address)
        spawn(process.platform === "darwin" ? "open" : "xdg-open", [report.address], {
          stdio: "ignore",
          detached: true,
        })
          .on("error", () => io.err(`could not start a browser; open ${report.address} yourself`))
          .unref();
    });
}
