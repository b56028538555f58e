/**
 * What labenv reads out of the files researchers already have
 * (requirements.txt, pip freeze, pip inspect, conda environment.yml,
 * jupyter kernelspec list): packages it can lock, and everything else, each
 * with the file and line it came from. Nothing is dropped without a trace:
 * what cannot become a package is an `Unmapped` entry or a `Diagnostic`.
 */

export interface SourceLine {
  /** The path as given to the parser (for includes: resolved against the including file). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, where the reader knows where on the line the entry starts (conda specs). */
  readonly column?: number;
}

export interface ImportedPackage {
  /** PEP 503 normalized, e.g. `scikit-learn`. */
  readonly name: string;
  /** PEP 440 specifier set as packaging writes it (`<2,>=1.26`); empty for "any version". */
  readonly specifier: string;
  /** The one version the line pins (`==1.26.4`, `===1.0-custom`), normalized where it is PEP 440. */
  readonly exact?: string;
  /** `sha256:…` digests from `--hash` options. */
  readonly hashes?: readonly string[];
  /** The environment marker, as pip writes it (`python_version < "3.11"`). */
  readonly markers?: string;
  /** Extras as written (`dask[complete]` → `["complete"]`). */
  readonly extras?: readonly string[];
  /** conda only: the channel named in `channel::name`, and a build string the spec carried. */
  readonly channel?: string;
  readonly build?: string;
  /** pip inspect only: which tool installed it and whether it was asked for by name. */
  readonly installer?: string;
  readonly requested?: boolean;
  readonly source: SourceLine;
}

export type UnmappedKind =
  | "editable"
  | "vcs"
  | "url"
  | "local-path"
  | "remote-include"
  | "conda-spec"
  | "not-pep440"
  /** apt.txt lines and non-Python conda packages: software the pack's image must provide. */
  | "system-package"
  /** install.R, conda `r-*` and runtime.txt `r-…`: R (`R` itself) or an R package the image must provide. */
  | "r-package"
  /** A line of a file that is not a package at all (R code, Pipfile scripts): labenv runs nothing at build time. */
  | "script"
  /** conda `channels:` entries and `channel::name` prefixes: labenv installs from the package index, not from conda channels. */
  | "conda-channel"
  /** conda build strings (`htseq 2.0.5 py311h*`, `name=version=build`, the builds an explicit list's URLs name). */
  | "conda-build"
  /** The header lines of a conda package list: `# platform: …` and `@EXPLICIT`. */
  | "conda-header"
  /** conda `name:`: the environment is named with `labenv import --name`. */
  | "conda-name";

/** Something that was read but cannot become a lockable package, and why. */
export interface Unmapped {
  readonly kind: UnmappedKind;
  /** The entry as written. */
  readonly text: string;
  /** Normalized project name and version when they are known. */
  readonly name?: string;
  readonly version?: string;
  readonly reason: string;
  readonly source: SourceLine;
}

/** A pip option kept from a requirements file (`--index-url`, `--pre`, `--only-binary`, …). */
export interface ImportedOption {
  /** The long option name, e.g. `--index-url`. */
  readonly name: string;
  readonly value?: string;
  readonly source: SourceLine;
}

export interface ImportedKernel {
  /** The kernelspec directory name, e.g. `python3`, `ir`, `julia-1.10`. */
  readonly name: string;
  readonly displayName: string;
  readonly language: string;
  readonly argv: readonly string[];
  readonly resourceDir?: string;
  readonly interruptMode?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly source: SourceLine;
}

/** A problem with a place and, where possible, what to do about it. Shaped like labenv's other diagnostics. */
export interface ImportDiagnostic {
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly severity: "error" | "warning";
  /** The reader that found it: `requirements-txt`, `pip-freeze`, `pip-inspect`, `conda-environment`, `kernelspec`. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

export interface ImportResult {
  readonly packages: readonly ImportedPackage[];
  /** The interpreter as a PEP 440 specifier (`==3.11.*` from conda's `python=3.11`, `==3.11.7` from pip inspect). */
  readonly python?: string;
  /** Where the Python was named (`python=3.11`, runtime.txt's line, `[requires]`). */
  readonly pythonSource?: SourceLine;
  readonly kernels?: readonly ImportedKernel[];
  /** Packages from `-c` constraints files: they limit versions but do not ask for installation. */
  readonly constraints?: readonly ImportedPackage[];
  readonly options?: readonly ImportedOption[];
  /** conda: the environment's name and channels, in priority order. */
  readonly environmentName?: string;
  readonly channels?: readonly string[];
  /** pip inspect: the marker environment the report was made in. */
  readonly markerEnvironment?: Readonly<Record<string, string>>;
  readonly unmapped: readonly Unmapped[];
  readonly diagnostics: readonly ImportDiagnostic[];
}

/** Reads an included file (`-r`, `-c`); `undefined` when it does not exist. */
export type ReadFile = (path: string) => string | undefined;
