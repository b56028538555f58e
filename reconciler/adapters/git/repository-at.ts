import { loadRepository, type RepoFile } from "../../core/load/load-repository.js";
import type { Repository } from "../../core/model/documents.js";
import type { SchemaCheck } from "../../core/validate/schema-validator.js";
import { readGitObjects } from "./cat-file.js";
import { runGit } from "./run-git.js";

/** The base's documents a change is judged by: every lab.yaml, succession and environment.yaml. */
const BASE_PATHS =
  /^environments\/[^/]+\/(lab\.yaml|successions\/[^/]+\.ya?ml|[^/]+\/environment\.yaml)$/;

/**
 * The labs, successions and environments as they are at `ref` (what `validate --changed-from`
 * compares a change with), read from git in one `ls-tree` and one `cat-file --batch`.
 */
export async function baseDocumentsAt(
  dir: string,
  ref: string,
  check: SchemaCheck,
): Promise<Repository> {
  const listed = await runGit(dir, [
    "ls-tree",
    "-r",
    "--name-only",
    "-z",
    ref,
    "--",
    "environments/",
  ]);
  const paths = listed.split("\0").filter((p) => BASE_PATHS.test(p));
  const objects = await readGitObjects(
    dir,
    paths.map((p) => `${ref}:${p}`),
  );
  const files: RepoFile[] = paths.flatMap((path) => {
    const o = objects.get(`${ref}:${path}`);
    return o ? [{ path, content: o.content }] : [];
  });
  return loadRepository(files, check).repository;
}
