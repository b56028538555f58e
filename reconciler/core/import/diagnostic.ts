import type { ImportDiagnostic } from "./types.js";

/** Which reader found a problem; used as the diagnostic's `code`. */
export type ImportFormat =
  | "requirements-txt"
  | "pip-freeze"
  | "pip-inspect"
  | "conda-environment"
  | "conda-list"
  | "kernelspec"
  | "runtime-txt"
  | "apt-txt"
  | "install-r"
  | "pipfile"
  | "pipfile-lock";

export function importDiagnostic(
  code: ImportFormat,
  file: string,
  position: { readonly line: number; readonly column: number },
  message: string,
  hint?: string,
  severity: "error" | "warning" = "error",
): ImportDiagnostic {
  return {
    file,
    line: Math.max(1, position.line),
    column: Math.max(1, position.column),
    severity,
    code,
    message,
    ...(hint !== undefined ? { hint } : {}),
  };
}
