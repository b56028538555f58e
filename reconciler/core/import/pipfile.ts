import { importDiagnostic } from "./diagnostic.js";
import { parseToml, type At, type TomlEntry, type TomlValue } from "./pipfile-toml.js";
import { directReference, readRequirementEntry } from "./requirement-entry.js";
import type {
  ImportDiagnostic,
  ImportedOption,
  ImportedPackage,
  ImportResult,
  Unmapped,
} from "./types.js";

export interface PipfileInput {
  readonly file: string;
  readonly text: string;
}

/** Marker variables Pipfile accepts as keys of a package (`sys_platform = "== 'linux'"`). */
const MARKER_KEYS = new Set([
  "os_name",
  "sys_platform",
  "platform_machine",
  "platform_python_implementation",
  "platform_release",
  "platform_system",
  "platform_version",
  "python_version",
  "python_full_version",
  "implementation_name",
  "implementation_version",
]);

/**
 * Pipenv's `Pipfile` (TOML): `[packages]` and `[dev-packages]` (Binder
 * installs both) become requirements; `[requires] python_version` is the
 * import's Python; `[[source]]` becomes `--index-url` / `--extra-index-url`
 * options and `[pipenv] allow_prereleases` becomes `--pre`, judged like the
 * same options in a requirements file; git, path and file packages are
 * reported as unmapped; `[scripts]` are reported as not carried over.
 */
export function importPipfile(input: PipfileInput): ImportResult {
  const { file } = input;
  const diagnostics: ImportDiagnostic[] = [];
  const packages: ImportedPackage[] = [];
  const unmapped: Unmapped[] = [];
  const options: ImportedOption[] = [];
  let python: string | undefined;
  let pythonLine = 0;
  const report = (at: At, message: string, hint?: string, severity?: "error" | "warning") =>
    diagnostics.push(importDiagnostic("pipfile", file, at, message, hint, severity));
  const parsed = parseToml(input.text);
  if (!parsed.ok) {
    report(
      parsed.at,
      `not a Pipfile: TOML ${parsed.message}`,
      "check the file with `pipenv check`",
    );
    return { packages, unmapped, diagnostics };
  }
  let sources = 0;
  for (const section of parsed.sections) {
    const source = (at: At) => ({ file, line: at.line });
    switch (section.name) {
      case "packages":
      case "dev-packages":
        for (const entry of section.entries) {
          const read = readPackage(entry, source(entry.at), report);
          if (read?.kind === "package") packages.push(read.value);
          else if (read?.kind === "unmapped") unmapped.push(read.value);
        }
        break;
      case "source": {
        const url = stringOf(section.entries.find((e) => e.key === "url")?.value);
        if (url === undefined) report(section.at, "a [[source]] has no url");
        else
          options.push({
            name: sources++ === 0 ? "--index-url" : "--extra-index-url",
            value: url,
            source: source(section.at),
          });
        break;
      }
      case "requires":
        for (const e of section.entries) {
          const v = stringOf(e.value);
          if ((e.key === "python_version" || e.key === "python_full_version") && v !== undefined) {
            python = e.key === "python_version" ? `==${v}.*` : `==${v}`;
            pythonLine = e.at.line;
          } else report(e.at, `[requires] ${e.key} is not read`, "use python_version", "warning");
        }
        break;
      case "pipenv":
        for (const e of section.entries) {
          if (e.key === "allow_prereleases" && e.value.kind === "boolean") {
            if (e.value.value) options.push({ name: "--pre", source: source(e.at) });
          } else
            report(
              e.at,
              `[pipenv] ${e.key} is a pipenv setting and is not kept`,
              undefined,
              "warning",
            );
        }
        break;
      case "scripts":
        for (const e of section.entries)
          unmapped.push({
            kind: "script",
            text: `${e.key} = ${JSON.stringify(stringOf(e.value) ?? "")}`,
            reason: "a pipenv script (pipenv run): a command, not a package",
            source: source(e.at),
          });
        break;
      default:
        report(
          section.at,
          `[${section.name}] is not a Pipfile section labenv reads`,
          "Pipfile sections are [[source]], [packages], [dev-packages], [requires], [pipenv], [scripts]",
          "warning",
        );
    }
  }
  return {
    packages,
    ...(python ? { python, pythonSource: { file, line: pythonLine } } : {}),
    ...(options.length > 0 ? { options } : {}),
    unmapped,
    diagnostics,
  };
}

function readPackage(
  entry: TomlEntry,
  source: { file: string; line: number },
  report: (at: At, message: string, hint?: string, severity?: "error" | "warning") => void,
): ReturnType<typeof readRequirementEntry> | undefined {
  const { key: name, value } = entry;
  let specifier = "";
  let extras: string[] = [];
  const markers: string[] = [];
  if (value.kind === "string") specifier = value.value;
  else if (value.kind === "table") {
    for (const e of value.entries) {
      const v = stringOf(e.value);
      if (e.key === "version" && v !== undefined) specifier = v;
      else if (e.key === "extras" && e.value.kind === "array")
        extras = e.value.items.flatMap((i) => (i.kind === "string" ? [i.value] : []));
      else if (e.key === "markers" && v !== undefined) markers.push(v);
      else if (MARKER_KEYS.has(e.key) && v !== undefined) markers.push(`${e.key} ${v}`);
      else if (["git", "path", "file"].includes(e.key) && v !== undefined) {
        const target = e.key === "git" ? `git+${v.replace(/^git\+/, "")}` : v;
        const editable = value.entries.some(
          (x) => x.key === "editable" && x.value.kind === "boolean" && x.value.value,
        );
        return {
          kind: "unmapped",
          value: {
            ...directReference(`${name} = {${e.key} = "${v}"}`, target, source, editable),
            name,
          },
        };
      } else if (e.key === "index" && v !== undefined)
        report(
          e.at,
          `${name} is to come from the [[source]] named ${JSON.stringify(v)}; labenv resolves every package from the one index in labenv.yaml`,
          "make sure that index serves it (docs/import-and-index.md)",
          "warning",
        );
      else if (["ref", "editable", "subdirectory"].includes(e.key)) continue;
      else
        report(
          e.at,
          `${name}: key ${e.key} is not read`,
          "Pipfile package keys are version, extras, markers, git, path, file, index",
        );
    }
  } else {
    report(entry.at, `${name}: expected a version string such as "==1.26.4" or "*", or a table`);
    return undefined;
  }
  const spec = specifier.trim() === "*" ? "" : specifier.trim();
  const text = `${name}${extras.length ? `[${extras.join(",")}]` : ""}${spec}${markers.length ? ` ; ${markers.map((m) => (markers.length > 1 ? `(${m})` : m)).join(" and ")}` : ""}`;
  const read = readRequirementEntry(text, source);
  if (read.kind === "invalid") {
    report(
      entry.at,
      `${name}: ${read.message} in ${JSON.stringify(text)}`,
      `expected ${read.expected}`,
    );
    return undefined;
  }
  return read;
}

function stringOf(v: TomlValue | undefined): string | undefined {
  return v?.kind === "string" ? v.value : undefined;
}
