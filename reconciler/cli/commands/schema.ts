import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { LabenvError } from "../../core/errors.js";
import { SCHEMA_GLOBS } from "../../core/model/schema-globs.js";
import { SCHEMA_FILES } from "../../core/validate/schema-validator.js";
import type { Kind } from "../../core/model/documents.js";
import type { CliIO } from "../io.js";

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command("schema")
    .description("list the JSON Schemas, or --install them into VS Code's YAML extension settings")
    .argument("[path]", "repository directory", ".")
    .option("--install", "write .vscode/settings.json so the YAML extension validates as you type")
    .option("--json", "print as JSON")
    .action((path: string, opts: { install?: boolean; json?: boolean }) => {
      const mapping: Record<string, string[]> = {};
      for (const [kind, globs] of Object.entries(SCHEMA_GLOBS))
        mapping[`./schemas/${SCHEMA_FILES[kind as Kind]}`] = globs;
      if (!opts.install) {
        if (opts.json) io.out(JSON.stringify(mapping, null, 2));
        else
          for (const [schema, globs] of Object.entries(mapping))
            io.out(`${schema.padEnd(44)} ${globs.join(", ")}`);
        return;
      }
      const file = join(path, ".vscode", "settings.json");
      let settings: Record<string, unknown> = {};
      if (existsSync(file)) {
        const text = readFileSync(file, "utf8");
        try {
          settings = text.trim() === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
        } catch (e) {
          throw new LabenvError(
            "io",
            `${file} is not plain JSON (${(e as Error).message}); nothing was changed`,
            { hint: `add this to "yaml.schemas" by hand:\n${JSON.stringify(mapping, null, 2)}` },
          );
        }
      }
      const existing = (settings["yaml.schemas"] as Record<string, unknown> | undefined) ?? {};
      settings["yaml.schemas"] = { ...existing, ...mapping };
      mkdirSync(join(path, ".vscode"), { recursive: true });
      writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
      io.out(
        `wrote ${file}: VS Code's YAML extension (redhat.vscode-yaml) now validates ${Object.keys(mapping).length} document kinds from schemas/`,
      );
    });
}
