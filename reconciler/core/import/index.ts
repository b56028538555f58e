/**
 * Readers for what researchers already have, each returning the same
 * `ImportResult`: packages labenv can lock, plus unmapped entries and
 * diagnostics (file, line, column, message, hint) for everything else.
 * Pure: included files are read through a callback, never from disk.
 */
export type {
  ImportDiagnostic,
  ImportedKernel,
  ImportedOption,
  ImportedPackage,
  ImportResult,
  ReadFile,
  SourceLine,
  Unmapped,
  UnmappedKind,
} from "./types.js";
export { importRequirementsTxt } from "./requirements-txt.js";
export type { RequirementsTxtInput } from "./requirements-txt.js";
export { importPipFreeze } from "./pip-freeze.js";
export type { PipFreezeInput } from "./pip-freeze.js";
export { importPipInspect } from "./pip-inspect.js";
export type { PipInspectInput } from "./pip-inspect.js";
export { importCondaEnvironment } from "./conda-environment.js";
export type { CondaEnvironmentInput } from "./conda-environment.js";
export { convertCondaSpec } from "./conda-match-spec.js";
export type { CondaSpec, CondaSpecResult } from "./conda-match-spec.js";
export { importKernelspecList } from "./kernelspec.js";
export type { KernelspecListInput } from "./kernelspec.js";
