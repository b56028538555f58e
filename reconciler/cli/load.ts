import { readRepositoryFiles } from "../adapters/fs/read-repository-files.js";
import type { Diagnostic } from "../core/model/diagnostic.js";
import type { Repository } from "../core/model/documents.js";
import { loadRepository } from "../core/load/load-repository.js";
import { createSchemaValidator } from "../core/validate/schema-validator.js";

/** Reads and loads the repository at `dir` (documents that failed to load are in `diagnostics`). */
export function loadFromDisk(dir: string): { repository: Repository; diagnostics: Diagnostic[] } {
  return loadRepository(readRepositoryFiles(dir), createSchemaValidator());
}
