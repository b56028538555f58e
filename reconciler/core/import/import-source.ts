import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { importCondaEnvironment } from "./conda-environment.js";
import type { ImportFormat } from "./diagnostic.js";
import { importKernelspecList } from "./kernelspec.js";
import { importPipFreeze } from "./pip-freeze.js";
import { importPipInspect } from "./pip-inspect.js";
import { importRequirementsTxt } from "./requirements-txt.js";
import type { ImportResult, ReadFile } from "./types.js";

export type { ImportFormat } from "./diagnostic.js";

export interface ImportInput {
  /** The path as the user gave it; includes (`-r`) are resolved next to it. */
  readonly file: string;
  readonly text: string;
  readonly readFile?: ReadFile;
}

/** One file read by the reader its content calls for. */
export interface ReadImport {
  readonly file: string;
  readonly format: ImportFormat;
  readonly result: ImportResult;
  /** conda files: the lines of conda match specs (everything else came from the `pip:` section). */
  readonly condaLines?: ReadonlySet<number>;
}

const FREEZE_LINE =
  /^\s*(?:#.*|-e\s+\S.*|--editable[=\s]\S.*|[A-Za-z0-9][A-Za-z0-9._-]*\s*===?\s*\S+|[A-Za-z0-9][A-Za-z0-9._-]*\s+@\s+\S+)?\s*$/;

/**
 * Which of the supported files this is, from its content first and its name
 * second: JSON with `kernelspecs` (kernelspec list) or `installed` (pip
 * inspect); YAML with `dependencies` (conda); text whose every line is a pin,
 * a `name @ url` or an `-e` line (pip freeze); any other text is a
 * requirements file. Both text readers give the same packages for such a file.
 */
export function detectFormat(file: string, text: string): ImportFormat | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    if (/"kernelspecs"\s*:/.test(text)) return "kernelspec";
    if (/"installed"\s*:/.test(text)) return "pip-inspect";
    return undefined;
  }
  if (/\.ya?ml$/i.test(file) || /^dependencies\s*:/m.test(text)) return "conda-environment";
  const lines = text.split(/\r?\n/);
  const significant = lines.filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  if (significant.some((l) => l.includes("==")) && lines.every((l) => FREEZE_LINE.test(l)))
    return "pip-freeze";
  return "requirements-txt";
}

/** Reads one file; `undefined` when it is none of the supported kinds. */
export function readImport(
  input: ImportInput,
  format = detectFormat(input.file, input.text),
): ReadImport | undefined {
  const { file, text } = input;
  switch (format) {
    case "requirements-txt":
      return {
        file,
        format,
        result: importRequirementsTxt({
          file,
          text,
          ...(input.readFile ? { readFile: input.readFile } : {}),
        }),
      };
    case "pip-freeze":
      return { file, format, result: importPipFreeze({ file, text }) };
    case "pip-inspect":
      return { file, format, result: importPipInspect({ file, text }) };
    case "kernelspec":
      return { file, format, result: importKernelspecList({ file, text }) };
    case "conda-environment":
      return {
        file,
        format,
        result: importCondaEnvironment({
          file,
          text,
          ...(input.readFile ? { readFile: input.readFile } : {}),
        }),
        condaLines: condaSpecLines(text),
      };
    default:
      return undefined;
  }
}

/** The lines of an environment.yml's conda match specs (the scalar items of `dependencies`). */
function condaSpecLines(text: string): Set<number> {
  const lines = new Set<number>();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (!isMap(doc.contents)) return lines;
  const deps = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "dependencies")
    ?.value as Node | undefined;
  if (!isSeq(deps)) return lines;
  for (const item of deps.items as Node[])
    if (isScalar(item) && item.range) lines.add(counter.linePos(item.range[0]).line);
  return lines;
}
