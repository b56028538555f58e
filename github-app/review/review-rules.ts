import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import {
  parseEmbeddedIndex,
  type PackageIndexData,
} from "../../reconciler/core/lock/package-index.js";
import type { Repository } from "../../reconciler/core/model/documents.js";
import { environmentsAffected } from "../../reconciler/core/validate/merge-findings.js";
import type { Rule } from "../../reconciler/core/validate/rule.js";
import { lockRules, packsImmutable } from "../../reconciler/core/validate/rules/lock-rules.js";

/**
 * The rules `labenv validate` adds beyond the documents (locks against the
 * embedded package index, immutable pack versions), over files already in
 * memory instead of a directory. Locks are checked for the environments the
 * pull request changes or affects (only their findings are reported, and a
 * lock check costs milliseconds each). A missing or broken index is one
 * finding (on the index, or on labenv.yaml when it is missing) instead of
 * lock findings that would all be wrong; it holds back every environment.
 * With a remote index, `remote` is what it answered for the affected locks
 * (`app.lockProof: index`); without it what needs the index is not judged.
 */
export function reviewRules(
  files: readonly RepoFile[],
  changed: readonly string[],
  remote?: PackageIndexData,
): Rule[] {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const locks: Rule = {
    name: "lock-matches-environment",
    description: "Each environment has an up-to-date environment.lock.yaml.",
    check(repo, ctx) {
      const index = readIndex(repo, byPath, remote);
      if ("problem" in index) {
        return [
          {
            file: index.file ?? repo.config?.file ?? "labenv.yaml",
            line: 1,
            column: 1,
            severity: "error",
            code: "package-index",
            message: index.problem,
            hint: "add the index, or set spec.packageIndex.path in labenv.yaml",
          },
        ];
      }
      return lockRules(() => index.data).check(affectedEnvironments(repo, changed), ctx);
    },
  };
  return [locks, packsImmutable];
}

/**
 * The repository with only the environments (and their locks) the change
 * affects — every one when it changes labenv.yaml, the package index or the
 * pack registry —; orphaned locks it changes stay.
 */
function affectedEnvironments(repo: Repository, changed: readonly string[]): Repository {
  const affected = environmentsAffected(repo, changed);
  const changedFiles = new Set(changed);
  const environments = new Map([...repo.environments].filter(([key]) => affected.has(key)));
  const locks = new Map(
    [...repo.locks].filter(
      ([key, l]) =>
        environments.has(key) ||
        (!repo.environments.has(key) &&
          (changedFiles.has(l.file) || changedFiles.has(l.file.replace(/\.lock\.yaml$/, ".yaml")))),
    ),
  );
  return { ...repo, environments, locks };
}

function readIndex(
  repo: Repository,
  files: ReadonlyMap<string, RepoFile["content"]>,
  remote: PackageIndexData | undefined,
): { data: PackageIndexData | undefined } | { problem: string; file?: string } {
  // A remote index is not asked here: the caller asked it (app.lockProof: index), or what needs it
  // is left to `labenv lock --check` and the reconciler.
  if (repo.config?.doc.spec.packageIndex?.kind === "pypi") return { data: remote };
  const path =
    repo.config?.doc.spec.packageIndex?.path?.replace(/^\.\//, "") ?? "package-index.yaml";
  const content = files.get(path);
  if (content === undefined)
    return { problem: `the package index ${path} does not exist, so locks cannot be checked` };
  try {
    return {
      data: parseEmbeddedIndex(
        typeof content === "string" ? content : Buffer.from(content).toString("utf8"),
        path,
      ),
    };
  } catch (e) {
    return {
      problem: `the package index ${path} cannot be read: ${(e as Error).message}`,
      file: path,
    };
  }
}
