import { normalizeName, normalizeVersion } from "../pep440/index.js";
import { importDiagnostic } from "./diagnostic.js";
import { parseJsonDocument, type JsonDocument } from "./json-document.js";
import { directReference, isProjectName } from "./requirement-entry.js";
import type {
  ImportDiagnostic,
  ImportedPackage,
  ImportResult,
  SourceLine,
  Unmapped,
} from "./types.js";

export interface PipInspectInput {
  readonly file: string;
  readonly text: string;
}

/**
 * A `pip inspect` report (format version 1): every installed distribution
 * becomes a package pinned to its installed version, keeping `installer` and
 * `requested`; distributions installed from a working copy, VCS or a direct
 * URL (`direct_url`) are reported as unmapped with their name and version.
 * The report's marker environment gives the Python version.
 */
export function importPipInspect(input: PipInspectInput): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const fail = (
    at: { line: number; column: number },
    message: string,
    hint?: string,
    severity: "error" | "warning" = "error",
  ) => diagnostics.push(importDiagnostic("pip-inspect", input.file, at, message, hint, severity));
  const parsed = parseJsonDocument(input.text);
  if (!parsed.ok) {
    fail(
      parsed,
      `not valid JSON: ${parsed.message}`,
      "produce the file with `pip inspect > inspect.json`",
    );
    return { packages: [], unmapped: [], diagnostics };
  }
  const doc = parsed.document;
  const root = record(doc.value);
  if (!root) {
    fail(
      doc.positionOf([]),
      "a pip inspect report is a JSON object",
      "produce the file with `pip inspect > inspect.json`",
    );
    return { packages: [], unmapped: [], diagnostics };
  }
  if (root.version !== "1") {
    fail(
      doc.positionOf(["version"]),
      `unsupported pip inspect report version ${JSON.stringify(root.version)}; labenv reads version "1"`,
      "use pip 23.0 or newer",
    );
    return { packages: [], unmapped: [], diagnostics };
  }
  const environment = readEnvironment(root.environment);
  const python = pythonOf(environment, doc, fail);
  const packages: ImportedPackage[] = [];
  const unmapped: Unmapped[] = [];
  if (!Array.isArray(root.installed)) {
    fail(doc.positionOf(["installed"]), "the report has no `installed` list");
  } else {
    root.installed.forEach((item, index) => {
      const at = doc.positionOf(["installed", index]);
      const source: SourceLine = { file: input.file, line: at.line };
      const entry = record(item);
      const metadata = record(entry?.metadata);
      const name = metadata?.name;
      const version = metadata?.version;
      if (typeof name !== "string" || typeof version !== "string" || name.trim() === "") {
        fail(
          at,
          `installed[${index}] has no metadata.name and metadata.version`,
          "every installed entry of pip inspect carries its metadata",
        );
        return;
      }
      if (!isProjectName(name)) {
        fail(
          doc.positionOf(["installed", index, "metadata", "name"]),
          `installed[${index}] name ${JSON.stringify(name)} is not a valid project name`,
          "names start and end with a letter or digit",
        );
        return;
      }
      const normalized = normalizeVersion(version);
      if (!normalized.ok) {
        fail(
          doc.positionOf(["installed", index, "metadata", "version"]),
          `${name} ${version} is not a PEP 440 version; it is kept as ===${version}`,
          "upgrade the package to a release with a standard version",
          "warning",
        );
      }
      const exact = normalized.ok ? normalized.value : version;
      const reference = directUrlOf(entry?.direct_url, `${name}==${version}`, source);
      if (reference) {
        unmapped.push({ ...reference, name: normalizeName(name), version: exact });
        return;
      }
      packages.push({
        name: normalizeName(name),
        specifier: normalized.ok ? `==${exact}` : `===${version}`,
        exact,
        ...(typeof entry?.installer === "string" ? { installer: entry.installer } : {}),
        ...(typeof entry?.requested === "boolean" ? { requested: entry.requested } : {}),
        source,
      });
    });
  }
  return {
    packages,
    ...(python !== undefined ? { python } : {}),
    ...(environment ? { markerEnvironment: environment } : {}),
    unmapped,
    diagnostics,
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function readEnvironment(value: unknown): Record<string, string> | undefined {
  const env = record(value);
  if (!env) return undefined;
  return Object.fromEntries(
    Object.entries(env).filter((pair): pair is [string, string] => typeof pair[1] === "string"),
  );
}

function pythonOf(
  environment: Record<string, string> | undefined,
  doc: JsonDocument,
  fail: (
    at: { line: number; column: number },
    message: string,
    hint?: string,
    severity?: "error" | "warning",
  ) => void,
): string | undefined {
  const full = environment?.python_full_version;
  if (full === undefined) return undefined;
  const normalized = normalizeVersion(full.endsWith("+") ? `${full}local` : full);
  if (!normalized.ok) {
    fail(
      doc.positionOf(["environment", "python_full_version"]),
      `python_full_version ${JSON.stringify(full)} is not a PEP 440 version`,
      undefined,
      "warning",
    );
    return undefined;
  }
  return `==${normalized.value}`;
}

/** An installed distribution that came from a working copy, VCS or a URL, per its `direct_url`. */
function directUrlOf(value: unknown, text: string, source: SourceLine): Unmapped | undefined {
  const direct = record(value);
  if (!direct || typeof direct.url !== "string") return undefined;
  const dirInfo = record(direct.dir_info);
  const vcsInfo = record(direct.vcs_info);
  if (dirInfo?.editable === true) return directReference(text, direct.url, source, true);
  if (vcsInfo) {
    const vcs = typeof vcsInfo.vcs === "string" ? vcsInfo.vcs : "git";
    const commit = typeof vcsInfo.commit_id === "string" ? `@${vcsInfo.commit_id}` : "";
    return directReference(text, `${vcs}+${direct.url}${commit}`, source);
  }
  return directReference(text, direct.url, source);
}
