import { LabenvError } from "../errors.js";
import type { Diagnostic } from "../model/diagnostic.js";

/** Where the repository configuration lives. */
export const CONFIG_FILES: readonly string[] = ["labenv.yaml", "labenv.yml"];

/** How many of labenv.yaml's findings the refusal quotes. */
const SHOWN = 10;

/**
 * The refusal for a labenv.yaml with errors, or undefined. labenv.yaml says
 * where everything runs (target, account, state, index): a command that
 * depends on it must never guess — a typo next to `target: aws` must not
 * quietly run against the sandbox — so any error in it refuses the command,
 * quoting each finding with file:line:col. No labenv.yaml at all means the
 * documented default (the sandbox).
 */
export function configRefusal(diagnostics: readonly Diagnostic[]): LabenvError | undefined {
  const errors = diagnostics.filter((d) => d.severity === "error" && CONFIG_FILES.includes(d.file));
  if (errors.length === 0) return undefined;
  const file = errors[0]!.file;
  const lines = errors
    .slice(0, SHOWN)
    .map(
      (d) =>
        `  ${d.file}:${d.line}:${d.column} error ${d.message} [${d.code}]${d.hint ? `\n      ${d.hint}` : ""}`,
    );
  if (errors.length > SHOWN) lines.push(`  … and ${errors.length - SHOWN} more`);
  return new LabenvError(
    "config",
    `${file} has ${errors.length} error${errors.length === 1 ? "" : "s"}, and this command depends on it: nothing was done\n${lines.join("\n")}`,
    { hint: `fix ${file} (\`labenv validate\` lists every finding), then run the command again` },
  );
}

/** Throws the refusal for a labenv.yaml with errors. */
export function requireUsableConfig(diagnostics: readonly Diagnostic[]): void {
  const refusal = configRefusal(diagnostics);
  if (refusal) throw refusal;
}
