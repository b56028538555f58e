import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { exampleFiles, repoRoot } from "../../helpers/example-repo.js";

/** The example repository as GitHub would serve it: documents, labenv.yaml, the package index, and a README that labenv ignores. */
export function exampleRepository(): RepoFile[] {
  return [
    ...exampleFiles(),
    { path: "package-index.yaml", content: readFileSync(join(repoRoot, "package-index.yaml")) },
    { path: "README.md", content: "# westtek labs\n" },
  ];
}

export function textOf(files: readonly RepoFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path}`);
  return Buffer.from(f.content).toString("utf8");
}

/** The files with `path` replaced by `edit(text)`. */
export function editText(
  files: readonly RepoFile[],
  path: string,
  edit: (text: string) => string,
): RepoFile[] {
  const before = textOf(files, path);
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  return files.map((f) => (f.path === path ? { path, content: after } : f));
}
