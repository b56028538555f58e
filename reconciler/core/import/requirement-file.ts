import { posix } from "node:path";
import { importDiagnostic, type ImportFormat } from "./diagnostic.js";
import { parseOptions, shellWords, type ParsedOption } from "./pip-options.js";
import { directReference, readRequirementEntry } from "./requirement-entry.js";
import {
  logicalLines,
  positionAt,
  splitArgsAndOptions,
  type LogicalLine,
} from "./requirement-lines.js";
import type {
  ImportDiagnostic,
  ImportedOption,
  ImportedPackage,
  ReadFile,
  SourceLine,
  Unmapped,
} from "./types.js";

/**
 * Reads a pip requirements file line by line into packages, constraints,
 * options, unmapped entries and diagnostics, following `-r` and `-c` through
 * `readFile` (paths relative to the including file, cycles refused).
 */
export interface RequirementFileContext {
  readonly format: ImportFormat;
  readonly readFile?: ReadFile;
  readonly environment?: Readonly<Record<string, string>>;
  readonly packages: ImportedPackage[];
  readonly constraints: ImportedPackage[];
  readonly options: ImportedOption[];
  readonly unmapped: Unmapped[];
  readonly diagnostics: ImportDiagnostic[];
}

const MAX_INCLUDE_DEPTH = 32;
const STRONG_HASHES: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** `chain` is the list of files that led here, outermost first; it ends with `file`. */
export function readRequirementFile(
  context: RequirementFileContext,
  file: string,
  text: string,
  constraint: boolean,
  chain: readonly string[],
): void {
  const { lines, unsetVariables } = logicalLines(text, context.environment);
  for (const unset of unsetVariables) {
    report(
      context,
      file,
      unset.position,
      `environment variable \${${unset.name}} is not set, so it stays as written`,
      "pass its value to the import, or write the value into the file",
      "warning",
    );
  }
  for (const line of lines) readLine(context, file, line, constraint, chain);
}

function report(
  context: RequirementFileContext,
  file: string,
  position: { line: number; column: number },
  message: string,
  hint?: string,
  severity: "error" | "warning" = "error",
): void {
  context.diagnostics.push(
    importDiagnostic(context.format, file, position, message, hint, severity),
  );
}

function readLine(
  context: RequirementFileContext,
  file: string,
  line: LogicalLine,
  constraint: boolean,
  chain: readonly string[],
): void {
  const source: SourceLine = { file, line: line.line };
  const { args, options: optionText, optionsOffset } = splitArgsAndOptions(line.text);
  const split = shellWords(optionText);
  const parsed = split.problem
    ? { options: [], problem: split.problem }
    : parseOptions(split.words);
  if (parsed.problem) {
    const at = positionAt(line, optionsOffset + parsed.problem.offset);
    report(context, file, at, parsed.problem.message, parsed.problem.hint);
    return;
  }
  if (args.trim() !== "") {
    readRequirementLine(
      context,
      file,
      line,
      args,
      parsed.options.map((o) => ({ ...o, offset: o.offset + optionsOffset })),
      constraint,
    );
    return;
  }
  for (const option of parsed.options) {
    const at = positionAt(line, optionsOffset + option.offset);
    const value = option.value ?? "";
    switch (option.spec.name) {
      case "--requirement":
      case "--constraint":
        include(context, file, source, at, value, option.spec.name === "--constraint", chain);
        break;
      case "--editable":
        context.unmapped.push(directReference(line.text, value, source, true));
        break;
      default:
        if (option.spec.scope === "requirement") {
          report(
            context,
            file,
            at,
            `${option.spec.name} belongs to a requirement on the same line`,
            `write it after the requirement: name==version ${option.spec.name}=…`,
          );
        } else {
          context.options.push({
            name: option.spec.name,
            ...(option.value !== undefined ? { value: option.value } : {}),
            source,
          });
        }
    }
  }
}

