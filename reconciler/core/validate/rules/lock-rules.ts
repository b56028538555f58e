import type { Diagnostic } from "../../model/diagnostic.js";
import type { Loaded, Repository } from "../../model/documents.js";
import type { LockFinding, RequirementCache } from "../../lock/check-lock.js";
import type { PackageIndexData } from "../../lock/package-index.js";
import { lockFreshness, lockPath } from "../../lock/lock-repository.js";
import { verifyRegistry } from "../../packs/registry.js";
import { finding, isBroken, type Rule } from "../rule.js";

/**
 * Every environment has a lock that is what `labenv lock` writes for it (see
 * `checkLock`), and every lock has its environment. Each finding points at the
 * lock field it is about: `lock-edited` when the lock says what `labenv lock`
 * never writes from the inputs it records, `lock-stale` when the inputs
 * changed since. `index` may answer undefined (a remote index that is not
 * asked): what needs the index is then not judged.
 */
export function lockRules(index: (repo: Repository) => PackageIndexData | undefined): Rule {
  return {
    name: "lock-matches-environment",
    description: "Each environment has an up-to-date environment.lock.yaml.",
    check(repo) {
      const out: Diagnostic[] = [];
      const data = index(repo);
      const parsed: RequirementCache = new Map();
      for (const env of repo.environments.values()) {
        const f = lockFreshness(repo, env, data, parsed);
        if (f.status === "missing") {
          if (!isBroken(repo, lockPath(env)))
            out.push(
              finding(
                env,
                ["spec"],
                "lock",
                `${env.doc.metadata.lab}/${env.doc.metadata.name} has no lock (${lockPath(env)})`,
                "run `labenv lock` and commit the lockfile",
              ),
            );
        } else if (f.status !== "fresh") {
          const lock = repo.locks.get(`${env.doc.metadata.lab}/${env.doc.metadata.name}`)!;
          out.push(...lockFindings(lock, f.findings));
        }
      }
      for (const lock of repo.locks.values()) {
        if (
          !repo.environments.has(`${lock.doc.metadata.lab}/${lock.doc.metadata.name}`) &&
          !isBroken(repo, lock.file.replace(/\.lock\.yaml$/, ".yaml"))
        ) {
          out.push(
            finding(
              lock,
              ["metadata", "name"],
              "lock",
              "lock without an environment.yaml",
              "delete the lockfile, or restore environment.yaml",
            ),
          );
        }
      }
      return out;
    },
  };
}

/** A lock check's findings as diagnostics at the fields they are about. */
export function lockFindings(
  lock: Loaded<"EnvironmentLock">,
  findings: readonly LockFinding[],
): Diagnostic[] {
  return findings.map((f) =>
    f.edited
      ? finding(lock, f.path, "lock-edited", f.message)
      : finding(
          lock,
          f.path,
          "lock-stale",
          `lock is stale: ${f.message}`,
          "run `labenv lock` and commit the lockfile",
        ),
  );
}

/** Published domain pack versions are immutable: the registry's checksums must still match. */
export const packsImmutable: Rule = {
  name: "packs-immutable",
  description: "Domain pack versions match their checksums in domain-packs/registry.yaml.",
  check(repo) {
    if (!repo.registry && !isBroken(repo, "domain-packs/registry.yaml") && repo.packs.size === 0)
      return [];
    return verifyRegistry(repo, repo.registry?.doc).map((p) => {
      const pack = repo.packs.get(p.pack);
      const [name, version] = p.pack.split("@");
      // A version the registry lists but that did not load: at its registry entry, so the
      // finding holds back only that pack's environments.
      const entry = repo.registry?.doc.spec.packs?.[name!]?.versions?.[version!];
      const d = pack
        ? finding(pack, ["spec"], "pack-immutable", p.message, p.hint)
        : repo.registry && entry
          ? finding(
              repo.registry,
              ["spec", "packs", name!, "versions", version!],
              "pack-immutable",
              p.message,
              p.hint,
              { key: true },
            )
          : {
              file: "domain-packs/registry.yaml",
              line: 1,
              column: 1,
              severity: "error" as const,
              code: "pack-immutable",
              message: p.message,
              hint: p.hint,
            };
      return d;
    });
  },
};
