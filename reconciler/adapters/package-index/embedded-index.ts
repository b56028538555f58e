import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LabenvError } from "../../core/errors.js";
import type { Repository } from "../../core/model/documents.js";
import { parseEmbeddedIndex, type PackageIndexData } from "../../core/lock/package-index.js";

/** Reads the checked-in package index named by labenv.yaml (default `package-index.yaml`). */
export function readEmbeddedIndex(repoDir: string, repo: Repository): PackageIndexData {
  const rel = repo.config?.doc.spec.packageIndex?.path ?? "package-index.yaml";
  const file = join(repoDir, rel);
  if (!existsSync(file)) {
    throw new LabenvError("config", `the package index ${rel} does not exist`, { hint: "create it, or set packageIndex in labenv.yaml" });
  }
  try {
    return parseEmbeddedIndex(readFileSync(file, "utf8"), rel);
  } catch (e) {
    throw new LabenvError("config", `the package index ${rel} cannot be read: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * The index lock checks use: the embedded file, or none when labenv.yaml
 * names a remote index (checks then skip the dependency walk instead of
 * calling the network; `labenv lock` resolves against the remote index).
 */
export function indexForChecks(repoDir: string, repo: Repository): PackageIndexData | undefined {
  return repo.config?.doc.spec.packageIndex?.kind === "pypi" ? undefined : readEmbeddedIndex(repoDir, repo);
}
