import { join } from "node:path";
import type { Command } from "commander";
import { openDescriptionFile } from "../../adapters/git/description-file.js";
import { gitHubRepositoryOf } from "../../adapters/git/remote-repository.js";
import { readAudit } from "../../adapters/git/read-audit.js";
import { fileCache } from "../../adapters/github/pull-request-cache.js";
import { gitHubPullRequests } from "../../adapters/github/pull-requests.js";
import { isoSeconds, parseInstant } from "../../core/audit/period.js";
import { renderAuditCsv } from "../../core/audit/render-audit-csv.js";
import { renderAuditMarkdown } from "../../core/audit/render-audit-markdown.js";
import { LabenvError } from "../../core/errors.js";
import { withShareAccess } from "../../core/audit/share-access-audit.js";
import { openStateStore } from "../context.js";
import type { CliIO } from "../io.js";

interface AuditOptions {
  dir: string;
  since?: string;
  until?: string;
  lab?: string;
  experiment?: string;
  funding?: string;
  format: string;
  json?: boolean;
  githubToken?: string;
  repo?: string;
  reread?: boolean;
}

export function registerAudit(program: Command, io: CliIO): void {
  program
    .command("audit")
    .description(
      "report what changed on main in a period, who changed it, and what skipped review (exit 1 on compliance findings)",
    )
    .option("-C, --dir <path>", "repository directory", ".")
    .option("--since <date>", "first day (YYYY-MM-DD, UTC) or timestamp of the period")
    .option("--until <date>", "last day (inclusive) or timestamp of the period")
    .option("--lab <lab>", "only this lab's environments (and shares to it)")
    .option("--experiment <id>", "only environments labelled with this experiment")
    .option("--funding <id>", "only environments paid by this funding source")
    .option("--format <format>", "md, json or csv", "md")
    .option("--json", "same as --format json")
    .option(
      "--github-token <token>",
      "check approvals and drift pull requests on GitHub (default: $GITHUB_TOKEN)",
    )
    .option("--repo <owner/name>", "the GitHub repository (default: from the origin remote)")
    .option(
      "--reread",
      "describe every change from the files themselves, not from what earlier audits remembered in the git directory",
    )
    .action(async (opts: AuditOptions) => {
      const format = opts.json ? "json" : opts.format;
      if (!["md", "json", "csv"].includes(format))
        throw new LabenvError(
          "usage",
          `--format must be md, json or csv, not ${JSON.stringify(format)}`,
        );
      const query = {
        ...(opts.since ? { since: isoSeconds(parseInstant(opts.since, "start", "--since")) } : {}),
        ...(opts.until ? { until: isoSeconds(parseInstant(opts.until, "end", "--until")) } : {}),
        ...(opts.lab ? { lab: opts.lab } : {}),
        ...(opts.experiment ? { experiment: opts.experiment } : {}),
        ...(opts.funding ? { funding: opts.funding } : {}),
      };
      const token = opts.githubToken ?? process.env.GITHUB_TOKEN;
      let host;
      if (token) {
        const repo = opts.repo ?? (await gitHubRepositoryOf(opts.dir));
        const [owner, name] = repo?.split("/") ?? [];
        if (!owner || !name)
          throw new LabenvError("usage", "a GitHub token was given but not the repository", {
            hint: "pass --repo owner/name (the origin remote is not on GitHub)",
          });
        host = {
          label: `GitHub ${owner}/${name}`,
          pullRequests: gitHubPullRequests({
            token,
            owner,
            repo: name,
            cache: fileCache(join(opts.dir, ".labenv", "cache", "github"), owner, name),
          }),
        };
      }
      // The grants and revokes the reconciler recorded, from the state store labenv.yaml names.
      const events = await openStateStore(opts.dir).listShareEvents();
      const remembered = await openDescriptionFile(opts.dir, { fresh: opts.reread === true });
      const audit = await readAudit(opts.dir, query, host, remembered.descriptions);
      try {
        remembered.save();
      } catch (e) {
        io.err(
          `labenv audit: could not remember the descriptions in ${remembered.path} (${(e as Error).message}); the next audit reads every file again\n`,
        );
      }
      const report = withShareAccess(audit, events, query);
      io.out(
        format === "json"
          ? JSON.stringify(report, null, 2)
          : format === "csv"
            ? renderAuditCsv(report)
            : renderAuditMarkdown(report),
      );
      io.exit(report.findings.length > 0 ? 1 : 0);
    });
}
