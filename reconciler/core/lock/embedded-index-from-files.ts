import { LabenvError } from "../errors.js";
import type { RepoFile } from "../load/load-repository.js";
import { parseEmbeddedIndex, type PackageIndexData } from "./package-index.js";

/** The embedded package index from the repository's own files (for readers that have no disk, like the Lambda). */
export function readEmbeddedIndexFromFiles(files: readonly RepoFile[], path = "package-index.yaml"): PackageIndexData {
  const f = files.find((x) => x.path === path);
  if (!f) throw new LabenvError("config", `the package index ${path} is not in the repository`, { hint: "commit it, or set packageIndex in labenv.yaml" });
  return parseEmbeddedIndex(typeof f.content === "string" ? f.content : Buffer.from(f.content).toString("utf8"), path);
}
