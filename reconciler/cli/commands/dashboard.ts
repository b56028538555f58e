import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { serveSite } from "../../adapters/http/serve-site.js";
import { assembleDashboard } from "../../core/dashboard/assemble-dashboard.js";
import { buildSite } from "../../core/dashboard/build-site.js";
import { LabenvError } from "../../core/errors.js";
import { openContext } from "../context.js";
import { chartJsSource, readDashboardInputs } from "../dashboard-inputs.js";
import type { CliIO } from "../io.js";

interface DashboardOptions {
  repo: string;
  out: string;
  serve?: boolean;
  host: string;
  port: string;
  lab?: string;
  baseUrl?: string;
  json?: boolean;
}

/** How often `--serve` reads labenv's records again, at most. */
const REFRESH_MS = 2000;

/** `labenv dashboard`: the fleet as a static site (`--out`), or served on loopback with live data (`--serve`). */
export function registerDashboard(program: Command, io: CliIO): void {
  program
    .command("dashboard")
    .description("build the fleet dashboard as a static site, or serve it on 127.0.0.1 (--serve)")
    .option("--repo <dir>", "repository directory", ".")
    .option("--out <dir>", "where to write the site", "site")
    .option("--serve", "serve the site on a loopback address, reading the data again as it changes")
    .option("--host <host>", "loopback address to serve on", "127.0.0.1")
    .option("--port <port>", "port to serve on (0: any free port)", "8765")
    .option("--lab <lab>", "only what this lab may see: its environments and those shared with it")
    .option("--base-url <url>", "where environments are reached (https://…), for their addresses")
    .option("--json", "print what was written (or where it is served) as JSON")
    .action(async (o: DashboardOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new LabenvError(
          "usage",
          `--port must be a port number, not ${JSON.stringify(o.port)}`,
        );
      const chartJs = chartJsSource();
      const build = async () => {
        const ctx = openContext(o.repo, io.now);
        const inputs = await readDashboardInputs(ctx, io.now(), {
          ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
          ...(o.lab ? { scope: o.lab } : {}),
        });
        return buildSite(assembleDashboard(inputs), { chartJs });
      };
      if (!o.serve) {
        const files = await build();
        const out = resolve(o.repo, o.out);
        for (const [path, content] of files) {
          mkdirSync(dirname(join(out, path)), { recursive: true });
          writeFileSync(join(out, path), content);
        }
        const pages = [...files.keys()].filter((p) => p.endsWith(".html"));
        io.out(
          o.json
            ? JSON.stringify({ out, files: [...files.keys()] }, null, 2)
            : `✓ dashboard: ${pages.length} pages, ${files.size} files in ${out}\n  open ${join(out, "index.html")}`,
        );
        return;
      }
      let current = await build();
      let builtAt = Date.now();
      let pending: Promise<void> | undefined;
      const site = async () => {
        if (Date.now() - builtAt >= REFRESH_MS)
          await (pending ??= build()
            .then((f) => void (current = f))
            .catch((e: unknown) =>
              io.err(
                `labenv dashboard: refresh failed, serving the last build: ${(e as Error).message}`,
              ),
            )
            .finally(() => {
              builtAt = Date.now();
              pending = undefined;
            }));
        return current;
      };
      const served = await serveSite(site, { host: o.host, port });
      io.out(
        o.json
          ? JSON.stringify({ url: served.url })
          : `✓ dashboard at ${served.url} (Ctrl-C stops it)`,
      );
      await new Promise<void>((done) => {
        const stop = () => void served.close().then(done);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
