import { spawn } from "node:child_process";
import type { Command } from "commander";
import { openReport, renderOpenReport } from "../../core/access/open-report.js";
import type { CliIO } from "../io.js";
import { openContext } from "../context.js";
import { gatewayForContext } from "../sandbox-gateway-run.js";
import { environmentPath } from "../../core/access/environment-address.js";
import { LabenvError } from "../../core/errors.js";

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
    .option(
      "--serve",
      "sandbox: serve every environment's address on 127.0.0.1 through the simulated load balancer, its sign-in and the wake page (until Ctrl-C)",
    )
    .option("--as <member>", "with --serve: sign in as this lab.yaml member (default: the owner)")
    .option("--port <port>", "with --serve: the port on 127.0.0.1 (default: any free one)")
    .action(
      async (
        env: string,
        o: {
          repo: string;
          browser?: boolean;
          json?: boolean;
          serve?: boolean;
          as?: string;
          port?: string;
        },
      ) => {
        const ctx = openContext(o.repo, io.now);
        const report = openReport(ctx.repository, env, (await ctx.provider.observe()).resources);
        let address = report.address;
        if (o.serve) {
          const port = o.port === undefined ? 0 : Number(o.port);
          if (!Number.isInteger(port) || port < 0 || port > 65535)
            throw new LabenvError("usage", `--port ${o.port} is not a port`, {
              hint: "a number from 0 to 65535 (0: any free one)",
            });
          const gateway = await gatewayForContext(ctx, io, { member: o.as ?? report.owner, port });
          const [lab = "", name = ""] = env.split("/");
          address = `${gateway.url}${environmentPath(lab, name)}`;
          report.address = address;
          io.out(o.json ? JSON.stringify(report, null, 2) : renderOpenReport(report));
          io.err(
            `labenv open: the sandbox's load balancer serves ${gateway.url}/<lab>/<env>/, signed in as ${o.as ?? report.owner}; Ctrl-C stops it`,
          );
          if (o.browser) openBrowser(address, io);
          await new Promise<void>((resolve) => {
            process.once("SIGINT", resolve);
            process.once("SIGTERM", resolve);
          });
          await gateway.close();
          return;
        }
        io.out(o.json ? JSON.stringify(report, null, 2) : renderOpenReport(report));
        if (o.browser && address) openBrowser(address, io);
      },
    );
}

function openBrowser(address: string, io: CliIO): void {
  spawn(process.platform === "darwin" ? "open" : "xdg-open", [address], {
    stdio: "ignore",
    detached: true,
  })
    .on("error", () => io.err(`could not start a browser; open ${address} yourself`))
    .unref();
}
