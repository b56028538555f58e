import {
  formatSpecifierSet,
  parseRequirement,
  parseSpecifierSet,
  versionsEqual,
  parseVersion,
  type Requirement,
} from "../pep440/index.js";
import type { ImportFormat, ReadImport } from "./import-source.js";
import type {
  ImportedKernel,
  ImportedOption,
  ImportedPackage,
  SourceLine,
  UnmappedKind,
} from "./types.js";

/** A package the imported files ask for, merged over every file that names it. */
export interface WantedPackage {
  /** PEP 503 name on the package index (conda names mapped, e.g. `matplotlib-base` → `matplotlib`). */
  readonly name: string;
  /** PEP 440 specifier set, `""` for any version. */
  readonly specifier: string;
  readonly exact?: string;
  readonly extras: readonly string[];
  readonly markers?: string;
  /** `conda` when every mention is a conda match spec; such a package may not be a Python package at all. */
  readonly origin: "pip" | "conda";
  /** The name as the files wrote it (for conda: before mapping). */
  readonly written: string;
  readonly sources: readonly SourceLine[];
  /** The PEP 508 requirement these fields make. */
  readonly requirement: Requirement;
  readonly text: string;
}

/** Something read that does not become a requirement, and why. Never dropped silently. */
export interface NotImported {
  readonly kind: UnmappedKind | "tooling" | "kernel" | "marker" | "constraint" | "option";
  readonly text: string;
  readonly name?: string;
  readonly reason: string;
  readonly source?: SourceLine;
}

/** A problem with the input itself; errors block the import. */
export interface ImportProblem {
  readonly message: string;
  /** The imported files themselves are wrong or cannot be imported (exit 2), not the repository or the pack (exit 1). */
  readonly input?: boolean;
  readonly source?: SourceLine & { column?: number };
  readonly hint?: string;
}

export interface WantedEnvironment {
  readonly packages: readonly WantedPackage[];
  readonly constraints: readonly WantedPackage[];
  /** The interpreter the files were made with, as a PEP 440 specifier. */
  readonly python?: string;
  /** Where each file named its Python. */
  readonly pythonSources: readonly SourceLine[];
  /** pip options of requirements files (and Pipfile sources): each is honoured or reported by the planner. */
  readonly options: readonly ImportedOption[];
  readonly kernels: readonly ImportedKernel[];
  readonly notImported: readonly NotImported[];
  readonly problems: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
}

/** conda-forge names whose PyPI project is called differently. */
const CONDA_TO_PYPI: Readonly<Record<string, string>> = {
  "matplotlib-base": "matplotlib",
  pytorch: "torch",
  "pytorch-cpu": "torch",
  "pytorch-gpu": "torch",
  "py-opencv": "opencv-python",
  "tensorflow-base": "tensorflow",
  pyqt: "pyqt5",
  "msgpack-python": "msgpack",
  "python-graphviz": "graphviz",
  ruamel_yaml: "ruamel-yaml",
};
/** Installer tooling a lock-like listing always shows; the image brings its own. */
const TOOLING = new Set(["pip", "setuptools", "wheel"]);
const LOCK_LIKE: readonly ImportFormat[] = ["pip-freeze", "pip-inspect"];

/** Merges what every file asks for: one entry per package, and everything else with its reason. */
export function wantedEnvironment(imports: readonly ReadImport[]): WantedEnvironment {
  const mentions = new Map<
    string,
    { pkg: ImportedPackage; origin: "pip" | "conda"; written: string }[]
  >();
  const constraintMentions = new Map<
    string,
    { pkg: ImportedPackage; origin: "pip" | "conda"; written: string }[]
  >();
  const notImported: NotImported[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const kernels = new Map<string, ImportedKernel>();
  const pythons: string[] = [];
  const pythonSources: SourceLine[] = [];
  const options: ImportedOption[] = [];
  for (const read of imports) {
    const r = read.result;
    for (const d of r.diagnostics)
      (d.severity === "error" ? problems : warnings).push({
        message: d.message,
        ...(d.severity === "error" ? { input: true } : {}),
        source: { file: d.file, line: d.line, column: d.column },
        ...(d.hint ? { hint: d.hint } : {}),
      });
    for (const u of r.unmapped)
      notImported.push({
        kind: u.kind,
        text: u.text,
        ...(u.name ? { name: u.name } : {}),
        reason: u.reason,
        source: u.source,
      });
    if (r.python) pythons.push(r.python);
    if (r.pythonSource) pythonSources.push(r.pythonSource);
    options.push(...(r.options ?? []));
    for (const k of r.kernels ?? []) if (!kernels.has(k.name)) kernels.set(k.name, k);
    for (const [list, into] of [
      [r.packages, mentions],
      [r.constraints ?? [], constraintMentions],
    ] as const) {
      for (const pkg of list) {
        const conda =
          read.condaLines?.has(pkg.source.line) === true && pkg.source.file === read.file;
        const name = conda ? (CONDA_TO_PYPI[pkg.name] ?? pkg.name) : pkg.name;
        if (TOOLING.has(name) && (conda || LOCK_LIKE.includes(read.format))) {
          notImported.push({
            kind: "tooling",
            text: written(pkg),
            name,
            reason:
              "installer tooling: the image brings its own, and the lock adds it where a package needs it",
            source: pkg.source,
          });
          continue;
        }
        if (conda && /^(r|bioconductor)-/.test(pkg.name)) {
          const rName = pkg.name === "r-base" ? "R" : pkg.name.replace(/^(r|bioconductor)-/, "");
          notImported.push({
            kind: "r-package",
            text: written(pkg),
            name: rName,
            reason: `${rName === "R" ? "R itself" : "an R package"} from conda: R and its packages come with the pack's image, not with the environment`,
            source: pkg.source,
          });
          continue;
        }
        into.set(name, [
          ...(into.get(name) ?? []),
          { pkg, origin: conda ? "conda" : "pip", written: pkg.name },
        ]);
      }
    }
  }
  const hashed = new Map<string, number>();
  for (const ms of mentions.values())
    for (const m of ms)
      if (m.pkg.hashes?.length)
        hashed.set(m.pkg.source.file, (hashed.get(m.pkg.source.file) ?? 0) + 1);
  for (const [file, count] of hashed)
    warnings.push({
      message: `${count} requirement${count === 1 ? "" : "s"} in ${file} carr${count === 1 ? "ies" : "y"} hashes (--hash): they are not copied; the lock records the sha256 of each file as the package index gives it`,
    });
  const merge = (map: typeof mentions) =>
    [...map]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, ms]) => {
        const merged = mergeMentions(name, ms, problems, warnings);
        return merged ? [merged] : [];
      });
  const python =
    pythons.length === 0 ? undefined : pythons.length === 1 ? pythons[0] : joinSpecifiers(pythons);
  return {
    packages: merge(mentions),
    constraints: merge(constraintMentions),
    ...(python ? { python } : {}),
    pythonSources,
    options,
    kernels: [...kernels.values()],
    notImported,
    problems,
    warnings,
  };
}

