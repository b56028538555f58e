import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Repository } from "../../core/model/documents.js";
import type { PackageIndexData } from "../../core/lock/package-index.js";
import {
  indexForChecks as indexForChecksWith,
  readEmbeddedIndexWith,
} from "../../core/lock/embedded-index-from-files.js";

const fromDisk = (repoDir: string) => (path: string) =>
  existsSync(join(repoDir, path)) ? readFileSync(join(repoDir, path), "utf8") : undefined;

/** Reads the checked-in package index named by labenv.yaml (default `package-index.yaml`). */
export function readEmbeddedIndex(repoDir: string, repo: Repository): PackageIndexData {
  return readEmbeddedIndexWith(
    repo.config?.doc.spec.packageIndex?.path ?? "package-index.yaml",
    fromDisk(repoDir),
  );
}

/** The index lock checks use, read from disk (see the core's `indexForChecks`). */
export function indexForChecks(repoDir: string, repo: Repository): PackageIndexData | undefined {
  return indexForChecksWith(repo, fromDisk(repoDir));
}
