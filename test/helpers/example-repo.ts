import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { readRepositoryFiles } from "../../reconciler/adapters/fs/read-repository-files.js";
import type { RepoFile } from "../../reconciler/core/load/load-repository.js";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The example repository shipped in this repo, as loader input. */
export function exampleFiles(): RepoFile[] {
  return readRepositoryFiles(repoRoot);
}

/** A fresh copy of the example repository in a temp directory. */
export function copyExampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "labenv-example-"));
  for (const p of ["environments", "domain-packs", "labenv.yaml", "package-index.yaml"]) {
    cpSync(join(repoRoot, p), join(dir, p), { recursive: true });
  }
  return dir;
}

/** Returns the files with one YAML file changed through `edit` (keeps comments and layout). */
export function editYaml(
  files: RepoFile[],
  path: string,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
): RepoFile[] {
  return files.map((f) => {
    if (f.path !== path) return f;
    const doc = parseDocument(Buffer.from(f.content).toString("utf8"));
    edit(doc);
    return { path, content: doc.toString() };
  });
}

export function text(files: RepoFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return typeof f.content === "string" ? f.content : Buffer.from(f.content).toString("utf8");
}

export function withFile(
  files: RepoFile[],
  path: string,
  content: string | Uint8Array,
): RepoFile[] {
  return [...files.filter((f) => f.path !== path), { path, content }];
}

export function withoutFile(files: RepoFile[], path: string): RepoFile[] {
  return files.filter((f) => f.path !== path);
}

export const TODAY = "2026-11-23";
