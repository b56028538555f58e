/** One finding about the repository: where it is, what is wrong, how to fix it. */
export interface Diagnostic {
  /** Repository-relative path with `/` separators. */
  file: string;
  /** 1-based line and column; 1:1 when the finding is about the whole file. */
  line: number;
  column: number;
  severity: "error" | "warning";
  /** A stable code naming the rule or stage, e.g. `schema`, `fargate-resources`. */
  code: string;
  /** The document path the finding is about, e.g. `spec.resources`. */
  path?: string;
  message: string;
  /** What was expected or how to fix it. */
  hint?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `a.b[2].c` from a path of keys and indexes. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}
