import { parseSpecifierSet } from "../pep440/index.js";
import { convertCondaSpec } from "./conda-match-spec.js";
import { importDiagnostic } from "./diagnostic.js";
import { pinnedVersionOf } from "./requirement-entry.js";
import type { ImportDiagnostic, ImportedPackage, ImportResult, Unmapped } from "./types.js";

export interface CondaListInput {
  readonly file: string;
  readonly text: string;
}

const EXPORT_LINE = /^([A-Za-z0-9_][A-Za-z0-9_.+-]*)=([^=\s]+)(?:=([^=\s]+))?$/;
const ARCHIVE =
  /\/([^/]+)\/(?:linux|osx|win|noarch)[^/]*\/([^/#]+?)(?:\.conda|\.tar\.bz2)(?:#.*)?$/;

/**
 * A conda package list, as `conda list --export` (`name=version=build`, often
 * saved as packages.txt or spec-file.txt) or `conda list --explicit`
 * (`@EXPLICIT` and one package URL per line) writes it. Every entry is an
 * exact conda pin; `python` is the import's Python. Whether an entry is a
 * Python package is decided later, against the package index and the pack.
 */
export function importCondaList(input: CondaListInput): ImportResult {
  const { file } = input;
  const diagnostics: ImportDiagnostic[] = [];
  const packages: ImportedPackage[] = [];
  const unmapped: Unmapped[] = [];
  let python: string | undefined;
  let pythonLine = 0;
  const explicit = /^@EXPLICIT\s*$/m.test(input.text);
  let pastMarker = !explicit;
  input.text.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    const line = i + 1;
    if (text === "" || text.startsWith("#")) return;
    if (text === "@EXPLICIT") {
      pastMarker = true;
      return;
    }
    const at = { line, column: raw.indexOf(text) + 1 };
    let name: string;
    let version: string;
    let build: string | undefined;
    let channel: string | undefined;
    if (explicit) {
      const m = pastMarker ? ARCHIVE.exec(text) : null;
      const parts = m?.[2]?.split("-");
      if (!m || !parts || parts.length < 3) {
        diagnostics.push(
          importDiagnostic(
            "conda-list",
            file,
            at,
            `${JSON.stringify(text)} is not a conda package URL`,
            "an explicit list has one .conda or .tar.bz2 URL per line after @EXPLICIT; regenerate it with `conda list --explicit`",
          ),
        );
        return;
      }
      build = parts.pop()!;
      version = parts.pop()!;
      name = parts.join("-");
      channel = m[1];
    } else {
      const m = EXPORT_LINE.exec(text);
      if (!m) {
        diagnostics.push(
          importDiagnostic(
            "conda-list",
            file,
            at,
            `${JSON.stringify(text)} is not a name=version=build line`,
            "regenerate the list with `conda list --export`",
          ),
        );
        return;
      }
      [, name = "", version = "", build] = m;
    }
    const spec = convertCondaSpec(`${name}==${version}`);
    if (!spec.ok) {
      unmapped.push({
        kind: "conda-spec",
        text,
        name,
        version,
        reason: spec.reason,
        source: { file, line },
      });
      return;
    }
    if (spec.value.name === "python") {
      python = spec.value.specifier;
      pythonLine = line;
      return;
    }
    const parsed = parseSpecifierSet(spec.value.specifier);
    const exact = parsed.ok ? pinnedVersionOf(parsed.value) : undefined;
    packages.push({
      ...spec.value,
      ...(exact !== undefined ? { exact } : {}),
      ...(channel ? { channel } : {}),
      ...(build ? { build } : {}),
      source: { file, line },
    });
  });
  return {
    packages,
    ...(python ? { python, pythonSource: { file, line: pythonLine } } : {}),
    unmapped,
    diagnostics,
  };
}
