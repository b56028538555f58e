import { readRepositoryFiles } from "../adapters/fs/read-repository-files.js";
import type { Diagnostic } from "../core/model/diagnostic.js";
import type { Repository } from "../core/model/documents.js";
import { loadRepository } from "../core/load/load-repository.js";
import { createSchemaValidator } from "../core/validate/schema-validator.js";
import { requireUsableConfig } from "../core/load/repo-config.js";

/** Reads and loads the repository at `dir` (documents that failed to load are in `diagnostics`). */
export function loadFromDisk(dir: string): { repository: Repository; diagnostics: Diagnostic[] } {
  return loadRepository(readRepositoryFiles(dir), createSchemaValidator());
}

/** Like `loadFromDisk`, for commands that depend on labenv.yaml: refuses when it has errors. */
export function loadWithConfig(dir: string): { repository: Repository; diagnostics: Diagnostic[] } {
  const loaded = loadFromDisk(dir);
  requireUsableConfig(loaded.diagnostics);
  return loaded;
}
