import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { readRepositoryFiles } from "../../adapters/fs/read-repository-files.js";
import { requireUsableConfig } from "../../core/load/repo-config.js";
import { NotAPackageIndex, openPackageIndex } from "../../adapters/package-index/open-index.js";
import { isLabenvError, LabenvError } from "../../core/errors.js";
import { checkImport } from "../../core/import/check-import.js";
import { readImport, unsupportedFile } from "../../core/import/import-source.js";
import { importReportJson, renderImportReport } from "../../core/import/render-import-report.js";
import { namesToLookUp, planImport } from "../../core/import/to-environment.js";
import { loadRepository } from "../../core/load/load-repository.js";
import type { PackageIndexData } from "../../core/lock/package-index.js";
import { resolvePack } from "../../core/packs/resolve-pack.js";
import { createSchemaValidator } from "../../core/validate/schema-validator.js";
import type { CliIO } from "../io.js";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
type ImportOptions = {
  lab: string;
  name: string;
  owner: string;
  pack?: string;
  repo: string;
  write?: boolean;
  json?: boolean;
};

export function registerImport(program: Command, io: CliIO): void {
  program
    .command("import")
    .description(
      "turn requirements.txt, environment.yml, pip freeze, pip inspect or kernelspec lists into environment.yaml and its lock",
    )
    .argument("<files...>", "files to import (the kind of each is read from its content)")
    .requiredOption("--lab <lab>", "the lab the environment belongs to")
    .requiredOption("--name <env>", "the new environment's name")
    .requiredOption("--owner <member>", "the lab member who owns it")
    .option("--pack <pack@range>", "build on this domain pack instead of the best matching one")
    .option("--repo <dir>", "repository directory", ".")
    .option("--write", "write both files, only when the repository stays valid with them")
    .option("--json", "print the report as JSON")
    .action(async (paths: string[], opts: ImportOptions) => {
      for (const [flag, value] of [
        ["--lab", opts.lab],
        ["--name", opts.name],
        ["--owner", opts.owner],
      ] as const) {
        if (!NAME.test(value))
          throw new LabenvError("usage", `${flag} ${JSON.stringify(value)} is not a valid name`, {
            hint: "lowercase letters, digits and dashes, e.g. single-cell",
          });
      }
      const imports = paths.map((file) => {
        if (!isFile(file)) throw new LabenvError("usage", `${file} does not exist`);
        const refused = unsupportedFile(file);
        if (refused)
          throw new LabenvError("usage", `${file} is not supported: ${refused.reason}`, {
            hint: refused.hint,
          });
        const read = readImport({
          file,
          text: readFileSync(file, "utf8"),
          readFile: (p) => (isFile(p) ? readFileSync(p, "utf8") : undefined),
        });
        if (!read)
          throw new LabenvError("usage", `${file} is none of the files labenv imports`, {
            hint: "requirements.txt, pip freeze output, pip inspect JSON, conda environment.yml or package list, Pipfile, Pipfile.lock, runtime.txt, apt.txt, install.R, or jupyter kernelspec list --json",
          });
        return read;
      });
      const files = readRepositoryFiles(opts.repo);
      const check = createSchemaValidator();
      const { repository, diagnostics } = loadRepository(files, check);
      requireUsableConfig(diagnostics); // the package index to resolve against is named there
      if (!repository.labs.has(opts.lab))
        throw new LabenvError("usage", `lab ${opts.lab} does not exist`, {
          hint: `known labs: ${[...repository.labs.keys()].join(", ")}`,
        });
      const pack = opts.pack === undefined ? undefined : resolvePack(repository, opts.pack);
      if (pack && !pack.ok) throw new LabenvError("usage", `--pack: ${pack.message}`);
      const source = openPackageIndex(opts.repo, repository);
      const asked = namesToLookUp(imports);
      const known = new Set(
        (await Promise.all(asked.map(async (n) => ((await source.has(n)) ? [n] : [])))).flat(),
      );
      if (asked.length > 0 && known.size === 0) await source.checkAnswers(asked);
      const plan = planImport({
        imports,
        lab: opts.lab,
        name: opts.name,
        owner: opts.owner,
        ...(opts.pack ? { pack: opts.pack } : {}),
        repository,
        knownPackages: known,
        indexName: source.name,
        indexKind: source.kind,
      });
      let index: PackageIndexData = new Map();
      let indexError: string | undefined;
      const chosen = plan.choice?.chosen.pack.doc.spec;
      if (chosen) {
        try {
          index = await source.forEnvironment(
            plan.requirements,
            chosen.packages as Record<string, string>,
            chosen.python,
          );
        } catch (e) {
          if (!isLabenvError(e) || e.code !== "config" || e instanceof NotAPackageIndex) throw e;
          indexError = e.message;
        }
      }
      const result = checkImport({
        plan,
        files,
        check,
        today: io.today(),
        index,
        ...(indexError ? { indexError } : {}),
      });
      const write = (opts.write ?? false) && result.ok;
      for (const f of write ? result.files : []) {
        mkdirSync(dirname(join(opts.repo, f.path)), { recursive: true });
        writeFileSync(join(opts.repo, f.path), f.text);
      }
      io.out(
        opts.json
          ? JSON.stringify(importReportJson(plan, result, write), null, 2)
          : renderImportReport(plan, result, write),
      );
      io.exit(plan.problems.some((p) => p.input) ? 2 : result.ok ? 0 : 1);
    });
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
