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
  /** Builds (and, for an explicit list, channels) of the entries carried over: reported once per file. */
  const builds: { line: number; channel?: string }[] = [];
  input.text.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    const line = i + 1;
    if (text === "") return;
    const platform = /^#\s*platform:\s*(\S+)\s*$/.exec(text)?.[1];
    if (platform !== undefined) {
      unmapped.push({
        kind: "conda-header",
        text,
        reason:
          platform === "linux-64"
            ? "the platform conda made the list on (linux-64) is the images' own (Linux x86_64): nothing to carry over"
            : `the list was made on ${platform}, and labenv's images are Linux x86_64 (conda's linux-64): packages are resolved for Linux, so a ${platform}-only build in the list may resolve differently or not at all`,
        source: { file, line },
      });
      if (platform !== "linux-64")
        diagnostics.push(
          importDiagnostic(
            "conda-list",
            file,
            { line, column: raw.indexOf(text) + 1 },
            `the list was made on ${platform}, not linux-64: the environment is resolved for Linux x86_64`,
            "export the list on Linux (conda list --export on the machine or container the environment runs on) if versions matter",
            "warning",
          ),
        );
      return;
    }
    if (text.startsWith("#")) return;
    if (text === "@EXPLICIT") {
      pastMarker = true;
      unmapped.push({
        kind: "conda-header",
        text,
        reason:
          "marks a `conda list --explicit` file: each line after it is read as the package its URL names (name, version); the URLs themselves are not kept",
        source: { file, line },
      });
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
      source: { file, line, column: at.column },
    });
    if (build || channel) builds.push({ line, ...(channel ? { channel } : {}) });
  });
  if (builds.length > 0) {
    const channels = [...new Set(builds.flatMap((b) => (b.channel ? [b.channel] : [])))].sort();
    const count = `${builds.length} package${builds.length === 1 ? "" : "s"}`;
    unmapped.push({
      kind: channels.length > 0 ? "conda-channel" : "conda-build",
      text:
        channels.length > 0
          ? `the download URLs of ${count} (channel${channels.length === 1 ? "" : "s"} ${channels.join(", ")})`
          : `the build strings of ${count}`,
      reason: `conda ${channels.length > 0 ? "channels, builds and file URLs" : "build strings"} (lines ${builds[0]!.line}–${builds[builds.length - 1]!.line}) are not kept: labenv installs each package from the package index (or leaves it to the pack), and the lock records the file it installs and its sha256`,
      source: { file, line: builds[0]!.line },
    });
  }
  return {
    packages,
    ...(python ? { python, pythonSource: { file, line: pythonLine } } : {}),
    unmapped,
    diagnostics,
  };
}
