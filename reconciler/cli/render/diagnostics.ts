import type { Diagnostic } from "../../core/model/diagnostic.js";

/** Findings grouped by file, each line `file:line:col severity message [code]`. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const blocks: string[] = [];
  for (const [file, list] of byFile) {
    const lines = [file];
    for (const d of list) {
      lines.push(`  ${file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]`);
      if (d.hint) lines.push(`      ${d.hint}`);
    }
    blocks.push(lines.join("\n"));
  }
  return blocks.join("\n\n");
}

export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
