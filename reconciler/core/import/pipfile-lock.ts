import { importDiagnostic } from "./diagnostic.js";
import { parseJsonDocument } from "./json-document.js";
import { readRequirementEntry } from "./requirement-entry.js";
import type {
  ImportDiagnostic,
  ImportedOption,
  ImportedPackage,
  ImportResult,
  Unmapped,
} from "./types.js";

export interface PipfileLockInput {
  readonly file: string;
  readonly text: string;
}

/**
 * Pipenv's `Pipfile.lock` (JSON): every entry of `default` and `develop` is
 * an exact pin with its hashes and markers; `_meta.requires.python_version`
 * is the import's Python and `_meta.sources` become `--index-url` /
 * `--extra-index-url`. Git, path and file entries are reported as unmapped.
 */
export function importPipfileLock(input: PipfileLockInput): ImportResult {
  const { file } = input;
  const diagnostics: ImportDiagnostic[] = [];
  const packages: ImportedPackage[] = [];
  const unmapped: Unmapped[] = [];
  const options: ImportedOption[] = [];
  const report = (at: { line: number; column: number }, message: string, hint?: string) =>
    diagnostics.push(importDiagnostic("pipfile-lock", file, at, message, hint));
  const parsed = parseJsonDocument(input.text);
  if (!parsed.ok) {
    report(parsed, `not valid JSON: ${parsed.message}`, "regenerate it with `pipenv lock`");
    return { packages, unmapped, diagnostics };
  }
  const doc = parsed.document;
  const root = record(doc.value);
  const meta = record(root?.["_meta"]);
  if (!root || !meta) {
    report(
      doc.positionOf([]),
      "a Pipfile.lock is a JSON object with `_meta`",
      "regenerate it with `pipenv lock`",
    );
    return { packages, unmapped, diagnostics };
  }
  const requires = record(meta.requires);
  const py = requires?.python_full_version ?? requires?.python_version;
  const python =
    typeof py === "string"
      ? requires?.python_full_version === py
        ? `==${py}`
        : `==${py}.*`
      : undefined;
  const sources = Array.isArray(meta.sources) ? meta.sources : [];
  sources.forEach((s, i) => {
    const url = record(s)?.url;
    if (typeof url === "string")
      options.push({
        name: i === 0 ? "--index-url" : "--extra-index-url",
        value: url,
        source: { file, line: doc.positionOf(["_meta", "sources", i]).line },
      });
  });
  for (const group of ["default", "develop"]) {
    const entries = record(root[group]);
    if (root[group] !== undefined && !entries) {
      report(doc.positionOf([group]), `\`${group}\` must be an object of packages`);
      continue;
    }
    for (const [name, raw] of Object.entries(entries ?? {})) {
      const at = doc.positionOf([group, name]);
      const source = { file, line: at.line };
      const entry = record(raw);
      if (!entry) {
        report(at, `${group}.${name} must be an object with \`version\``);
        continue;
      }
      for (const key of ["git", "path", "file"]) {
        if (typeof entry[key] === "string") {
          unmapped.push({
            kind: key === "git" ? "vcs" : key === "file" ? "url" : "local-path",
            text: `${name} (${key}: ${String(entry[key])})`,
            name,
            reason: `installed from ${String(entry[key])}; a lock needs a released version from a package index: pin a release or publish a wheel`,
            source,
          });
        }
      }
      if (unmapped.some((u) => u.source === source)) continue;
      const extras = Array.isArray(entry.extras)
        ? entry.extras.filter((e) => typeof e === "string")
        : [];
      const version = typeof entry.version === "string" ? entry.version : "";
      const markers = typeof entry.markers === "string" ? entry.markers : undefined;
      const text = `${name}${extras.length ? `[${extras.join(",")}]` : ""}${version}${markers ? ` ; ${markers}` : ""}`;
      const hashes = Array.isArray(entry.hashes)
        ? entry.hashes.filter(
            (h): h is string => typeof h === "string" && /^sha256:[0-9a-f]{64}$/i.test(h),
          )
        : [];
      const read = readRequirementEntry(
        text,
        source,
        hashes.map((h) => h.toLowerCase()),
      );
      if (read.kind === "package") packages.push(read.value);
      else if (read.kind === "unmapped") unmapped.push(read.value);
      else
        report(
          at,
          `${group}.${name}: ${read.message} in ${JSON.stringify(text)}`,
          `expected ${read.expected}`,
        );
    }
  }
  return {
    packages,
    ...(python
      ? { python, pythonSource: { file, line: doc.positionOf(["_meta", "requires"]).line } }
      : {}),
    ...(options.length > 0 ? { options } : {}),
    unmapped,
    diagnostics,
  };
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}
