// The Lambda entry files are written elsewhere in the repository; synth must
// say plainly which one is missing instead of failing deep inside esbuild.
import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

export class MissingEntryFileError extends Error {
  readonly code = "LABENV_INFRA_MISSING_ENTRY";

  constructor(
    readonly what: string,
    readonly path: string,
  ) {
    super(
      `labenv infra: the ${what} entry file ${path} does not exist. ` +
        `It must export an async \`handler\`. Create it, or point the stack at another file.`,
    );
    this.name = "MissingEntryFileError";
  }
}

/** Resolves `entry` against `projectRoot` and fails when the file is not there. */
export function requireEntryFile(what: string, projectRoot: string, entry: string): string {
  const absolute = isAbsolute(entry) ? entry : resolve(projectRoot, entry);
  if (!existsSync(absolute)) {
    throw new MissingEntryFileError(what, relative(projectRoot, absolute) || absolute);
  }
  return absolute;
}
