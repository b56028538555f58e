import { LabenvError } from "../errors.js";
import type { RepoFile } from "../load/load-repository.js";
import type { Repository } from "../model/documents.js";
import { parseEmbeddedIndex, type PackageIndexData } from "./package-index.js";

/**
 * The package index lock checks use: the embedded file labenv.yaml names
 * (default `package-index.yaml`), or none when it names a remote index —
 * checks then skip the dependency walk instead of calling the network, and
 * `labenv lock` resolves against the remote index. `read` returns a file's
 * text, or undefined when it does not exist.
 */
export function indexForChecks(
  repo: Repository,
  read: (path: string) => string | undefined,
): PackageIndexData | undefined {
  const config = repo.config?.doc.spec.packageIndex;
  if (config?.kind === "pypi") return undefined;
  return readEmbeddedIndexWith(config?.path ?? "package-index.yaml", read);
}

/** The embedded index at `path`, with a clear error when it is missing or unreadable. */
export function readEmbeddedIndexWith(
  path: string,
  read: (path: string) => string | undefined,
): PackageIndexData {
  const text = read(path);
  if (text === undefined)
    throw new LabenvError("config", `the package index ${path} does not exist`, {
      hint: "create it, or set packageIndex in labenv.yaml",
    });
  try {
    return parseEmbeddedIndex(text, path);
  } catch (e) {
    throw new LabenvError(
      "config",
      `the package index ${path} cannot be read: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/** Reads files from the repository's own file list (for readers with no disk, like the Lambdas). */
export function fromFiles(files: readonly RepoFile[]): (path: string) => string | undefined {
  return (path) => {
    const f = files.find((x) => x.path === path);
    return f === undefined
      ? undefined
      : typeof f.content === "string"
        ? f.content
        : Buffer.from(f.content).toString("utf8");
  };
}
