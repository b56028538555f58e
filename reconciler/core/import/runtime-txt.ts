import { importDiagnostic } from "./diagnostic.js";
import type { ImportDiagnostic, ImportResult, Unmapped } from "./types.js";

export interface RuntimeTxtInput {
  readonly file: string;
  readonly text: string;
}

const PYTHON = /^python-(\d+)\.(\d+)(?:\.(\d+))?$/;
const R = /^r-(?:(\d+\.\d+(?:\.\d+)?)-)?(\d{4}-\d{2}-\d{2})$/;

/**
 * Binder's `runtime.txt`: one line naming the interpreter, `python-3.10`
 * (or `python-3.10.12`), or R with a CRAN snapshot date, `r-4.3-2024-01-15`.
 * It is not a requirements file: the Python line becomes the import's Python
 * (`==3.10.*`), which chooses the domain pack; the R line becomes R itself,
 * which the pack's image must provide.
 */
export function importRuntimeTxt(input: RuntimeTxtInput): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const unmapped: Unmapped[] = [];
  let python: string | undefined;
  let line = 0;
  const lines = input.text.split(/\r?\n/);
  let seen = false;
  lines.forEach((raw, i) => {
    const text = raw.replace(/#.*$/, "").trim();
    if (text === "") return;
    const at = { line: i + 1, column: raw.indexOf(text) + 1 };
    if (seen) {
      diagnostics.push(
        importDiagnostic(
          "runtime-txt",
          input.file,
          at,
          `runtime.txt names one runtime; ${JSON.stringify(text)} is a second one`,
          "keep one line, e.g. python-3.11",
        ),
      );
      return;
    }
    seen = true;
    const py = PYTHON.exec(text);
    if (py) {
      line = at.line;
      python = py[3] === undefined ? `==${py[1]}.${py[2]}.*` : `==${py[1]}.${py[2]}.${py[3]}`;
      return;
    }
    const r = R.exec(text);
    if (r) {
      unmapped.push({
        kind: "r-package",
        text,
        name: "R",
        ...(r[1] ? { version: r[1] } : {}),
        reason: `R${r[1] ? ` ${r[1]}` : ""} with CRAN as of ${r[2]}: R is part of the pack's image, not of the environment`,
        source: { file: input.file, line: at.line },
      });
      return;
    }
    diagnostics.push(
      importDiagnostic(
        "runtime-txt",
        input.file,
        at,
        `${JSON.stringify(text)} is not a runtime labenv knows`,
        "write python-3.<minor> (e.g. python-3.11) or r-<version>-<YYYY-MM-DD>",
      ),
    );
  });
  return {
    packages: [],
    ...(python ? { python, pythonSource: { file: input.file, line } } : {}),
    unmapped,
    diagnostics,
  };
}