function mergeMentions(
  name: string,
  ms: { pkg: ImportedPackage; origin: "pip" | "conda"; written: string }[],
  problems: ImportProblem[],
  warnings: ImportProblem[],
): WantedPackage | undefined {
  const exacts = ms.filter((m) => m.pkg.exact !== undefined);
  const first = exacts[0];
  for (const other of exacts.slice(1)) {
    if (!samePin(first!.pkg.exact!, other.pkg.exact!)) {
      problems.push({
        message: `the imported files disagree on ${name}: ${first!.pkg.exact} at ${where(first!.pkg.source)} and ${other.pkg.exact} at ${where(other.pkg.source)}`,
        source: other.pkg.source,
        hint: "keep one of the two pins",
      });
      return undefined;
    }
  }
  const markerSet = new Set(ms.map((m) => m.pkg.markers ?? ""));
  const markers = markerSet.size === 1 ? ms[0]!.pkg.markers : undefined;
  if (markerSet.size > 1)
    warnings.push({
      message: `${name} is imported with different markers (${[...markerSet].map((m) => m || "none").join(" / ")}); it is kept without a marker`,
      source: ms[0]!.pkg.source,
    });
  const extras = [...new Set(ms.flatMap((m) => m.pkg.extras ?? []))].sort();
  const specifier = joinSpecifiers(ms.map((m) => m.pkg.specifier));
  const text = requirementText(name, extras, specifier, markers);
  const parsed = parseRequirement(text);
  if (!parsed.ok) {
    problems.push({
      message: `\`${text}\` (from ${where(ms[0]!.pkg.source)}) is not a valid PEP 508 requirement: ${parsed.error.message}`,
      source: ms[0]!.pkg.source,
    });
    return undefined;
  }
  return {
    name,
    specifier,
    ...(first ? { exact: first.pkg.exact } : {}),
    extras,
    ...(markers ? { markers } : {}),
    origin: ms.every((m) => m.origin === "conda") ? "conda" : "pip",
    written: ms[0]!.written,
    sources: ms.map((m) => m.pkg.source),
    requirement: parsed.value,
    text,
  };
}

/** Two pins name the same version (PEP 440 equality; text equality for legacy versions). */
export function samePin(a: string, b: string): boolean {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  return pa.ok && pb.ok ? versionsEqual(pa.value, pb.value) : a === b;
}

/** A PEP 508 requirement from its parts: `xarray[io]<2024.7,>=2024.1; python_version >= "3.10"`. */
export function requirementText(
  name: string,
  extras: readonly string[],
  specifier: string,
  markers: string | undefined,
): string {
  return `${name}${extras.length ? `[${extras.join(",")}]` : ""}${specifier}${markers ? `; ${markers}` : ""}`;
}

/** Several specifier sets as one (`>=1.26,<2.1` and `==1.26.4` → `<2.1,==1.26.4,>=1.26`). */
export function joinSpecifiers(sets: readonly string[]): string {
  const text = sets.filter((s) => s !== "").join(",");
  const parsed = parseSpecifierSet(text);
  return parsed.ok ? formatSpecifierSet(parsed.value) : text;
}

function written(pkg: ImportedPackage): string {
  return `${pkg.name}${pkg.specifier}`;
}

export function where(source: SourceLine): string {
  return `${source.file}:${source.line}`;
}
