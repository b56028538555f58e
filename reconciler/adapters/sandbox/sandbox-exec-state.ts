import { existsSync, readFileSync } from "node:fs";
import { LabenvError } from "../../core/errors.js";
import { writeFileAtomic } from "../file/atomic-write.js";
import { shapeProblem, type Shape } from "../shape/shape.js";

/** One change someone made inside a running sandbox task, as the container would report it. */
export type SandboxChange =
  | {
      op: "pip-install";
      requirements: string[];
      packages: { name: string; version: string; requested: boolean; previous?: string }[];
    }
  | { op: "pip-uninstall"; names: string[] }
  | { op: "kernel-remove"; name: string }
  | { op: "extension-install"; name: string; version: string }
  | { op: "config-set"; key: string; sha256: string };

/**
 * What was done inside the simulated tasks (`.labenv/sandbox/exec.json`):
 * per environment, the task the changes were made in and the changes in
 * order. A change belongs to its task: a new task starts from the locked
 * image, so changes recorded for an older task no longer apply.
 */
export interface SandboxExecState {
  version: 1;
  environments: Record<
    string,
    { task: string; changes: (SandboxChange & { at: string })[] } | undefined
  >;
}

const EXEC_STATE_SHAPE: Shape = {
  version: "number",
  environments: {
    valuesOf: {
      task: "string",
      changes: {
        arrayOf: {
          op: {
            oneOf: [
              "pip-install",
              "pip-uninstall",
              "kernel-remove",
              "extension-install",
              "config-set",
            ],
          },
          at: "string",
        },
      },
    },
  },
};

/** Reads the exec record; a file that is not JSON or not a record names the file and the field. */
export function loadExecState(file: string): SandboxExecState {
  if (!existsSync(file)) return { version: 1, environments: {} };
  const hint = "delete it to forget what was done inside sandbox tasks";
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LabenvError("provider", `the sandbox exec record ${file} is not valid JSON`, {
      cause: e,
      hint,
    });
  }
  const problem = shapeProblem(value, EXEC_STATE_SHAPE);
  if (problem)
    throw new LabenvError("provider", `the sandbox exec record ${file} is corrupt: ${problem}`, {
      hint,
    });
  return value as SandboxExecState;
}

export function saveExecState(file: string, state: SandboxExecState): void {
  writeFileAtomic(file, `${JSON.stringify(state, null, 1)}\n`);
}

/** The changes that still apply: those recorded for the task that runs now. */
export function changesFor(
  state: SandboxExecState,
  environment: string,
  task: string,
): SandboxChange[] {
  const e = state.environments[environment];
  return e && e.task === task ? e.changes : [];
}
