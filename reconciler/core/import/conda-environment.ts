import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { parseSpecifierSet } from "../pep440/index.js";
import { convertCondaSpec } from "./conda-match-spec.js";
import { importDiagnostic } from "./diagnostic.js";
import { pinnedVersionOf } from "./requirement-entry.js";
import { readRequirementFile, type RequirementFileContext } from "./requirement-file.js";
import type { ImportResult, ReadFile, SourceLine } from "./types.js";

export interface CondaEnvironmentInput {
  readonly file: string;
  readonly text: string;
  /** Reads files named by `-r` inside the `pip:` section, relative to the environment file. */
  readonly readFile?: ReadFile;
}

/** Stops alias bombs; environment files have no business expanding more. */
const MAX_ALIASES = 50;

/**
 * A conda `environment.yml`: `name`, `channels`, and `dependencies` as conda
 * match specs (converted to PEP 440 where the meaning carries over, see
 * conda-match-spec.ts) plus a nested `pip:` list read like a requirements file.
 * Python itself becomes `python`, not a package. YAML warnings count as errors.
 */
export function importCondaEnvironment(input: CondaEnvironmentInput): ImportResult {
  const { file } = input;
  const context: RequirementFileContext = {
    format: "conda-environment",
    ...(input.readFile ? { readFile: input.readFile } : {}),
    packages: [],
    constraints: [],
    options: [],
    unmapped: [],
    diagnostics: [],
  };
  const report = (
    at: { line: number; col: number },
    message: string,
    hint?: string,
    severity: "error" | "warning" = "error",
  ) =>
    context.diagnostics.push(
      importDiagnostic(
        "conda-environment",
        file,
        { line: at.line, column: at.col },
        message,
        hint,
        severity,
      ),
    );
  const lineCounter = new LineCounter();
  const doc = parseDocument(input.text, {
    lineCounter,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    merge: false,
  });
  for (const problem of [...doc.errors, ...doc.warnings])
    report(lineCounter.linePos(problem.pos[0]), `YAML: ${problem.message.split("\n")[0]}`);
  if (context.diagnostics.length > 0) return finish(context, {});
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (problem) {
    report(
      { line: 1, col: 1 },
      `YAML could not be read: ${problem instanceof Error ? problem.message : String(problem)}`,
      "write the values out instead of using anchors and aliases",
    );
    return finish(context, {});
  }
  const at = (node: Node | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0);
  if (!isMap(doc.contents)) {
    report(
      at(doc.contents),
      "an environment file is a mapping with `name`, `channels` and `dependencies`",
    );
    return finish(context, {});
  }
  const found: { name?: string; channels?: string[]; python?: string; pythonLine?: number } = {};
  let hasPip = false;
  let pipSection: { node: Node } | undefined;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as Node | null;
    const where = at(pair.key);
    if (key === "name") {
      if (isScalar(value) && typeof value.value === "string") {
        found.name = value.value;
        context.unmapped.push({
          kind: "conda-name",
          text: `name: ${value.value}`,
          reason:
            "the conda environment's name is not kept: labenv names the environment with labenv import --name (environments/<lab>/<name>/)",
          source: { file, line: where.line },
        });
      } else report(at(value), "`name` must be a string");
    } else if (key === "channels") {
      if (!isSeq(value)) report(at(value), "`channels` must be a list");
      else
        found.channels = value.items.flatMap((item) => {
          if (!isScalar(item) || typeof item.value !== "string") {
            report(at(item as Node), "a channel must be a string");
            return [];
          }
          context.unmapped.push({
            kind: "conda-channel",
            text: `channel ${item.value}`,
            reason:
              "a conda channel: labenv installs from the package index (packageIndex in labenv.yaml), not from conda channels; each conda package is matched to its PyPI project or to what the pack's image provides: not supported",
            source: { file, line: at(item).line },
          });
          return [item.value];
        });
    } else if (key === "dependencies") {
      if (!isSeq(value)) {
        report(at(value), "`dependencies` must be a list of match specs");
        continue;
      }
      for (const item of value.items as Node[]) {
        const position = at(item);
        const source: SourceLine = { file, line: position.line, column: position.col };
        if (
          isMap(item) &&
          item.items.length === 1 &&
          isScalar(item.items[0]?.key) &&
          item.items[0]?.key.value === "pip"
        ) {
          pipSection = { node: item.items[0].value as Node };
        } else if (isScalar(item) && typeof item.value === "string") {
          const spec = convertCondaSpec(item.value);
          if (!spec.ok) {
            context.unmapped.push({
              kind: "conda-spec",
              text: item.value,
              reason: spec.reason,
              source,
            });
          } else if (spec.value.name === "python") {
            if (found.python !== undefined) report(at(item), "python is listed more than once");
            found.python = spec.value.specifier;
            found.pythonLine = source.line;
          } else {
            if (spec.value.name === "pip") hasPip = true;
            const parsed = parseSpecifierSet(spec.value.specifier);
            const exact = parsed.ok ? pinnedVersionOf(parsed.value) : undefined;
            context.packages.push({
              ...spec.value,
              ...(exact !== undefined ? { exact } : {}),
              source,
            });
            const dropped = droppedParts(spec.value);
            if (dropped)
              context.unmapped.push({
                kind: spec.value.channel ? "conda-channel" : "conda-build",
                text: item.value,
                name: spec.value.name,
                reason: dropped,
                source,
              });
          }
        } else {
          report(
            at(item),
            "a dependency must be a match spec string such as numpy=1.26, or a `pip:` list",
          );
        }
      }
    } else if (key === "prefix") {
      report(
        where,
        "`prefix` is a path on one machine and is not kept",
        "labenv decides where environments live",
        "warning",
      );
    } else if (key === "variables") {
      report(
        where,
        "`variables` are not part of a package lock and are not kept",
        "set them in the labenv environment definition",
        "warning",
      );
    } else {
      report(
        where,
        `unknown key \`${key}\` is not kept`,
        "conda reads name, channels, dependencies, prefix and variables",
        "warning",
      );
    }
  }
  if (pipSection) readPipSection(context, file, pipSection.node, at, report, hasPip);
  return finish(context, found, file);
}

