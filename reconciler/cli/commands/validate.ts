import type { Command } from "commander";
import { readRepositoryFiles } from "../../adapters/fs/read-repository-files.js";
import { changedFilesSince } from "../../adapters/git/changed-files.js";
import { hasErrors } from "../../core/model/diagnostic.js";
import { affectedFiles } from "../../core/validate/affected.js";
import { createSchemaValidator } from "../../core/validate/schema-validator.js";
import { validateFiles } from "../../core/validate/validate.js";
import { extraRules } from "../extra-rules.js";
import { countSummary, plural, renderDiagnostics } from "../render/diagnostics.js";
import type { CliIO } from "../io.js";

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command("validate")
    .description("check every document against its schema and the cross-document rules")
    .argument("[path]", "repository directory", ".")
    .option("--json", "print findings as JSON")
    .option(
      "--changed-from <ref>",
      "only report documents changed since this git ref, and what references them",
    )
    .action((path: string, opts: { json?: boolean; changedFrom?: string }) => {
      const files = readRepositoryFiles(path);
      const { repository, diagnostics: all } = validateFiles(
        files,
        createSchemaValidator(),
        { today: io.today() },
        extraRules(path),
      );
      let diagnostics = all;
      let scope = `${plural(repository.files.size, "file")}`;
      if (opts.changedFrom) {
        const affected = affectedFiles(repository, changedFilesSince(path, opts.changedFrom));
        diagnostics = all.filter((d) => affected.has(d.file));
        scope = `${plural(affected.size, "changed or affected file")} since ${opts.changedFrom}`;
      }
      const counts = {
        labs: repository.labs.size,
        environments: repository.environments.size,
        locks: repository.locks.size,
        snapshots: repository.snapshots.size,
        shares: repository.shares.size,
        successions: repository.successions.size,
        domainPacks: repository.packs.size,
      };
      if (opts.json)
        io.out(JSON.stringify({ ok: !hasErrors(diagnostics), counts, diagnostics }, null, 2));
      else if (diagnostics.length > 0)
        io.out(
          `${renderDiagnostics(diagnostics)}\n\n${hasErrors(diagnostics) ? "✖" : "⚠"} ${countSummary(diagnostics)} (checked ${scope})`,
        );
      else
        io.out(
          `✓ valid: ${scope} — ${counts.labs} labs, ${counts.environments} environments, ${counts.locks} locks, ${counts.snapshots} snapshots, ${counts.shares} shares, ${counts.successions} successions, ${counts.domainPacks} domain pack versions`,
        );
      io.exit(hasErrors(diagnostics) ? 1 : 0);
    });
}
