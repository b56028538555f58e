import { importDiagnostic } from "./diagnostic.js";
import { readRequirementFile, type RequirementFileContext } from "./requirement-file.js";
import type { ImportResult } from "./types.js";

export interface PipFreezeInput {
  readonly file: string;
  readonly text: string;
}

/**
 * `pip freeze` output: `name==version` lines, `name @ file:///…` lines (what
 * conda-installed packages look like to pip) and `-e git+…#egg=name` lines.
 * The last two are reported as unmapped with why; a line that does not pin one
 * exact version is kept with a warning, since freeze output always should.
 */
export function importPipFreeze(input: PipFreezeInput): ImportResult {
  const context: RequirementFileContext = {
    format: "pip-freeze",
    packages: [],
    constraints: [],
    options: [],
    unmapped: [],
    diagnostics: [],
  };
  readRequirementFile(context, input.file, input.text, false, [input.file]);
  for (const pkg of context.packages) {
    if (pkg.exact === undefined) {
      context.diagnostics.push(
        importDiagnostic(
          "pip-freeze",
          input.file,
          { line: pkg.source.line, column: 1 },
          `${pkg.name} is not pinned to one version (${pkg.specifier || "any version"})`,
          "regenerate the file with `pip freeze` so that every line reads name==version",
          "warning",
        ),
      );
    }
  }
  return {
    packages: context.packages,
    ...(context.options.length > 0 ? { options: context.options } : {}),
    unmapped: context.unmapped,
    diagnostics: context.diagnostics,
  };
}
