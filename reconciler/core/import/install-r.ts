import { importDiagnostic } from "./diagnostic.js";
import type { ImportDiagnostic, ImportResult, Unmapped } from "./types.js";

export interface InstallRInput {
  readonly file: string;
  readonly text: string;
}

interface Token {
  readonly kind: "string" | "name" | "punct";
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const NAME = /[A-Za-z._][A-Za-z0-9._]*(?:::[A-Za-z._][A-Za-z0-9._]*)?/y;

/** The calls that install R packages, and where they install from. */
const INSTALLERS: Readonly<Record<string, "cran" | "bioc" | "github" | "version">> = {
  "install.packages": "cran",
  "utils::install.packages": "cran",
  "remotes::install_cran": "cran",
  "pak::pkg_install": "cran",
  "pak::pak": "cran",
  "BiocManager::install": "bioc",
  "remotes::install_bioc": "bioc",
  "remotes::install_github": "github",
  "devtools::install_github": "github",
  install_github: "github",
  "remotes::install_version": "version",
  "devtools::install_version": "version",
  install_version: "version",
};

/**
 * Binder's `install.R`: R code that installs R packages. labenv runs no code,
 * so the file is read, not executed: the package names given to
 * `install.packages`, `BiocManager::install`, `remotes::install_version` and
 * `install_github` become `r-package` entries the pack's image must provide;
 * every other line of code is reported as a `script` line that is not carried
 * over. R package names are kept as written (R is case-sensitive).
 */
export function importInstallR(input: InstallRInput): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const unmapped: Unmapped[] = [];
  const tokens = tokenize(input.text, (line, column, message) =>
    diagnostics.push(
      importDiagnostic("install-r", input.file, { line, column }, message, "close the string"),
    ),
  );
  const covered = new Set<number>();
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    const from = t.kind === "name" ? INSTALLERS[t.text] : undefined;
    if (!from || tokens[i + 1]?.text !== "(") continue;
    const end = closing(tokens, i + 1);
    for (let l = t.line; l <= (tokens[end]?.line ?? t.line); l += 1) covered.add(l);
    const args = splitArguments(tokens.slice(i + 2, end));
    const first = args.find((a) => a.name === undefined || a.name === "pkgs" || a.name === "repo");
    const names = (first?.tokens ?? []).filter((a) => a.kind === "string");
    const version =
      from === "version"
        ? (args.find((a) => a.name === "version") ?? args.filter((a) => !a.name)[1])?.tokens.find(
            (a) => a.kind === "string",
          )?.text
        : undefined;
    for (const n of names) {
      const repo = from === "github" ? n.text.replace(/[@#].*$/, "") : undefined;
      const name = repo ? (repo.split("/").pop() ?? repo) : n.text;
      unmapped.push({
        kind: "r-package",
        text: `${t.text}(${JSON.stringify(n.text)})`,
        name,
        ...(version ? { version } : {}),
        reason: repo
          ? `an R package installed from GitHub (${repo}): R packages come with the pack's image, not with the environment`
          : `an R package from ${from === "bioc" ? "Bioconductor" : "CRAN"}${version ? ` at ${version}` : ""}: R packages come with the pack's image, not with the environment`,
        source: { file: input.file, line: n.line },
      });
    }
    i = end;
  }
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const on = byLine.get(t.line);
    if (on) on.push(t);
    else byLine.set(t.line, [t]);
  }
  const lines = input.text.split(/\r?\n/);
  for (const [line, ts] of byLine) {
    if (covered.has(line)) continue;
    const text = (lines[line - 1] ?? "").trim();
    unmapped.push({
      kind: "script",
      text,
      reason: `R code that installs no package (${ts[0]!.text}…): labenv does not run install.R; put what it sets up into the pack's image`,
      source: { file: input.file, line },
    });
  }
  unmapped.sort((a, b) => a.source.line - b.source.line);
  return { packages: [], unmapped, diagnostics };
}

function tokenize(
  text: string,
  fail: (line: number, column: number, message: string) => void,
): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === "\n") {
      line += 1;
      lineStart = ++i;
    } else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i += 1;
    } else if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      const start = i;
      let value = "";
      i += 1;
      while (i < text.length && text[i] !== c && text[i] !== "\n") {
        if (text[i] === "\\") i += 1;
        value += text[i] ?? "";
        i += 1;
      }
      if (text[i] !== c) {
        fail(line, start - lineStart + 1, `unterminated string starting here`);
        return tokens;
      }
      tokens.push({ kind: "string", text: value, line, column: start - lineStart + 1 });
      i += 1;
    } else if (/[A-Za-z._]/.test(c)) {
      NAME.lastIndex = i;
      const m = NAME.exec(text)!;
      tokens.push({ kind: "name", text: m[0], line, column: i - lineStart + 1 });
      i += m[0].length;
    } else {
      tokens.push({ kind: "punct", text: c, line, column: i - lineStart + 1 });
      i += 1;
    }
  }
  return tokens;
}

/** The index of the `)` matching the `(` at `open` (the last token when unbalanced). */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const t = tokens[i]!.text;
    if (t === "(" || t === "[" || t === "{") depth += 1;
    else if (t === ")" || t === "]" || t === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return tokens.length - 1;
}

/** Top-level arguments of a call, with their names (`repos = …`) where given. */
function splitArguments(tokens: readonly Token[]): { name?: string; tokens: Token[] }[] {
  const out: { name?: string; tokens: Token[] }[] = [];
  let current: Token[] = [];
  let depth = 0;
  const push = () => {
    if (current.length === 0) return;
    const named = current[0]?.kind === "name" && current[1]?.text === "=";
    out.push(named ? { name: current[0]!.text, tokens: current.slice(2) } : { tokens: current });
    current = [];
  };
  for (const t of tokens) {
    if (t.text === "(" || t.text === "[" || t.text === "{") depth += 1;
    if (t.text === ")" || t.text === "]" || t.text === "}") depth -= 1;
    if (t.text === "," && depth === 0) push();
    else current.push(t);
  }
  push();
  return out;
}
