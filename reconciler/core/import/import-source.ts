import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { importAptTxt } from "./apt-txt.js";
import { importCondaEnvironment } from "./conda-environment.js";
import { importCondaList } from "./conda-list.js";
import { importInstallR } from "./install-r.js";
import { importPipfile } from "./pipfile.js";
import { importPipfileLock } from "./pipfile-lock.js";
import { importRuntimeTxt } from "./runtime-txt.js";
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

const CONDA_EXPORT_LINE = /^\s*(?:#.*|[A-Za-z0-9_][A-Za-z0-9_.+-]*=[^=\s]+(?:=[^=\s]+)?)?\s*$/;

/** Binder and project files that are named for what they are, whatever their content looks like. */
const BY_NAME: Readonly<Record<string, ImportFormat>> = {
  "runtime.txt": "runtime-txt",
  "apt.txt": "apt-txt",
  "install.R": "install-r",
  Pipfile: "pipfile",
  "Pipfile.lock": "pipfile-lock",
};

/** Files researchers have next to their requirements that labenv does not import, and what to do instead. */
const NOT_SUPPORTED: readonly [RegExp, string, string][] = [
  [
    /^postBuild$|^start$/,
    "a shell script Binder runs in the image; labenv runs no scripts at build time",
    "put what it installs into the domain pack's image, or its Python packages into a requirements file",
  ],
  [
    /^Dockerfile$|\.dockerfile$/i,
    "a Dockerfile builds an image; labenv environments build on a domain pack's image",
    "turn the image into a domain pack (README: Domain packs and lockfiles), then import its requirements",
  ],
  [
    /^default\.nix$|^flake\.nix$|^shell\.nix$/,
    "a Nix expression; labenv does not read Nix",
    "list the Python packages in a requirements file",
  ],
  [
    /^setup\.py$|^setup\.cfg$|^pyproject\.toml$/,
    "a Python project's build file, not an environment: it describes a package to build",
    "publish the package to the lab's index and require it by name, or list its dependencies in a requirements file",
  ],
  [
    /^Project\.toml$|^Manifest\.toml$|^REQUIRE$/,
    "a Julia project; Julia and its packages come with the pack's image",
    "choose a pack with the Julia kernel (labenv packs list)",
  ],
  [
    /^DESCRIPTION$|^renv\.lock$/,
    "an R project; R and its packages come with the pack's image",
    "choose a pack with the R kernel, and import install.R to see which R packages it provides",
  ],
];

/** Why a file cannot be imported, judged from its name; `undefined` for files labenv may read. */
export function unsupportedFile(file: string): { reason: string; hint: string } | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const hit = NOT_SUPPORTED.find(([name]) => name.test(base));
  return hit ? { reason: hit[1], hint: hit[2] } : undefined;
}

/**
 * Which of the supported files this is: by name for the files whose name says
 * what they are (runtime.txt, apt.txt, install.R, Pipfile, Pipfile.lock), else
 * from the content: JSON with `kernelspecs` (kernelspec list), `installed`
 * (pip inspect) or `_meta` (Pipfile.lock); YAML with `dependencies` (conda);
 * `@EXPLICIT` or `name=version=build` lines (a conda package list); text whose
 * every line is a pin, a `name @ url` or an `-e` line (pip freeze); any other
 * text is a requirements file.
 */
export function detectFormat(file: string, text: string): ImportFormat | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  if (Object.hasOwn(BY_NAME, base)) return BY_NAME[base];
  if (unsupportedFile(file)) return undefined;
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    if (/"kernelspecs"\s*:/.test(text)) return "kernelspec";
    if (/"installed"\s*:/.test(text)) return "pip-inspect";
    if (/"_meta"\s*:/.test(text) && /"default"\s*:/.test(text)) return "pipfile-lock";
    return undefined;
  }
  if (/\.ya?ml$/i.test(file) || /^dependencies\s*:/m.test(text)) return "conda-environment";
  const lines = text.split(/\r?\n/);
  if (/^@EXPLICIT\s*$/m.test(text)) return "conda-list";
  // conda list --export: name=version=build lines, and nothing that only pip would write.
  if (
    lines.some((l) => CONDA_EXPORT_LINE.test(l) && /=[^=\s]+=/.test(l)) &&
    !lines.some((l) => /==|>=|<=|~=|!=|\s@\s|^\s*-/.test(l.replace(/#.*$/, "")))
  )
    return "conda-list";
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
    case "runtime-txt":
      return { file, format, result: importRuntimeTxt({ file, text }) };
    case "apt-txt":
      return { file, format, result: importAptTxt({ file, text }) };
    case "install-r":
      return { file, format, result: importInstallR({ file, text }) };
    case "pipfile":
      return { file, format, result: importPipfile({ file, text }) };
    case "pipfile-lock":
      return { file, format, result: importPipfileLock({ file, text }) };
    case "conda-list": {
      const result = importCondaList({ file, text });
      return {
        file,
        format,
        result,
        condaLines: new Set(result.packages.map((p) => p.source.line)),
      };
    }
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