function readPipSection(
  context: RequirementFileContext,
  file: string,
  node: Node,
  at: (node: Node | null | undefined) => { line: number; col: number },
  report: (
    at: { line: number; col: number },
    message: string,
    hint?: string,
    severity?: "error" | "warning",
  ) => void,
  hasPip: boolean,
): void {
  if (!hasPip)
    report(
      at(node),
      "the `pip:` section is installed only when `pip` is among the dependencies",
      "add `- pip` to dependencies",
      "warning",
    );
  if (!isSeq(node)) {
    report(at(node), "`pip:` must be a list of requirement lines");
    return;
  }
  for (const item of node.items as Node[]) {
    if (!isScalar(item) || typeof item.value !== "string") {
      report(at(item), "a `pip:` entry must be a requirement line such as pandas==2.2.2");
      continue;
    }
    // Read the entry as a requirements file whose only line sits where the entry is written,
    // so every diagnostic carries the environment file's own line and column.
    const position = at(item);
    const quoted = item.type === "QUOTE_DOUBLE" || item.type === "QUOTE_SINGLE" ? 1 : 0;
    const shadow =
      "\n".repeat(position.line - 1) + " ".repeat(position.col - 1 + quoted) + item.value;
    readRequirementFile(context, file, shadow, false, [file]);
  }
}

function finish(
  context: RequirementFileContext,
  found: { name?: string; channels?: string[]; python?: string; pythonLine?: number },
  file = "",
): ImportResult {
  return {
    packages: context.packages,
    ...(found.python !== undefined ? { python: found.python } : {}),
    ...(found.pythonLine !== undefined ? { pythonSource: { file, line: found.pythonLine } } : {}),
    ...(context.constraints.length > 0 ? { constraints: context.constraints } : {}),
    ...(context.options.length > 0 ? { options: context.options } : {}),
    ...(found.name !== undefined ? { environmentName: found.name } : {}),
    ...(found.channels !== undefined ? { channels: found.channels } : {}),
    unmapped: context.unmapped,
    diagnostics: context.diagnostics,
  };
}

/**
 * What of a carried-over conda spec is not kept: a `channel::` prefix and a
 * build string. The package is judged on its own (a PyPI project, or what the
 * pack provides); these parts have no meaning outside conda.
 */
function droppedParts(spec: {
  name: string;
  channel?: string;
  build?: string;
}): string | undefined {
  const parts = [
    ...(spec.channel ? [`the channel prefix \`${spec.channel}::\``] : []),
    ...(spec.build ? [`the build string \`${spec.build}\``] : []),
  ];
  if (parts.length === 0) return undefined;
  return `${parts.join(" and ")} ${parts.length === 1 ? "is" : "are"} not kept: labenv installs ${spec.name} from the package index (or leaves it to the pack), never ${spec.channel ? `from the ${spec.channel} channel` : "a conda build"}; the lock records the file it installs and its sha256`;
}