function readRequirementLine(
  context: RequirementFileContext,
  file: string,
  line: LogicalLine,
  args: string,
  options: readonly ParsedOption[],
  constraint: boolean,
): void {
  const source: SourceLine = { file, line: line.line };
  const hashes: string[] = [];
  for (const option of options) {
    const at = positionAt(line, option.offset);
    if (option.spec.name === "--hash") {
      const problem = hashProblem(option.value ?? "");
      if (problem)
        report(
          context,
          file,
          at,
          problem,
          "write --hash=sha256:<64 hex digits> (sha384 and sha512 are accepted too)",
        );
      else hashes.push((option.value ?? "").toLowerCase());
    } else if (option.spec.scope === "requirement") {
      report(
        context,
        file,
        at,
        `${option.spec.name} is a build option and is not kept`,
        "labenv installs pre-built wheels; build settings belong to the package index",
        "warning",
      );
    } else {
      report(
        context,
        file,
        at,
        `${option.spec.name} has no effect on a requirement line and is not kept`,
        "put file-wide options on a line of their own",
        "warning",
      );
    }
  }
  const entry = readRequirementEntry(args.trim(), source, hashes);
  if (entry.kind === "package")
    (constraint ? context.constraints : context.packages).push(entry.value);
  else if (entry.kind === "unmapped") context.unmapped.push(entry.value);
  else {
    const leading = args.length - args.trimStart().length;
    report(
      context,
      file,
      positionAt(line, leading + entry.column - 1),
      `${entry.message} in ${JSON.stringify(excerpt(args.trim()))}`,
      `expected ${entry.expected}`,
    );
  }
}

/** A long line quoted in a message: its start, so a 10,000-character line stays a readable message. */
function excerpt(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 80)}…`;
}

function hashProblem(value: string): string | undefined {
  const [algorithm = "", digest = ""] = value.split(/:(.*)/s);
  const length = STRONG_HASHES[algorithm.toLowerCase()];
  if (length === undefined)
    return `--hash algorithm ${JSON.stringify(algorithm)} is not allowed; pip accepts sha256, sha384, sha512`;
  if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digest))
    return `--hash ${algorithm} digest must be ${length} hexadecimal digits`;
  return undefined;
}

function include(
  context: RequirementFileContext,
  file: string,
  source: SourceLine,
  at: { line: number; column: number },
  target: string,
  asConstraint: boolean,
  chain: readonly string[],
): void {
  const flag = asConstraint ? "-c" : "-r";
  if (/^https?:/i.test(target)) {
    context.unmapped.push({
      kind: "remote-include",
      text: `${flag} ${target}`,
      reason: `requirements fetched from ${target} at install time; labenv reads only files in the repository, so download it next to this file and include it by path`,
      source,
    });
    return;
  }
  const path = target.replace(/^file:\/\//i, "");
  const resolved = posix.isAbsolute(path)
    ? posix.normalize(path)
    : posix.join(posix.dirname(file), path);
  if (chain.includes(resolved)) {
    report(
      context,
      file,
      at,
      `${flag} ${target} includes a file that is already being read: ${[...chain, resolved].join(" → ")}`,
      "remove the include that closes the cycle",
    );
    return;
  }
  if (chain.length >= MAX_INCLUDE_DEPTH) {
    report(
      context,
      file,
      at,
      `${flag} ${target} is nested more than ${MAX_INCLUDE_DEPTH} files deep`,
      "flatten the includes",
    );
    return;
  }
  if (!context.readFile) {
    report(
      context,
      file,
      at,
      `${flag} ${target} was not followed: no way to read other files was given`,
      "import the repository, not a single file",
    );
    return;
  }
  let content: string | undefined;
  try {
    content = context.readFile(resolved);
  } catch (problem) {
    report(
      context,
      file,
      at,
      `${flag} ${target}: ${resolved} could not be read (${problem instanceof Error ? problem.message : String(problem)})`,
    );
    return;
  }
  if (content === undefined) {
    report(
      context,
      file,
      at,
      `${flag} ${target}: ${resolved} does not exist`,
      "check the path; it is relative to the file that includes it",
    );
    return;
  }
  // As in pip, `-r` inside a constraints file reads requirements; `-c` always reads constraints.
  readRequirementFile(context, resolved, content, asConstraint, [...chain, resolved]);
}
