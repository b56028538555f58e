import { importDiagnostic } from "./diagnostic.js";
import type { ImportDiagnostic, ImportResult, Unmapped } from "./types.js";

export interface AptTxtInput {
  readonly file: string;
  readonly text: string;
}

/** A Debian package name, optionally `=version` as apt-get accepts it. */
const DEBIAN = /^([a-z0-9][a-z0-9+.-]+)(?:=(\S+))?$/;

/**
 * Binder's `apt.txt`: Debian packages, one per line (`#` comments). They are
 * system packages, never Python requirements: each becomes a `system-package`
 * entry that the pack's image must provide (the import says whether it does).
 */
export function importAptTxt(input: AptTxtInput): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const unmapped: Unmapped[] = [];
  input.text.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.replace(/(^|\s)#.*$/, "").trim();
    if (text === "") return;
    const column = raw.indexOf(text) + 1;
    for (const word of text.split(/\s+/)) {
      const m = DEBIAN.exec(word);
      if (!m) {
        diagnostics.push(
          importDiagnostic(
            "apt-txt",
            input.file,
            { line: i + 1, column: column + text.indexOf(word) },
            `${JSON.stringify(word)} is not a Debian package name`,
            "apt.txt lists package names such as libgdal-dev, one per line",
          ),
        );
        continue;
      }
      unmapped.push({
        kind: "system-package",
        text: word,
        name: m[1]!,
        ...(m[2] ? { version: m[2] } : {}),
        reason: "a system (apt) package: it comes with the pack's image, not with the environment",
        source: { file: input.file, line: i + 1 },
      });
    }
  });
  return { packages: [], unmapped, diagnostics };
}
