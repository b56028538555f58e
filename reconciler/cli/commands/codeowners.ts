import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { CODEOWNERS_PATH, renderCodeowners } from "../../core/approvals/codeowners.js";
import { LabenvError } from "../../core/errors.js";
import type { CliIO } from "../io.js";
import { loadFromDisk } from "../load.js";
import { renderDiagnostics } from "../render/diagnostics.js";

export function registerCodeowners(program: Command, io: CliIO): void {
  program
    .command("codeowners")
    .description(
      "write .github/CODEOWNERS from the labs' approvers and PIs and the domain packs' maintainers, or --check that it is current",
    )
    .argument("[path]", "repository directory", ".")
    .option(
      "--check",
      "change nothing; exit 1 when the committed file differs from what the labs say",
    )
    .option("--json", "print the result as JSON")
    .action((path: string, opts: { check?: boolean; json?: boolean }) => {
      const { repository, diagnostics } = loadFromDisk(path);
      const broken = diagnostics.filter(
        (d) => d.severity === "error" && /(^|\/)(lab|pack)\.yaml$/.test(d.file),
      );
      if (broken.length > 0) {
        throw new LabenvError(
          "config",
          `cannot derive code owners: ${broken.length} lab or pack file(s) do not load\n${renderDiagnostics(broken)}`,
          { hint: "run `labenv validate` and fix them first" },
        );
      }
      const file = join(path, CODEOWNERS_PATH);
      const committed = existsSync(file) ? readFileSync(file, "utf8") : undefined;
      const wanted = renderCodeowners(repository, committed);
      const current = committed === wanted;
      if (opts.check) {
        if (opts.json)
          io.out(
            JSON.stringify(
              { ok: current, file: CODEOWNERS_PATH, ...(current ? {} : { expected: wanted }) },
              null,
              2,
            ),
          );
        else
          io.out(
            current
              ? `✓ ${CODEOWNERS_PATH} matches the labs and domain packs`
              : `✖ ${CODEOWNERS_PATH} is ${committed === undefined ? "missing" : "stale"}: run \`labenv codeowners\` and commit it`,
          );
        io.exit(current ? 0 : 1);
        return;
      }
      if (!current) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, wanted);
      }
      if (opts.json)
        io.out(JSON.stringify({ ok: true, file: CODEOWNERS_PATH, changed: !current }, null, 2));
      else
        io.out(
          current
            ? `  unchanged  ${CODEOWNERS_PATH}`
            : `  wrote      ${CODEOWNERS_PATH} (${repository.labs.size} labs, ${new Set([...repository.packs.values()].map((p) => p.doc.metadata.name)).size} domain packs)`,
        );
    });
}
