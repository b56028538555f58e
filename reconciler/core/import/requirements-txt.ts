import { readRequirementFile, type RequirementFileContext } from "./requirement-file.js";
import type { ImportResult, ReadFile } from "./types.js";

export interface RequirementsTxtInput {
  /** The file's path, used in sources and diagnostics and to resolve `-r`/`-c` next to it. */
  readonly file: string;
  readonly text: string;
  /** Reads included files by the resolved path; without it, includes are reported, not followed. */
  readonly readFile?: ReadFile;
  /** Values for `${VAR}` references; pip would take them from its process environment. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * A pip requirements file, read as pip reads it: comments, `\` continuations,
 * `-r`/`-c` includes, `--hash` (kept), markers, options such as `--index-url`
 * (kept), and editable/URL/VCS requirements (reported as unmapped, with why).
 */
export function importRequirementsTxt(input: RequirementsTxtInput): ImportResult {
  const context: RequirementFileContext = {
    format: "requirements-txt",
    ...(input.readFile ? { readFile: input.readFile } : {}),
    ...(input.environment ? { environment: input.environment } : {}),
    packages: [],
    constraints: [],
    options: [],
    unmapped: [],
    diagnostics: [],
  };
  readRequirementFile(context, input.file, input.text, false, [input.file]);
  return {
    packages: context.packages,
    ...(context.constraints.length > 0 ? { constraints: context.constraints } : {}),
    ...(context.options.length > 0 ? { options: context.options } : {}),
    unmapped: context.unmapped,
    diagnostics: context.diagnostics,
  };
}
