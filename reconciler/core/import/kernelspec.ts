import { importDiagnostic } from "./diagnostic.js";
import { parseJsonDocument } from "./json-document.js";
import type { ImportDiagnostic, ImportedKernel, ImportResult } from "./types.js";

export interface KernelspecListInput {
  readonly file: string;
  readonly text: string;
}

/**
 * `jupyter kernelspec list --json`:
 * `{"kernelspecs": {name: {resource_dir, spec: {argv, display_name, language, …}}}}`.
 * Each well-formed entry becomes a kernel; a malformed one is a diagnostic at its line.
 * Kernels carry no package versions, so `packages` stays empty.
 */
export function importKernelspecList(input: KernelspecListInput): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const report = (at: { line: number; column: number }, message: string, hint?: string) =>
    diagnostics.push(importDiagnostic("kernelspec", input.file, at, message, hint));
  const parsed = parseJsonDocument(input.text);
  if (!parsed.ok) {
    report(
      parsed,
      `not valid JSON: ${parsed.message}`,
      "produce the file with `jupyter kernelspec list --json`",
    );
    return { packages: [], kernels: [], unmapped: [], diagnostics };
  }
  const doc = parsed.document;
  const specs = record(record(doc.value)?.kernelspecs);
  if (!specs) {
    report(
      doc.positionOf(["kernelspecs"]),
      "expected an object with a `kernelspecs` object",
      "produce the file with `jupyter kernelspec list --json`",
    );
    return { packages: [], kernels: [], unmapped: [], diagnostics };
  }
  const kernels: ImportedKernel[] = [];
  for (const [name, entry] of Object.entries(specs)) {
    const at = doc.positionOf(["kernelspecs", name]);
    const spec = record(record(entry)?.spec);
    const resourceDir = record(entry)?.resource_dir;
    const argv = spec?.argv;
    const displayName = spec?.display_name;
    const language = spec?.language;
    if (
      !spec ||
      !Array.isArray(argv) ||
      argv.length === 0 ||
      !argv.every((a) => typeof a === "string") ||
      typeof displayName !== "string" ||
      typeof language !== "string"
    ) {
      report(
        at,
        `kernel ${JSON.stringify(name)} needs spec.argv (a non-empty list of strings), spec.display_name and spec.language`,
        "check the kernel's kernel.json",
      );
      continue;
    }
    const env = record(spec.env);
    const stringEnv = env
      ? Object.fromEntries(
          Object.entries(env).filter(
            (pair): pair is [string, string] => typeof pair[1] === "string",
          ),
        )
      : undefined;
    if (env && stringEnv && Object.keys(stringEnv).length !== Object.keys(env).length) {
      report(
        doc.positionOf(["kernelspecs", name, "spec", "env"]),
        `kernel ${JSON.stringify(name)} has env values that are not strings`,
        "kernel environment values are strings",
      );
    }
    kernels.push({
      name,
      displayName,
      language,
      argv: argv,
      ...(typeof resourceDir === "string" ? { resourceDir } : {}),
      ...(typeof spec.interrupt_mode === "string" ? { interruptMode: spec.interrupt_mode } : {}),
      ...(stringEnv && Object.keys(stringEnv).length > 0 ? { env: stringEnv } : {}),
      source: { file: input.file, line: at.line },
    });
  }
  return { packages: [], kernels, unmapped: [], diagnostics };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
