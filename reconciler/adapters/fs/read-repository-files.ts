import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { RepoFile } from "../../core/load/load-repository.js";
import { MAX_FILE_BYTES } from "../../core/load/parse-yaml.js";
import { CONFIG_FILES } from "../../core/load/repo-config.js";

const ROOTS = ["environments", "domain-packs"];
const TOP_FILES = ["labenv.yaml", "labenv.yml", "package-index.yaml"];

/**
 * Reads every file the loader looks at from a repository on disk. Symbolic
 * links are reported as files with no content rather than followed, so a
 * link cannot pull files from outside the repository into validation.
 */
export function readRepositoryFiles(root: string): RepoFile[] {
  const files: RepoFile[] = [];
  for (const name of TOP_FILES) {
    const path = join(root, name);
    if (isFile(path)) files.push({ path: name, content: readBounded(path) });
  }
  for (const dir of ROOTS) walk(root, join(root, dir), files);
  return files;
}

/** Only the repository configuration (labenv.yaml or labenv.yml), for commands that need nothing else. */
export function readConfigFiles(root: string): RepoFile[] {
  const files: RepoFile[] = [];
  for (const name of CONFIG_FILES) {
    const path = join(root, name);
    if (isFile(path)) files.push({ path: name, content: readBounded(path) });
  }
  return files;
}

function walk(root: string, dir: string, out: RepoFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    const rel = relative(root, path).split(sep).join("/");
    if (e.isDirectory()) walk(root, path, out);
    else if (e.isSymbolicLink()) out.push({ path: rel, content: new Uint8Array([0]) });
    else if (e.isFile()) out.push({ path: rel, content: readBounded(path) });
  }
}

/** Reads at most one byte more than the loader accepts, so huge files cost nothing. */
function readBounded(path: string): Uint8Array {
  const size = lstatSync(path).size;
  if (size <= MAX_FILE_BYTES) return readFileSync(path);
  return new Uint8Array(size > MAX_FILE_BYTES ? MAX_FILE_BYTES + 1 : size);
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
